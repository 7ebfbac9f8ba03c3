import GongshiModel
import Testing

@testable import GongshiRules

@Suite("late-disclosure")
struct LateDisclosureTests {
    @Test("decided Friday 2026-11-20: the deadline is Tuesday 2026-12-01; published now on 12-02 is 1 working day late")
    func lateNow() throws {
        let j = try Fixture(.xzcf, [Row.penalty()]).judge("2026-12-02")
        let f = try #require(j.findings("late-disclosure").first)
        #expect(j.ruleIDs == ["late-disclosure"])
        #expect(f.severity == .error)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(f.message.contains("2026-12-01"))
        let r = try #require(j.record(penaltyKey()), "a late record is still published")
        #expect(r.deadline == day("2026-12-01"))
        #expect(r.firstPublished == day("2026-12-02"))
        #expect(r.isLate)
        #expect(r.lateWorkdays == 1)
    }

    @Test("published on the deadline itself is timely")
    func onDeadline() throws {
        let j = try Fixture(.xzcf, [Row.penalty()]).judge("2026-12-01")
        #expect(j.findings("late-disclosure").isEmpty)
        let r = try #require(j.record(penaltyKey()))
        #expect(!r.isLate)
        #expect(r.lateWorkdays == 0)
    }

    @Test("the ledger's 公示 date decides, not the build date")
    func ledgerDecides() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = ["2026-11-30,公示,xzcf,\(penaltyKey()),0000000000000000"]
        let j = try f.judge("2026-12-10")
        #expect(j.findings("late-disclosure").isEmpty)
        #expect(j.record(penaltyKey())?.firstPublished == day("2026-11-30"))

        f.ledger = ["2026-12-03,公示,xzcf,\(penaltyKey()),0000000000000000"]
        let late = try f.judge("2026-12-10")
        #expect(late.findings("late-disclosure").count == 1)
        #expect(late.record(penaltyKey())?.lateWorkdays == 2)
    }

    /// Decided Wednesday 2026-11-25: deadline Friday 2026-12-04. Published Saturday 12-05.
    @Test("published on a non-working day right after the deadline is late")
    func weekendAfterDeadline() throws {
        let f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-11-25"])])
        let j = try f.judge("2026-12-05")
        #expect(j.findings("late-disclosure").count == 1)
        let r = try #require(j.record(penaltyKey()))
        #expect(r.deadline == day("2026-12-04"))
        #expect(r.isLate)
        #expect(r.lateWorkdays == 0)
        #expect(try f.judge("2026-12-04").findings("late-disclosure").isEmpty)
    }

    /// Decided 2026-09-30: 10-01..10-07 off, 10-10 (Saturday) a working day; the deadline is 10-15.
    @Test("the National Day break and its make-up Saturday")
    func nationalDay() throws {
        let f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-09-30"])])
        let onTime = try f.judge("2026-10-15")
        #expect(onTime.record(penaltyKey())?.deadline == day("2026-10-15"))
        #expect(onTime.findings("late-disclosure").isEmpty)
        let late = try f.judge("2026-10-16")
        #expect(late.findings("late-disclosure").count == 1)
        #expect(late.record(penaltyKey())?.lateWorkdays == 1)
    }

    @Test("deadlineWorkdays from site.yml")
    func setting() throws {
        var f = Fixture(.xzxk, [Row.licence()])
        f.disclosure("deadlineWorkdays: 3")
        let j = try f.judge("2026-11-26")
        #expect(j.record(licenceKey())?.deadline == day("2026-11-25"))
        #expect(j.findings("late-disclosure").count == 1)
    }

    @Test("licences are judged too; list entries are not")
    func kinds() throws {
        var f = Fixture(.xzxk, [Row.licence()])
        f.add(.mingdan, [Row.black(["列入日期": "2026-01-05"])])
        let j = try f.judge("2026-12-02")
        #expect(j.findings("late-disclosure").map(\.key) == [licenceKey()])
    }

    @Test("a withheld record is neither late nor due")
    func withheld() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["违法事实": ""])]).judge("2026-12-20")
        #expect(j.ruleIDs == ["missing-field"])
    }
}
