import GongshiModel
import Testing

@testable import GongshiContent

@Suite("DocumentNumber")
struct DocumentNumberTests {
    @Test(
        "the first citation, in every bracket form",
        arguments: [
            "发改财金〔2016〕141号", "发改财金[2016]141号", "发改财金【2016】141号", "发改财金(2016)141号",
            "发改财金（2016）141号", "发改财金［2016］141号",
        ])
    func bracketForms(text: String) throws {
        let c = try #require(DocumentNumber.firstCitation(in: text))
        #expect(c.prefix == "发改财金")
        #expect(c.number == "〔2016〕141号")
    }

    @Test("the issuer is the run of letters and CJK before the bracket; only the first citation counts")
    func firstOnly() throws {
        let c = try #require(DocumentNumber.firstCitation(in: "依据：发改财金〔2016〕141号、发改运行〔2016〕1854号"))
        #expect(c.prefix == "发改财金")
        #expect(c.number == "〔2016〕141号")
        let d = try #require(DocumentNumber.firstCitation(in: "根据《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）"))
        #expect(d.number == "〔2016〕141号")
        #expect(d.prefix.hasSuffix("发改财金"))
    }

    @Test(
        "text without a document number",
        arguments: [
            "", "法院判决", "发改财金〔2016〕号", "发改财金〔16〕141号", "发改财金〔2016〕141", "发改财金2016年141号", "〔2016〕",
        ])
    func none(text: String) {
        #expect(DocumentNumber.firstCitation(in: text) == nil)
    }

    @Test("normalize folds the bracket variants")
    func normalize() {
        #expect(DocumentNumber.normalize(" 发改财金[2016]141号 ") == "发改财金〔2016〕141号")
        #expect(DocumentNumber.normalize("发改财金【2016】141号") == "发改财金〔2016〕141号")
        #expect(DocumentNumber.normalize("发改财金（2016）141号") == "发改财金〔2016〕141号")
    }
}
