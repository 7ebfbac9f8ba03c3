import GongshiModel
import Testing

@testable import GongshiRules

@Suite("JudgeOrder")
struct JudgeOrderTests {
    @Test("ledger events sort as (kind, key, event) tuples sort, plain keys or not")
    func events() {
        let keys = [
            "xzcf:区市场监管局:周市监罚〔2026〕12号", "xzcf:区市场监管局:周市监罚〔2026〕2号", "xzcf:Caf\u{E9}:1", "xzcf:Cafe\u{301}:1",
            "xzxk:区城管局:周城管垃核〔2025〕2号", "mingdan:失信被执行人:张三:2025-01-01", "xzcf:区—局:1", "",
        ]
        var events: [LedgerEvent] = []
        for (n, key) in keys.enumerated() {
            for kind in [RecordKind.xzcf, .mingdan, .xzxk] {
                for event in [LedgerEvent.Kind.withdrawn, .published, .updated]
                where (n + event.rawValue.count) % 2 == 0 {
                    events.append(
                        LedgerEvent(date: day("2026-11-25"), event: event, kind: kind, key: key, digest: "\(n)"))
                }
            }
        }
        events.reverse()
        var expected = events
        expected.sort { ($0.kind, $0.key, $0.event.rawValue) < ($1.kind, $1.key, $1.event.rawValue) }
        var sorted = events
        JudgeOrder.sortEvents(&sorted)
        #expect(sorted.map(\.key) == expected.map(\.key))
        #expect(sorted.map(\.digest) == expected.map(\.digest))
        #expect(sorted.map(\.event) == expected.map(\.event))
    }

    @Test("permute puts each element where the order says, through every cycle")
    func permute() {
        var items = Array("abcdefgh")
        let order = [3, 0, 1, 2, 4, 7, 5, 6]
        let expected = order.map { items[$0] }
        JudgeOrder.permute(&items, order)
        #expect(items == expected)
    }

    @Test("permute moves references: each element is kept once and released once")
    func permuteMovesReferences() {
        final class Counted: @unchecked Sendable {
            let n: Int
            let released: Box
            init(_ n: Int, _ released: Box) {
                self.n = n
                self.released = released
            }
            deinit { released.count += 1 }
        }
        final class Box: @unchecked Sendable { var count = 0 }
        let released = Box()
        var state: UInt64 = 7
        var order = Array(0..<1000)
        for i in order.indices.reversed() {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(i, Int(state >> 33) % (i + 1))
        }
        do {
            var items = (0..<1000).map { Counted($0, released) }
            JudgeOrder.permute(&items, order)
            #expect(items.map(\.n) == order)
            #expect(released.count == 0)
        }
        #expect(released.count == 1000)
    }
}

@Suite("JudgeOrder.sortedPositions")
struct SortedPositionsTests {
    @Test(
        "two halves sorted apart and merged give the order of one stable sort, ties included", arguments: [10, 40_000])
    func sameAsOneSort(count: Int) {
        var state: UInt64 = 12_345
        let values = (0..<count).map { _ -> Int in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 54)  // 1 024 values: many ties
        }
        let less: @Sendable (Int, Int) -> Bool = { values[$0] < values[$1] }
        let merged = JudgeOrder.sortedPositions(count, by: less)
        #expect(merged == (0..<count).sorted(by: less))
        // Stable: equal values keep their positions' order.
        #expect(zip(merged, merged.dropFirst()).allSatisfy { values[$0] < values[$1] || $0 < $1 })
    }
}
