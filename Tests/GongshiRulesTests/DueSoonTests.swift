import GongshiModel
import Testing

@testable import GongshiRules

/// Decided Friday 2026-11-20, deadline Tuesday 2026-12-01.
@Suite("due-soon")
struct DueSoonTests {
    let fixture = Fixture(.xzcf, [Row.penalty()])

    @Test("the deadline is the build date itself")
    func today() throws {
        let j = try fixture.judge("2026-12-01")
        let f = try #require(j.findings("due-soon").first)
        #expect(j.ruleIDs == ["due-soon"])
        #expect(f.severity == .warning)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(f.message.contains("2026-12-01"))
        #expect(j.isPublic(penaltyKey()))
    }

    @Test(
        "the deadline is one of the next 2 working days",
        arguments: ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"])
    func within(date: String) throws {
        #expect(try fixture.judge(date).ruleIDs == ["due-soon"])
    }

    @Test("3 working days ahead is not due soon, but is an upcoming deadline")
    func notYet() throws {
        let j = try fixture.judge("2026-11-26")
        #expect(j.findings.isEmpty)
        let u = try #require(j.publication.upcoming.first)
        #expect(u.key == penaltyKey())
        #expect(u.deadline == day("2026-12-01"))
        #expect(u.department == "scjgj")
    }

    @Test("already in the ledger: not due")
    func published() throws {
        var f = fixture
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),0000000000000000"]
        let j = try f.judge("2026-12-01")
        #expect(j.findings("due-soon").isEmpty)
        #expect(j.publication.upcoming.isEmpty)
    }

    @Test("past the deadline it is late, not due")
    func past() throws {
        #expect(try fixture.judge("2026-12-02").ruleIDs == ["late-disclosure"])
    }

    /// Decided 2026-09-28 (Mon): 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 (5), 10-12 (6), 10-13 (7).
    /// On 2026-10-09 the next 2 working days are 10-10 and 10-12: not yet due.
    /// On 2026-10-10 (make-up Saturday) the next 2 working days are 10-12 and 10-13: due.
    @Test("working days, not calendar days")
    func overHolidays() throws {
        let f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-09-28"])])
        #expect(try f.judge("2026-10-09").findings("due-soon").isEmpty)
        #expect(try f.judge("2026-10-10").findings("due-soon").count == 1)
        #expect(try f.judge("2026-10-10").record(penaltyKey())?.deadline == day("2026-10-13"))
    }

    @Test("withheld records are not due")
    func withheld() throws {
        let j = try Fixture(.xzcf, [NaturalPersonWithheldTests.person()]).judge("2026-12-01")
        #expect(j.ruleIDs == ["natural-person-withheld"])
        #expect(j.publication.upcoming.isEmpty)
    }
}
