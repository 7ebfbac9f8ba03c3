import GongshiModel
import Testing

@testable import GongshiRules

@Suite("missing-calendar")
struct MissingCalendarTests {
    @Test("a deadline running into a missing year: the record is published, timeliness unjudged, one error on the file")
    func deadlineIntoNextYear() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-12-28"])]).judge("2026-12-31")
        let f = j.findings("missing-calendar")
        #expect(f.count == 1)
        #expect(f.first?.severity == .error)
        #expect(f.first?.file == "Content/calendar/2027.yml")
        #expect(f.first?.line == 0)
        #expect(f.first?.message.contains("1 条记录") == true)
        let r = try #require(j.record(penaltyKey()))
        #expect(r.timelinessJudged == false)
        #expect(r.isLate == false)
        #expect(j.findings("late-disclosure").isEmpty && j.findings("due-soon").isEmpty)
        #expect(j.publication.withheld.isEmpty)
    }

    @Test("a department's clerk sees it: their records' timeliness is what it leaves unjudged")
    func shownToEveryDepartment() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-12-28"])]).judge("2026-12-31")
        let department = try #require(j.publication.records.first?.department.code)
        #expect(j.findings(ofDepartment: department).map(\.rule).contains("missing-calendar"))
        #expect(j.findings(ofDepartment: "nosuch").map(\.rule).contains("missing-calendar"))
    }

    @Test("once per missing year, counting every record it left unjudged")
    func oncePerYear() throws {
        var f = Fixture(
            .xzcf,
            [
                Row.penalty(["处罚决定日期": "2026-12-28"]),
                Row.penalty(["处罚决定日期": "2026-12-29", "行政处罚决定书文号": "周市监罚〔2026〕2号"]),
            ])
        f.calendarYears = [2026]
        f.add(.xzxk, [Row.licence(["许可决定日期": "2025-12-01"])])
        let j = try f.judge("2026-12-31")
        #expect(
            j.findings("missing-calendar").map(\.file) == ["Content/calendar/2025.yml", "Content/calendar/2027.yml"])
        #expect(j.findings("missing-calendar").last?.message.contains("2 条记录") == true)
        #expect(j.publication.records.count == 3)
    }

    @Test("a build date in a missing year still builds")
    func buildDateYear() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge("2027-01-05")
        #expect(j.findings("missing-calendar").map(\.file) == ["Content/calendar/2027.yml"])
        #expect(j.isPublic(penaltyKey()))
        let empty = try Fixture().judge("2027-01-05")
        #expect(empty.findings("missing-calendar").count == 1)
    }

    @Test("a deadline in a year present is judged on a build date in a missing year: late, its days not counted")
    func lateIntoMissingYear() throws {
        // Decided 2026-11-20, due 2026-12-01, not yet published on 2027-01-05.
        let j = try Fixture(.xzcf, [Row.penalty()]).judge("2027-01-05")
        let late = try #require(j.findings("late-disclosure").first)
        #expect(late.message.contains("2026-12-01") && late.message.contains("无法计算"))
        let r = try #require(j.record(penaltyKey()))
        #expect(r.isLate && r.timelinessJudged)
        #expect(r.lateWorkdays == nil && r.publishWorkdays == nil)
        // Judged, so not counted among the records it could not judge.
        let missing = try #require(j.findings("missing-calendar").first)
        #expect(missing.file == "Content/calendar/2027.yml")
        #expect(missing.message.contains("0 条记录") && missing.message.contains("该年的工作日无法计算"))
    }

    @Test("withdrawals are still withdrawn; their timeliness unjudged")
    func withdrawal() throws {
        var f = Fixture(.xzcf, [Row.penalty(["当前状态": "撤销", "状态日期": "2026-12-30", "状态说明": "复议撤销"])])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge("2026-12-31")
        #expect(j.findings("missing-calendar").count == 1)
        #expect(j.notice(penaltyKey()) != nil)
        #expect(j.findings("late-withdrawal").isEmpty)
    }

    @Test("withheld records need no calendar")
    func withheldNeedsNone() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2024-06-03", "违法事实": ""])])
        f.calendarYears = [2026]
        let j = try f.judge("2026-11-25")
        #expect(j.ruleIDs == ["missing-field"])
    }

    @Test("a year whose file is broken: the same finding, asking to correct the file, not to add it")
    func brokenFile() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-12-28"])])
        f.files["calendar/2027.yml"] = "year: 2027\nholidays:\n  - 2027-02-30\n"
        let j = try f.judge("2026-12-31")
        let missing = try #require(j.findings("missing-calendar").first)
        #expect(j.findings("missing-calendar").count == 1)
        #expect(missing.file == "Content/calendar/2027.yml" && missing.line == 0)
        #expect(missing.message.contains("有错误未能使用") && missing.message.contains("1 条记录"))
        #expect(missing.message.contains("改正该文件") && !missing.message.contains("添加"))
        #expect(j.findings("bad-file").map(\.line) == [3])
        #expect(j.record(penaltyKey())?.timelinessJudged == false)
        #expect(j.publication.withheld.isEmpty)
    }

    @Test("with the years present nothing is reported")
    func present() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-12-21"])]).judge("2026-12-21")
        #expect(j.record(penaltyKey())?.deadline == day("2026-12-30"))
        #expect(j.findings("missing-calendar").isEmpty)
    }
}
