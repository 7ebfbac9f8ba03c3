import GongshiModel
import Testing

@testable import GongshiRules

@Suite("unknown-column")
struct UnknownColumnTests {
    @Test("a header not in the standard is a warning on line 1; the record is still published")
    func unknownHeader() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚机关名称": "区市场监管局"])]).judge()
        let f = try #require(j.findings("unknown-column").first)
        #expect(j.findings("unknown-column").count == 1)
        #expect(f.severity == .warning)
        #expect(f.file == "Content/xzcf/a.csv")
        #expect(f.line == 1)
        #expect(f.message.contains("处罚机关名称"))
        #expect(j.isPublic(penaltyKey()))
    }

    @Test("national codes and Gongshi's own columns are known")
    func knownHeaders() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["CF_SJLY": "区市场监管局", "BZ": "无", "状态日期": "", "状态说明": "", "当前状态": ""])])
            .judge()
        #expect(j.findings("unknown-column").isEmpty)
        #expect(j.isPublic(penaltyKey()))
    }
}
