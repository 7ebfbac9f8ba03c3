import Testing

@testable import GongshiModel

@Suite("DocumentNumber: the citation read by scalars agrees with the one read by characters")
struct DocumentNumberScalarTests {
    /// Texts of ASCII, CJK and full-width scalars take the scalar path, and find what the character path finds.
    @Test(
        arguments: [
            "", "法院判决", "发改财金〔2016〕141号", "发改财金[2016]141号", "发改财金【2016】141号", "发改财金(2016)141号",
            "发改财金（2016）141号", "发改财金［2016］141号", " \t发改财金［2016］141号　", "　", "依据：发改财金〔2016〕141号、发改运行〔2016〕1854号",
            "根据《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）", "发改财金〔2016〕号", "发改财金〔16〕141号",
            "发改财金〔2016〕141", "发改财金2016年141号", "〔2016〕", "〔2016〕1号", "abcXYZ〔2016〕7号", "a1〔2016〕7号", "〔2016〕12345678号尾",
            "[[2016]]1号", "发改财金〔２０１６〕141号", "发改财金〔2016〕１４１号",
        ])
    func scalarPathAgrees(text: String) throws {
        #expect(DocumentNumber.foldedScalars(text) != nil)
        let fast = DocumentNumber.firstCitation(in: text)
        let slow = DocumentNumber.citationByCharacters(in: text)
        #expect(fast?.prefix == slow?.prefix && fast?.number == slow?.number)
    }

    /// A carriage return, a combining mark or a scalar outside those ranges sends the text the slow way.
    @Test(arguments: ["发改财金〔2016〕141号\r\n", "发改财金〔2016〕141号\u{301}", "é发改财金〔2016〕141号", "发改财金〔2016〕141号😀"])
    func otherTextsGoByCharacters(text: String) {
        #expect(DocumentNumber.foldedScalars(text) == nil)
        // 号 with a combining mark is another character: no citation there.
        let number = DocumentNumber.firstCitation(in: text)?.number
        #expect(number == (text.unicodeScalars.last == "\u{301}" ? nil : "〔2016〕141号"))
    }
}
