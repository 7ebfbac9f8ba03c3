import GongshiModel
import Testing

@testable import GongshiRules

@Suite("The day's report")
struct DailyReportTests {
    @Test("a record gone from the data, its key naming the department by an alias: withdrawn, and its department known")
    func withdrawnUnderAnAlias() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.departments = """
            编码,名称,统一社会信用代码,网站,别名
            scjgj,区市场监管局,\(Fixture.scjgjCode),,淄博市周村区市场监督管理局

            """
        let gone = "xzcf:淄博市周村区市场监督管理局:周市监罚〔2026〕9号"
        f.ledger = ["2026-11-10,公示,xzcf,\(gone),0"]
        let report = DailyReport(publication: try f.judge("2026-11-25").publication)
        let item = try #require(report.withdrawn.first { $0.key == gone })
        #expect(item.department == "scjgj")
        #expect(item.document == "周市监罚〔2026〕9号")
    }

    @Test("a record shown again after its 撤回 is reported apart from the first publications")
    func republishedApart() throws {
        var f = Fixture(.xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号"])])
        f.ledger = [
            "2026-11-23,公示,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
            "2026-11-24,撤回,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
        ]
        let report = DailyReport(publication: try f.judge("2026-11-25").publication)
        #expect(report.republished.map(\.key) == [penaltyKey()])
        #expect(report.published.map(\.key) == [penaltyKey("周市监罚〔2026〕2号")])
    }
}
