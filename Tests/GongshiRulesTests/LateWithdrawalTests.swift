import GongshiModel
import Testing

@testable import GongshiRules

/// Revoked on Monday 2026-11-16; with withdrawWorkdays 3 it must be withdrawn by Thursday 2026-11-19.
@Suite("late-withdrawal")
struct LateWithdrawalTests {
    static let row = Row.penalty(["处罚决定日期": "2026-11-02", "当前状态": "撤销", "状态日期": "2026-11-16", "状态说明": "复议撤销"])
    static let shown = "2026-11-04,公示,xzcf,\(penaltyKey()),0123456789abcdef"

    var fixture: Fixture {
        var f = Fixture(.xzcf, [Self.row])
        f.ledger = [Self.shown]
        return f
    }

    @Test("withdrawn by the build date within the time: no finding")
    func inTime() throws {
        let j = try fixture.judge("2026-11-19")
        #expect(j.ruleIDs == ["revoked"])
        #expect(j.publication.newEvents.map(\.event) == [.withdrawn])
    }

    @Test("still shown after the withdrawWorkdays-th working day: an error")
    func late() throws {
        let j = try fixture.judge("2026-11-20")
        let f = try #require(j.findings("late-withdrawal").first)
        #expect(f.severity == .error)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(f.message.contains("2026-11-19"))
        // Not withdrawn yet: this build withdraws it, a working day late.
        #expect(f.message.contains("尚未撤回，今天（2026-11-20）撤回时逾期 1 个工作日"), "\(f.message)")
        #expect(j.notice(penaltyKey()) != nil, "the notice is still published")
    }

    @Test("revoked before this site ever showed it, first seen after the time: nothing was withdrawn late")
    func revokedBeforeShownIsNeverLate() throws {
        var f = Fixture(.xzcf, [Self.row])
        f.ledger = []
        let j = try f.judge("2026-11-25")
        #expect(j.findings("late-withdrawal").isEmpty, "\(j.findings.map(\.message))")
        let notice = try #require(j.notice(penaltyKey()))
        #expect(!notice.wasShown)
    }

    @Test("the ledger's 撤回 date decides")
    func ledger() throws {
        var f = fixture
        f.ledger?.append("2026-11-18,撤回,xzcf,\(penaltyKey()),0123456789abcdef")
        #expect(try f.judge("2026-11-30").findings("late-withdrawal").isEmpty)
        var g = fixture
        g.ledger?.append("2026-11-20,撤回,xzcf,\(penaltyKey()),0123456789abcdef")
        let late = try g.judge("2026-11-30").findings("late-withdrawal")
        #expect(late.count == 1)
        #expect(late.first?.message.contains("实际撤回于 2026-11-20，逾期 1 个工作日") == true)
    }

    @Test("revoked before it was ever shown: the first build records the 撤回, which then dates the notice")
    func neverShown() throws {
        let f = Fixture(.xzcf, [Self.row])
        let first = try f.judge("2026-11-18")
        #expect(first.publication.newEvents.map(\.event) == [.withdrawn])
        var g = f
        g.ledger = first.publication.newEvents.map(\.csvLine)
        let later = try g.judge("2026-11-30")
        #expect(later.findings("late-withdrawal").isEmpty, "withdrawn 11-18, within the time")
        #expect(later.notice(penaltyKey())?.withdrawnOn == day("2026-11-18"))
        #expect(later.publication.newEvents.isEmpty)
    }

    @Test("revoked, never shown, its publicity over (no notice): nothing to withdraw, never late")
    func nothingToWithdraw() throws {
        let minor = Row.penalty(["失信严重程度": "轻微", "当前状态": "撤销", "状态日期": "2026-11-24", "状态说明": "复议撤销"])
        let j = try Fixture(.xzcf, [minor]).judge("2026-12-10")
        #expect(j.notice(penaltyKey()) == nil)
        #expect(j.findings("late-withdrawal").isEmpty)
        #expect(j.findings("revoked").first?.message.contains("不显示撤回说明") == true)
    }

    @Test("withdrawWorkdays from site.yml")
    func setting() throws {
        var f = fixture
        f.disclosure("withdrawWorkdays: 5")
        #expect(try f.judge("2026-11-23").findings("late-withdrawal").isEmpty)
        #expect(try f.judge("2026-11-24").findings("late-withdrawal").count == 1)
    }

    /// Revoked 2026-09-30: 10-08 (1), 10-09 (2), 10-10 make-up Saturday (3).
    @Test("working days over the National Day break")
    func nationalDay() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-09-01", "当前状态": "撤销", "状态日期": "2026-09-30"])])
        f.ledger = ["2026-09-02,公示,xzcf,\(penaltyKey()),0"]
        #expect(try f.judge("2026-10-10").findings("late-withdrawal").isEmpty)
        #expect(try f.judge("2026-10-11").findings("late-withdrawal").count == 1)
    }

    @Test("records that are not revoked are never late to withdraw")
    func notRevoked() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-11-02", "当前状态": "异议", "状态日期": "2026-11-16"])])
        f.ledger = [Self.shown]
        #expect(try f.judge("2026-11-30").findings("late-withdrawal").isEmpty)
    }
}
