import GongshiModel
import Testing

@Suite("String.withoutControlCharacters")
struct ControlCharactersTests {
    @Test("C0 controls but tab and line ends, DEL and C1 controls go; a vertical tab or form feed is a space")
    func dropped() {
        #expect("甲\u{01}乙\u{1F}丙\u{7F}丁\u{9F}".withoutControlCharacters == "甲乙丙丁")
        #expect("甲\u{0B}乙\u{0C}丙".withoutControlCharacters == "甲 乙 丙")
        #expect("甲\t乙\n丙\r\n".withoutControlCharacters == "甲\t乙\n丙\r\n")
    }

    @Test("text without them, ¥ and © included (their lead byte is the C1 controls'), is kept as it is")
    func kept() {
        for text in ["淄博某某食品有限公司", "罚款¥5000 ©", "张·三 20°C\u{A0}", ""] { #expect(text.withoutControlCharacters == text) }
    }
}
