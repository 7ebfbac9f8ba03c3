import GongshiModel
import Testing

@testable import GongshiRules

/// The ledger events a build date adds (SPEC §1.9): 公示 for what is newly public, 更新 when the
/// published content changed, 撤回 for what the ledger shows but is no longer public.
@Suite("Ledger events")
struct LedgerEventsTests {
    @Test("new public records get a 公示 event with their digest; withheld ones get none")
    func published() throws {
        var f = Fixture(.xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号", "违法事实": ""])])
        f.add(.xzxk, [Row.licence()])
        f.add(.mingdan, [Row.black()])
        let j = try f.judge()
        let events = j.publication.newEvents
        #expect(events.map(\.event) == [.published, .published, .published])
        #expect(events.map(\.kind) == [.xzxk, .xzcf, .mingdan])
        #expect(events.allSatisfy { $0.date == day("2026-11-25") })
        #expect(events.first { $0.kind == .xzcf }?.digest == j.record(penaltyKey())?.digest)
        #expect(events.allSatisfy { $0.digest.count == 16 && $0.digest.allSatisfy(\.isHexDigit) })
        #expect(!events.contains { $0.key == penaltyKey("周市监罚〔2026〕2号") })
        #expect(j.publication.eventsOfDate == events)
    }

    @Test("an unchanged record already in the ledger gets no event and keeps its first publication")
    func unchanged() throws {
        let first = try Fixture(.xzcf, [Row.penalty()]).judge("2026-11-23")
        let digest = try #require(first.record(penaltyKey())?.digest)
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),\(digest)"]
        let j = try f.judge("2026-11-25")
        #expect(j.publication.newEvents.isEmpty)
        let r = try #require(j.record(penaltyKey()))
        #expect(r.firstPublished == day("2026-11-23"))
        #expect(r.lastUpdated == nil)
        #expect(j.publication.eventsOfDate.isEmpty)
    }

    @Test("a changed record gets an 更新 event; its first publication stays")
    func updated() throws {
        let first = try Fixture(.xzcf, [Row.penalty()]).judge("2026-11-23")
        let digest = try #require(first.record(penaltyKey())?.digest)
        var f = Fixture(.xzcf, [Row.penalty(["处罚内容": "罚款3000元", "罚款金额（万元）": "0.3"])])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),\(digest)"]
        let j = try f.judge("2026-11-25")
        let e = try #require(j.publication.newEvents.first)
        #expect(j.publication.newEvents.count == 1)
        #expect(e.event == .updated)
        #expect(e.key == penaltyKey())
        #expect(e.digest != digest)
        let r = try #require(j.record(penaltyKey()))
        #expect(e.digest == r.digest)
        #expect(r.firstPublished == day("2026-11-23"))
        #expect(r.lastUpdated == day("2026-11-25"))
    }

    @Test("a status change alone is not a content change")
    func statusNotContent() throws {
        let first = try Fixture(.xzcf, [Row.penalty()]).judge("2026-11-23")
        let digest = try #require(first.record(penaltyKey())?.digest)
        var f = Fixture(.xzcf, [Row.penalty(["当前状态": "异议", "状态日期": "2026-11-24", "状态说明": "复议中"])])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),\(digest)"]
        let j = try f.judge("2026-11-25")
        #expect(j.publication.newEvents.isEmpty)
    }

    @Test("keys shown in the ledger but no longer public get a 撤回 event; removed rows too")
    func withdrawn() throws {
        var f = Fixture(.xzcf, [Row.penalty(["违法事实": ""])])
        f.ledger = [
            "2026-11-23,公示,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
            "2026-11-23,公示,mingdan,\(listKey("失信被执行人", "已删除公司", "2026-11-02")),bbbbbbbbbbbbbbbb",
        ]
        let j = try f.judge("2026-11-25")
        let events = j.publication.newEvents
        #expect(events.map(\.event) == [.withdrawn, .withdrawn])
        #expect(Set(events.map(\.key)) == [penaltyKey(), listKey("失信被执行人", "已删除公司", "2026-11-02")])
        #expect(events.first { $0.kind == .xzcf }?.digest == "aaaaaaaaaaaaaaaa")
    }

    @Test("a key withdrawn earlier and public again is published again; its first publication stays")
    func republished() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = [
            "2026-11-23,公示,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
            "2026-11-24,撤回,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
        ]
        let j = try f.judge("2026-11-25")
        #expect(j.publication.newEvents.map(\.event) == [.published])
        #expect(j.record(penaltyKey())?.firstPublished == day("2026-11-23"))
    }

    @Test("events after the build date are ignored")
    func futureEvents() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = ["2026-11-30,公示,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa"]
        let j = try f.judge("2026-11-25")
        #expect(j.publication.newEvents.map(\.event) == [.published])
        #expect(j.record(penaltyKey())?.firstPublished == day("2026-11-25"))
        #expect(j.publication.eventsOfDate == j.publication.newEvents)
    }

    @Test("a ledger out of date order is folded chronologically")
    func outOfOrder() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = [
            "2026-11-24,撤回,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
            "2026-11-23,公示,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
        ]
        let j = try f.judge("2026-11-25")
        #expect(j.publication.newEvents.map(\.event) == [.published])
    }

    @Test("the same data, ledger and date give the same events and digests")
    func deterministic() throws {
        var f = Fixture(.xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号"])])
        f.add(.mingdan, [Row.black(), Row.red(["统一社会信用代码": Fixture.companyC, "主体名称": "另一公司"])])
        let a = try f.judge()
        let b = try f.judge()
        #expect(a.publication.newEvents == b.publication.newEvents)
        #expect(a.findings == b.findings)
    }
}
