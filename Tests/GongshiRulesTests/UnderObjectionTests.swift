import GongshiModel
import Testing

@testable import GongshiRules

@Suite("under-objection")
struct UnderObjectionTests {
    let blackKey = listKey("失信被执行人", Fixture.companyA, "2026-11-02")
    let redKey = listKey("纳税信用A级纳税人", Fixture.companyA, "2026-04-01")

    @Test("a penalty under 异议 stays public, marked, with its 状态说明", arguments: ["异议", "2"])
    func penalty(status: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty(["当前状态": status, "状态日期": "2026-11-24", "状态说明": "当事人已申请行政复议"])]).judge()
        let f = try #require(j.findings("under-objection").first)
        #expect(j.ruleIDs == ["under-objection"])
        #expect(f.severity == .info)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        let r = try #require(j.record(penaltyKey()))
        #expect(r.underObjection)
        #expect(r.statusNote == "当事人已申请行政复议")
        #expect(r.field("当前状态") == "异议")
        #expect(r.field("状态日期") == "2026-11-24")
    }

    @Test("a licence under 异议 stays public")
    func licence() throws {
        let j = try Fixture(.xzxk, [Row.licence(["当前状态": "异议"])]).judge()
        #expect(j.ruleIDs == ["under-objection"])
        #expect(j.record(licenceKey())?.underObjection == true)
    }

    @Test("before its 状态日期 the objection has no effect")
    func beforeStatusDate() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["当前状态": "异议", "状态日期": "2026-11-26", "状态说明": "x"])]).judge("2026-11-25")
        #expect(j.findings.isEmpty)
        let r = try #require(j.record(penaltyKey()))
        #expect(!r.underObjection)
        #expect(r.statusNote == "")
        #expect(r.field("当前状态") == "")
    }

    @Test("a black-list entry under 异议 is suspended while verified")
    func blackSuspended() throws {
        let j = try Fixture(.mingdan, [Row.black(["当前状态": "异议", "状态日期": "2026-11-20"])]).judge()
        let f = try #require(j.findings("under-objection").first)
        #expect(j.ruleIDs == ["under-objection"])
        #expect(f.key == blackKey)
        #expect(f.department == "fy")
        #expect(j.publication.listEntries.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["under-objection"])
    }

    @Test("a shown black-list entry put under 异议 is withdrawn in the ledger")
    func blackWithdrawn() throws {
        var f = Fixture(.mingdan, [Row.black(["当前状态": "异议", "状态日期": "2026-11-20"])])
        f.ledger = ["2026-11-03,公示,mingdan,\(blackKey),0123456789abcdef"]
        let j = try f.judge()
        #expect(j.publication.newEvents.map(\.event) == [.withdrawn])
    }

    @Test("a red-list entry under 异议 stays public, marked")
    func red() throws {
        let j = try Fixture(.mingdan, [Row.red(["当前状态": "异议"])]).judge()
        #expect(j.ruleIDs == ["under-objection"])
        #expect(j.entry(redKey)?.underObjection == true)
    }

    @Test("正常 records are not under objection")
    func normal() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.add(.mingdan, [Row.black(["当前状态": "正常"])])
        let j = try f.judge()
        #expect(j.findings.isEmpty)
        #expect(j.entry(blackKey)?.underObjection == false)
    }
}
