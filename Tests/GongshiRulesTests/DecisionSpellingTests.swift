import GongshiModel
import Testing

@testable import GongshiRules

/// One decision whatever the spelling of its authority and document number: the ledger's history
/// carries over, and two rows of it are copies.
@Suite("A decision spelt two ways")
struct DecisionSpellingTests {
    static let departments = DuplicateAliasTests.departments
    static let shown = "2026-11-18,公示,xzcf,\(penaltyKey()),0123456789abcdef"

    @Test("keys are spelt with the department's name and 〔〕; list keys and keys spelt so stay as they are")
    func fold() throws {
        let department = Department(
            code: "scjgj", name: "区市场监管局", uscc: Fixture.scjgjCode, website: "", aliases: ["淄博市周村区市场监督管理局"])
        let spelling = DecisionSpelling(departments: DepartmentIndex([department]))
        #expect(spelling.fold("xzcf:区市场监管局:周市监罚[2026]1号") == penaltyKey())
        #expect(spelling.fold("xzcf:区市场监管局:周市监罚（2026）1号") == penaltyKey())
        #expect(spelling.fold("xzcf:淄博市周村区市场监督管理局:周市监罚【2026】1号") == penaltyKey())
        #expect(spelling.fold("xzxk:淄博市周村区市场监督管理局:周市监许〔2026〕1号") == "xzxk:区市场监管局:周市监许〔2026〕1号")
        #expect(spelling.fold(penaltyKey()) == penaltyKey())
        #expect(spelling.fold("xzcf:某未知机关:罚[2026]1号") == "xzcf:某未知机关:罚〔2026〕1号")
        let list = "mingdan:失信被执行人:91370306MA3C10017X:2026-11-02"
        #expect(spelling.fold(list) == list)
    }

    @Test("a department that changes its brackets: the decision keeps its first publication; the ledger says 更新")
    func bracketsChanged() throws {
        var f = Fixture(.xzcf, [Row.penalty(["行政处罚决定书文号": "周市监罚[2026]1号"])])
        f.ledger = [Self.shown]
        let j = try f.judge("2026-11-25")
        #expect(j.findings("late-disclosure").isEmpty && j.findings("due-soon").isEmpty, "\(j.findings)")
        #expect(j.publication.newEvents.map(\.event) == [.updated])
        #expect(j.publication.newEvents.first?.key == penaltyKey("周市监罚[2026]1号"))
        #expect(j.record(penaltyKey("周市监罚[2026]1号"))?.firstPublished == day("2026-11-18"))
    }

    @Test("a department renamed, its old name an alias: its decisions keep their history")
    func departmentRenamed() throws {
        var f = Fixture(.xzcf, [Row.penalty(["处罚机关": "淄博市周村区市场监督管理局"])])
        f.departments = Self.departments
        f.ledger = [Self.shown]
        let j = try f.judge("2026-11-25")
        #expect(j.findings("late-disclosure").isEmpty)
        #expect(!j.publication.newEvents.contains { $0.event == .withdrawn || $0.event == .published })
    }

    @Test("two rows of one decision, its number in two bracket styles: one published, the copy named")
    func copies() throws {
        let f = Fixture(.xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚[2026]1号"])])
        let j = try f.judge()
        #expect(j.publication.records.count == 1)
        let d = try #require(j.findings("duplicate-record").first)
        #expect(d.severity == .warning && d.line == 3)
        #expect(d.message.contains("文书号写作「周市监罚[2026]1号」，即「周市监罚〔2026〕1号」"))
    }
}
