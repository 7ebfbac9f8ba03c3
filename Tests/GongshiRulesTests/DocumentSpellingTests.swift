import GongshiModel
import Testing

@testable import GongshiRules

/// One decision whatever the brackets of its 文书号: two rows of it are copies.
@Suite("A document number spelt two ways")
struct DocumentSpellingTests {
    @Test("brackets fold to 〔〕; a number with none other stays as it is")
    func folded() {
        #expect(DocumentSpelling.folded("周市监罚[2026]1号") == "周市监罚〔2026〕1号")
        #expect(DocumentSpelling.folded("周市监罚（2026）1号") == "周市监罚〔2026〕1号")
        #expect(DocumentSpelling.folded("周市监罚【2026】1号") == "周市监罚〔2026〕1号")
        #expect(DocumentSpelling.folded("周市监罚〔2026〕1号") == "周市监罚〔2026〕1号")
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

    @Test("with another fine too: both withheld, as any conflicting copies")
    func conflicting() throws {
        let f = Fixture(
            .xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚[2026]1号", "罚款金额（万元）": "9"])])
        let j = try f.judge()
        #expect(j.publication.records.isEmpty)
        #expect(j.findings("duplicate-record").first?.severity == .error)
    }
}
