import GongshiModel
import Testing

@testable import GongshiRules

/// The ledger folded per key (``LedgerHistory``): chronologically whatever the order of the file,
/// ignoring events after the build date, with each key's state found by key and by position alike.
@Suite("Ledger history")
struct LedgerHistoryTests {
    static func event(_ date: String, _ kind: LedgerEvent.Kind, _ key: String, _ digest: String = "") -> LedgerEvent {
        LedgerEvent(date: day(date), event: kind, kind: .xzcf, key: key, digest: digest)
    }

    @Test("a ledger appended out of order folds as if in date order; later events are ignored")
    func outOfOrder() throws {
        let inOrder = [
            Self.event("2026-11-01", .published, "xzcf:甲:1", "aa"),
            Self.event("2026-11-02", .published, "xzcf:乙:2", "bb"),
            Self.event("2026-11-03", .updated, "xzcf:甲:1", "cc"),
            Self.event("2026-11-04", .withdrawn, "xzcf:乙:2"),
            Self.event("2026-11-30", .updated, "xzcf:甲:1", "dd"),
        ]
        let shuffled = [inOrder[2], inOrder[4], inOrder[0], inOrder[3], inOrder[1]]
        for events in [inOrder, shuffled] {
            let h = LedgerHistory(events: events, through: day("2026-11-25"))
            let a = try #require(h["xzcf:甲:1"])
            #expect(a.firstPublished == day("2026-11-01"))
            #expect(a.lastUpdated == day("2026-11-03"))
            #expect(a.lastDigest == "cc")
            #expect(a.isShown)
            let b = try #require(h["xzcf:乙:2"])
            #expect(b.lastWithdrawn == day("2026-11-04"))
            #expect(b.lastDigest == "bb")
            #expect(!b.isShown)
            #expect(h["xzcf:丙:3"] == nil)
            #expect(h.position(of: "xzcf:丙:3") == nil)
        }
        // Keys in order of their first event in date order.
        #expect(LedgerHistory(events: shuffled, through: day("2026-11-25")).order == ["xzcf:甲:1", "xzcf:乙:2"])
    }

    @Test("a key's position in the order gives the state its key gives")
    func positions() throws {
        let events = [
            Self.event("2026-11-01", .published, "xzcf:甲:1", "aa"),
            Self.event("2026-11-02", .imported, "xzcf:乙:2", "bb"),
            Self.event("2026-11-03", .published, "xzcf:丙:3", "cc"),
        ]
        let h = LedgerHistory(events: events, through: day("2026-11-25"))
        for (i, key) in h.order.enumerated() {
            #expect(h.position(of: key) == i)
            #expect(h.state(at: i).lastDigest == h[key]?.lastDigest)
            #expect(h.state(at: i).firstImported == h[key]?.firstImported)
        }
        #expect(h.state(at: try #require(h.position(of: "xzcf:乙:2"))).firstImported)
    }

    @Test("events under a replaced key fold under the key that replaced it")
    func aliases() throws {
        let events = [
            Self.event("2026-11-01", .published, "mingdan:名单:张三:2026-10-01", "aa"),
            Self.event("2026-11-03", .updated, "mingdan:名单:自然人-0123456789ab:2026-10-01", "bb"),
        ]
        let h = LedgerHistory(
            events: events, through: day("2026-11-25"),
            aliases: ["mingdan:名单:张三:2026-10-01": "mingdan:名单:自然人-0123456789ab:2026-10-01"])
        #expect(h.order == ["mingdan:名单:自然人-0123456789ab:2026-10-01"])
        let s = try #require(h["mingdan:名单:自然人-0123456789ab:2026-10-01"])
        #expect(s.firstPublished == day("2026-11-01"))
        #expect(s.lastDigest == "bb")
        #expect(h["mingdan:名单:张三:2026-10-01"] == nil)
    }

    @Test("a key is found however Unicode spells it: plain keys by their bytes, others as String compares them")
    func spellings() {
        let h = LedgerHistory(
            events: [
                Self.event("2026-11-01", .published, "xzcf:区市场监管局:周市监罚〔2026〕1号", "aa"),
                Self.event("2026-11-02", .published, "xzcf:Caf\u{E9}:1", "bb"),
            ], through: day("2026-11-25"))
        #expect(h.position(of: "xzcf:区市场监管局:周市监罚〔2026〕1号") == 0)
        #expect(h.position(of: "xzcf:区市场监管局:周市监罚〔2026〕2号") == nil)
        #expect(h.position(of: "xzcf:Cafe\u{301}:1") == 1)
        #expect(h["xzcf:Caf\u{E9}:1"]?.lastDigest == "bb")
    }
}
