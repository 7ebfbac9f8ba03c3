import GongshiModel
import Testing

@testable import GongshiRules

@Suite("PackedValues: a record's field values in one allocation")
struct PackedValuesTests {
    @Test func everyValueComesBackAsGiven() {
        let values = [
            "", "淄博周村品宁食品有限公司", "91370306378114528B", "", "a\u{0}b\nc", String(repeating: "长", count: 30_000), "",
        ]
        let packed = PackedValues(values)
        #expect(packed.count == values.count)
        #expect(packed.all == values)
        #expect(packed[-1] == "" && packed[values.count] == "")
        #expect(PackedValues([]).all == [])
    }

    /// Extras come back by their own position and never count as values, with 2-byte offsets (texts
    /// under 64 KB) and with 4-byte ones.
    @Test func extrasComeBackApartFromTheValues() {
        for long in [String(repeating: "长", count: 10), String(repeating: "长", count: 30_000)] {
            let packed = PackedValues(["a", long, ""], extras: ["scjgj-3f9a", "", long, "x"])
            #expect(packed.count == 3)
            #expect(packed.all == ["a", long, ""])
            #expect((0..<5).map(packed.extra) == ["scjgj-3f9a", "", long, "x", ""])
            #expect(packed.extra(-1) == "" && packed[3] == "")
        }
        #expect(PackedValues([], extras: ["k"]).all == [] && PackedValues([], extras: ["k"]).extra(0) == "k")
    }

    @Test func fieldsAreTheKindsPublishedColumns() {
        let fields = PublishedField.published(.xzcf)
        #expect(!fields.contains { $0.role == .secret })
        #expect(fields == RecordKind.xzcf.schema.fields.filter { $0.role != .secret })
        #expect(PublishedField.position(.xzcf, .fineAmount) == fields.firstIndex(of: .fineAmount))
        #expect(PublishedField.position(.xzxk, .fineAmount) == nil)
    }
}

@Suite("ValueTable: a build's low-variety values kept once")
struct ValueTableTests {
    /// Values of the shared positions come back as given, through the table; equal values share one
    /// number, so the table holds each once; others (and empty ones) stay in the record.
    @Test func sharedValuesComeBackAndAreKeptOnce() {
        let table = ValueTable()
        let long = String(repeating: "长", count: 20_000)
        let rows = [
            ["淄博周村品宁食品有限公司", "《城市市容和环境卫生管理条例》第三十六条", "", "区城管局", long],
            ["周村区商家镇卓诚小吃部", "《城市市容和环境卫生管理条例》第三十六条", "x", "区城管局", long],
        ]
        let shared = [false, true, true, true, true]
        let packed = rows.map { PackedValues($0, extras: ["scjgj-3f9a", ""], table: table, shared: shared) }
        for (p, row) in zip(packed, rows) {
            #expect(p.all == row)
            #expect(p.count == row.count)
            #expect((0..<3).map(p.extra) == ["scjgj-3f9a", "", ""])
        }
        // 依据, 区城管局, x and the long text: the names and the empty value are not in the table.
        #expect(table.valueCount == 4)
        #expect(table.number(of: "区城管局") == table.number(of: "区城管局"))
        #expect(table.valueCount == 4)
    }

    /// Numbers past one and two bytes, and many values at once from every core, each found again.
    @Test func manyValuesFromManyThreadsKeepTheirNumbers() {
        let table = ValueTable()
        let values = (0..<70_000).map { "值\($0)" }
        let numbers = ParallelMap.chunked(values + values, chunk: 1000) { table.number(of: $0) ?? -1 }
        #expect(table.valueCount == values.count)
        let wrong = values.indices.filter {
            numbers[$0] != numbers[$0 + values.count] || table[numbers[$0]] != values[$0]
        }
        #expect(wrong.isEmpty)
        let packed = PackedValues(["a", values[69_999], values[300]], table: table, shared: [true, true, true])
        #expect(packed.all == ["a", values[69_999], values[300]])
    }
}
