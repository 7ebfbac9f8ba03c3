import GongshiModel
import Testing

@testable import GongshiRules

@Suite("bad-date")
struct BadDateTests {
    @Test(
        "a decision date that is not a real date withholds the record",
        arguments: ["2026-02-30", "2026.11.31", "2026-13-01", "20261320", "2026年11月", "昨天"])
    func badDecisionDate(text: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": text])]).judge()
        let f = try #require(j.findings("bad-date").first)
        #expect(j.ruleIDs == ["bad-date"])
        #expect(f.severity == .error)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(f.message.contains(text))
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["bad-date"])
    }

    @Test(
        "every required and status date column is checked",
        arguments: [
            (RecordKind.xzxk, "许可决定日期", "2026-02-30"), (.xzxk, "状态日期", "abc"), (.xzcf, "状态日期", "2026-11-31"),
            (.mingdan, "列入日期", "2026-11-31"), (.mingdan, "移出日期", "明年"),
        ])
    func everyDateColumn(kind: RecordKind, field: String, text: String) throws {
        let row: [String: String]
        switch kind {
        case .xzxk: row = Row.licence([field: text])
        case .xzcf: row = Row.penalty([field: text])
        case .mingdan: row = Row.black([field: text])
        }
        let j = try Fixture(kind, [row]).judge()
        #expect(j.ruleIDs == ["bad-date"])
        #expect(j.findings.first?.message.contains(field) == true)
        #expect(j.publication.records.isEmpty && j.publication.listEntries.isEmpty)
    }

    @Test(
        "the accepted forms are published as YYYY-MM-DD",
        arguments: [
            "2026-11-20", "2026/11/20", "2026-11-20 00:00:00", "2026年11月20日", "2026/11/20 0:00", "2026-11-20T08:30:00",
        ])
    func acceptedForms(text: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": text, "公示截止期": "2027/1/5"])]).judge()
        #expect(j.findings.isEmpty, "\(j.ruleIDs)")
        let r = try #require(j.record(penaltyKey()))
        #expect(r.decisionDate == day("2026-11-20"))
        #expect(r.field("处罚决定日期") == "2026-11-20")
        #expect(r.field("公示截止期") == "2027-01-05")
        #expect(r.publicityEnd == day("2027-01-05"))
    }

    @Test(
        "a bad optional date is a bad-value warning, never bad-date (SPEC §8.2)",
        arguments: [
            (RecordKind.xzxk, "有效期至", "2031-02-29"), (.xzxk, "有效期自", "2026/11/31"), (.xzcf, "公示截止期", "2027-00-01"),
            (.xzcf, "处罚有效期", "x"), (.mingdan, "有效期至", "2027/2/29"),
        ])
    func optionalDate(kind: RecordKind, field: String, text: String) throws {
        let row: [String: String]
        switch kind {
        case .xzxk: row = Row.licence([field: text])
        case .xzcf: row = Row.penalty([field: text])
        case .mingdan: row = Row.black([field: text])
        }
        let j = try Fixture(kind, [row]).judge()
        #expect(j.ruleIDs == ["bad-value"])
        #expect(j.findings.first?.message.contains(field) == true)
        #expect(j.publication.records.count + j.publication.listEntries.count == 1)
    }

    @Test("a date serial saved as text names the day it stands for")
    func serialAsText() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "46331"])]).judge()
        let f = try #require(j.findings("bad-date").first)
        #expect(f.message.contains("2026-11-05") && f.message.contains("日期序号"))
        #expect(BadDate.serialHint("12345").isEmpty && BadDate.serialHint("2026").isEmpty)
        #expect(BadDate.serialHint("46331.5").contains("2026-11-05"), "with a time of day")
        #expect(BadDate.serialHint("46331.x").isEmpty)
    }
}
