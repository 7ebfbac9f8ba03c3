import GongshiModel
import Testing
@testable import GongshiRules

@Suite("missing-calendar")
struct MissingCalendarTests {
    @Test("a deadline running into a year without calendar file throws, naming the file")
    func deadlineIntoNextYear() throws {
        let site = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-12-28"])]).read()
        let error = #expect(throws: MissingCalendarYear.self) { try Judge.judge(site, date: day("2026-12-28")) }
        #expect(error?.year == 2027)
        #expect(error?.file == "Content/calendar/2027.yml")
    }

    @Test("a public record decided in a year without calendar throws")
    func earlierYear() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2025-12-01", "失信严重程度": "严重"])])
        f.calendarYears = [2026]
        f.ledger = ["2025-12-02,公示,xzcf,\(penaltyKey()),0"]
        let site = try f.read()
        #expect(throws: MissingCalendarYear(year: 2025)) { try Judge.judge(site, date: day("2026-11-25")) }
    }

    @Test("a build date in a year without calendar throws")
    func buildDateYear() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),0"]
        let site = try f.read()
        #expect(throws: MissingCalendarYear(year: 2027)) { try Judge.judge(site, date: day("2027-01-05")) }
        let empty = try Fixture().read()
        #expect(throws: MissingCalendarYear(year: 2027)) { try Judge.judge(empty, date: day("2027-01-05")) }
    }

    @Test("revocations count working days too")
    func withdrawal() throws {
        var f = Fixture(.xzcf, [Row.penalty(["当前状态": "撤销", "状态日期": "2026-12-30"])])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),0"]
        let site = try f.read()
        #expect(throws: MissingCalendarYear(year: 2027)) { try Judge.judge(site, date: day("2026-12-31")) }
    }

    @Test("withheld records need no calendar")
    func withheldNeedsNone() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2024-06-03", "违法事实": ""])])
        f.calendarYears = [2026]
        let j = try f.judge("2026-11-25")
        #expect(j.ruleIDs == ["missing-field"])
    }

    @Test("with the years present nothing throws")
    func present() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-12-21"])]).judge("2026-12-21")
        #expect(j.record(penaltyKey())?.deadline == day("2026-12-30"))
    }
}
