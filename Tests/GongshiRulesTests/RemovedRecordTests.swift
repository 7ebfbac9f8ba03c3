import GongshiModel
import Testing

@testable import GongshiRules

/// A licence or penalty shown until now that no row of the data is any more: taken down without a notice.
@Suite("removed-record")
struct RemovedRecordTests {
    static let gone = "2026-11-03,公示,xzcf,\(penaltyKey("周市监罚〔2026〕9号")),aaaaaaaaaaaaaaaa"

    @Test("a shown penalty no row has: a warning under its department, naming the ledger")
    func removed() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.ledger = [Self.gone]
        let j = try f.judge()
        let w = try #require(j.findings("removed-record").first)
        #expect(j.findings("removed-record").count == 1)
        #expect(w.severity == .warning && w.file == "Content/ledger.csv" && w.line == 0)
        #expect(w.key == penaltyKey("周市监罚〔2026〕9号") && w.department == "scjgj")
        #expect(w.message.contains("「周市监罚〔2026〕9号」（首次公示于 2026-11-03）在本次数据中找不到"))
        #expect(j.publication.newEvents.contains { $0.event == .withdrawn && $0.key == w.key })
    }

    @Test("no warning for a key withdrawn before, a row withheld or revoked, or a row spelt otherwise")
    func notRemoved() throws {
        var f = Fixture(
            .xzcf,
            [
                Row.penalty(["违法事实": ""]),
                Row.penalty([
                    "行政处罚决定书文号": "周市监罚〔2026〕2号", "当前状态": "撤销", "状态日期": "2026-11-24", "状态说明": "复议撤销",
                ]),
                Row.penalty(["行政处罚决定书文号": "周市监罚[2026]3号"]),
            ])
        f.ledger = [
            "2026-11-03,公示,xzcf,\(penaltyKey()),aaaaaaaaaaaaaaaa",
            "2026-11-03,公示,xzcf,\(penaltyKey("周市监罚〔2026〕2号")),aaaaaaaaaaaaaaaa",
            "2026-11-03,公示,xzcf,\(penaltyKey("周市监罚〔2026〕3号")),aaaaaaaaaaaaaaaa",
            "2026-11-03,公示,xzcf,\(penaltyKey("周市监罚〔2026〕8号")),aaaaaaaaaaaaaaaa",
            "2026-11-10,撤回,xzcf,\(penaltyKey("周市监罚〔2026〕8号")),aaaaaaaaaaaaaaaa",
        ]
        let j = try f.judge()
        #expect(j.findings("removed-record").isEmpty, "\(j.findings("removed-record").map(\.message))")
    }

    @Test("a data file that cannot be read may hold it: the warning says so")
    func unreadable() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.files["xzcf/broken.csv"] = "\u{0}\u{0}\u{0}"
        f.ledger = [Self.gone]
        let j = try f.judge()
        let w = try #require(j.findings("removed-record").first)
        #expect(w.message.contains("也可能在无法读取的文件中：Content/xzcf/broken.csv"), "\(w.message)")
    }
}
