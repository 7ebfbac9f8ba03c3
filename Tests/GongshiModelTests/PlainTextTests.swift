import Testing

@testable import GongshiModel

@Suite("PlainText")
struct PlainTextTests {
    @Test("ASCII, CJK ideographs, CJK punctuation and full-width forms are plain; marks and other scripts are not")
    func plain() {
        for s in ["", "xzcf:区市场监管局:周市监罚〔2026〕12号", "罚款人民币1万元（已缴纳）", "ＡＢＣ１２３", "淄博　周村"] {
            #expect(PlainText.isPlain(s), "\(s)")
        }
        // A combining mark, a decomposable Latin letter, a CJK compatibility ideograph, a tone mark,
        // an em dash and an emoji.
        for s in ["e\u{301}", "é", "\u{F900}", "字\u{302A}", "周—村", "🙂"] {
            #expect(!PlainText.isPlain(s), "\(s)")
        }
    }

    @Test("plain texts order as String orders them")
    func order() {
        let texts = [
            "xzcf:区市场监管局:周市监罚〔2026〕12号", "xzcf:区市场监管局:周市监罚〔2026〕2号", "xzxk:区城管局:周城管垃核〔2025〕2号",
            "mingdan:失信被执行人:91370306MA3C4LXX7Q:2025-01-01", "区", "", "A", "a", "（", "Ｚ", "〕",
        ]
        for a in texts {
            for b in texts { #expect(PlainText.less(a, b) == (a < b), "\(a) < \(b)") }
        }
        // Not plain: String's order all the same.
        #expect(PlainText.less("e\u{301}", "f") == ("e\u{301}" < "f"))
        #expect(PlainText.less("é", "e\u{301}") == ("é" < "e\u{301}"))
    }

    @Test("a TextKey is equal and hashed as its String is")
    func textKey() {
        let pairs: [(String, String)] = [
            ("区市场监管局", "区市场监管局"), ("xzcf:区:周〔2026〕1号", "xzcf:区:周〔2026〕1号"), ("é", "e\u{301}"), ("区", "区 "),
        ]
        for (a, b) in pairs {
            #expect((TextKey(a) == TextKey(b)) == (a == b), "\(a) == \(b)")
            if a == b { #expect(TextKey(a).hashValue == TextKey(b).hashValue) }
            // A plain key hashes as String does, so a plain and a non-plain spelling of one text meet.
            #expect(TextKey(a).hashValue == a.hashValue)
        }
        let byKey: [TextKey: Int] = [TextKey("é"): 1, TextKey("区市场监管局"): 2]
        #expect(byKey[TextKey("e\u{301}")] == 1)
        #expect(byKey[TextKey("区市场监管局")] == 2)
        #expect(byKey[TextKey("区市场监管")] == nil)
    }

    @Test("Spellings match by bytes when plain and by == otherwise; every vocabulary's spellings are plain")
    func spellings() {
        let s = Spellings<Int>([("正常", 0), ("é", 1), ("异议", 2)])
        #expect(s.value(of: "异议") == 2)
        #expect(s.value(of: "e\u{301}") == 1)
        #expect(s.value(of: "异") == nil)
        #expect(s.value(of: "") == nil)
        for texts in [
            SubjectCategory.spellings.texts, RecordStatus.spellings.texts, ListStatus.spellings.texts,
            Severity.spellings.texts, LicenceCategory.names.texts, IDDocumentType.names.texts,
        ] {
            for t in texts { #expect(PlainText.isPlain(t), "\(t)") }
        }
        #expect(RecordStatus(parsing: " 异议处理中 ") == .objection)
        #expect(RecordStatus(parsing: "") == .normal)
        #expect(RecordStatus(parsing: "撤") == nil)
        #expect(SubjectCategory(parsing: "法人 及非法人组织") == .organization)
        #expect(IDDocumentType(parsing: "居民身份证") == .residentID)
        #expect(LicenceCategory(parsing: "05") == .registration)
    }

    @Test("removingWhitespace is filter { !$0.isWhitespace }")
    func removingWhitespace() {
        for s in ["法人及非法人组织", " 法人\t及 非法人组织\u{3000}", "a\u{301} b", "", "\r\n"] {
            #expect(s.removingWhitespace() == String(s.filter { !$0.isWhitespace }))
        }
    }

    @Test("the byte search finds what firstRange(of:) finds, and replaces every occurrence")
    func byteSearch() {
        let texts = ["", "简易程序", "适用简易程序，当场处罚", "非简易程序简易程序", "ab", "a", "简", "aaa"]
        let words = ["", "简易程序", "当场处罚", "a", "aa", "程序简", "b", "简易程序简易程序"]
        for t in texts {
            for w in words {
                var text = t
                let found = text.withUTF8 { $0.firstOffset(of: w) }
                let expected = t.utf8.firstRange(of: w.utf8).map {
                    t.utf8.distance(from: t.utf8.startIndex, to: $0.lowerBound)
                }
                #expect(found == expected, "\(t) / \(w)")
                #expect(t.saysBytes(w) == (expected != nil), "\(t) / \(w)")
            }
        }
        var text = "非简易程序简易程序"
        text.withUTF8 { bytes in
            #expect(bytes.firstOffset(of: "简易程序", from: 1) == 3)
            #expect(bytes.firstOffset(of: "简易程序", from: 4) == 15)
            #expect(bytes.firstOffset(of: "非", from: -5) == 0)
            #expect(bytes.hasBytes(of: "非", endingAt: 3))
            #expect(!bytes.hasBytes(of: "非", endingAt: 2))
            #expect(!bytes.hasBytes(of: "程序", at: 26))
        }
        #expect("拒不支付拒不".replacingAll("拒不", with: "") == "支付")
        #expect("不良不良记录".replacingAll("不良", with: "黑") == "黑黑记录")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
        #expect("无".replacingAll("", with: "x") == "无")
    }
}
