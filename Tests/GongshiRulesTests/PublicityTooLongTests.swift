import GongshiModel
import Testing

@testable import GongshiRules

@Suite("publicity-too-long")
struct PublicityTooLongTests {
    @Test("an explicit 公示截止期 beyond the severity's maximum is capped and warned")
    func penaltyCapped() throws {
        let row = Row.penalty(["处罚决定日期": "2026-01-10", "公示截止期": "2028-01-09"])
        var f = Fixture(.xzcf, [row])
        f.ledger = ["2026-01-12,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge("2026-11-25")
        #expect(j.findings.map(\.rule) == ["publicity-too-long"])
        #expect(j.record(penaltyKey())?.publicityEnd == day("2027-01-10"))
        // After the cap it is over, though the explicit date is later.
        let later = try f.judge("2027-01-11")
        #expect(!later.isPublic(penaltyKey()))
        #expect(later.findings("publicity-ended").count == 1)
    }

    @Test("a 严重 penalty may run 36 months; a 轻微 one with an explicit date at most 3")
    func bySeverity() throws {
        let serious = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "严重", "公示截止期": "2029-11-20"])]).judge()
        #expect(serious.findings.isEmpty)
        let minor = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "轻微", "公示截止期": "2027-06-01"])]).judge()
        #expect(minor.findings.map(\.rule) == ["publicity-too-long"])
        #expect(minor.record(penaltyKey())?.publicityEnd == day("2027-02-20"))
    }

    @Test("a black-list 有效期至 beyond 60 months is capped there")
    func blackListCapped() throws {
        let j = try Fixture(.mingdan, [Row.black(["有效期至": "2036-11-02"])]).judge()
        #expect(j.findings.map(\.rule) == ["publicity-too-long"])
        #expect(j.entry(listKey("失信被执行人", Fixture.companyA, "2026-11-02"))?.validUntil == day("2031-11-02"))
    }

    @Test("within the limits nothing is reported")
    func within() throws {
        #expect(try Fixture(.xzcf, [Row.penalty(["公示截止期": "2027-05-20"])]).judge().findings.isEmpty)
        #expect(try Fixture(.mingdan, [Row.black(["有效期至": "2031-11-01"])]).judge().findings.isEmpty)
        #expect(try Fixture(.mingdan, [Row.red(["有效期至": "2040-01-01"])]).judge().findings.isEmpty)
    }
}
