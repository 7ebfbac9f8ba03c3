import GongshiModel
import Testing

@testable import GongshiRules

@Suite("objection-overdue")
struct ObjectionOverdueTests {
    @Test("异议 more than 7 working days before the build date warns (records and black lists)")
    func overdue() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-10-20", "当前状态": "异议", "状态日期": "2026-11-13"])])
        f.add(.mingdan, [Row.black(["列入日期": "2026-10-02", "当前状态": "异议", "状态日期": "2026-11-02"])])
        f.ledger = ["2026-10-21,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge("2026-11-25")
        #expect(j.findings("objection-overdue").count == 2)
        #expect(j.findings("objection-overdue").allSatisfy { $0.severity == .warning })
        #expect(j.isPublic(penaltyKey()))
    }

    @Test("on the 7th working day it is not yet overdue")
    func inTime() throws {
        // 2026-11-16 + 7 working days = 2026-11-25.
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-10-20", "当前状态": "异议", "状态日期": "2026-11-16"])])
        f.ledger = ["2026-10-21,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge("2026-11-25")
        #expect(j.findings("objection-overdue").isEmpty)
        #expect(j.findings("under-objection").count == 1)
        // Objection on Wednesday 2026-11-18: the 7th working day is Friday 11-27; on Saturday still 7, not more.
        var g = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-10-20", "当前状态": "异议", "状态日期": "2026-11-18"])])
        g.ledger = f.ledger
        #expect(try g.judge("2026-11-28").findings("objection-overdue").isEmpty)
        #expect(try g.judge("2026-11-30").findings("objection-overdue").count == 1)
    }

    @Test("an objection whose 7 working days are all in a year present is overdue on a build date in a missing year")
    func overdueIntoMissingYear() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-10-20", "当前状态": "异议", "状态日期": "2026-11-18"])])
        f.ledger = ["2026-10-21,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge("2027-01-05")
        let overdue = try #require(j.findings("objection-overdue").first)
        #expect(overdue.message.contains("2026-11-27") && overdue.message.contains("7 个工作日以上"))
        #expect(j.findings("missing-calendar").map(\.file) == ["Content/calendar/2027.yml"])
    }
}
