import Foundation
import GongshiModel
import Testing

@testable import GongshiSite

@Suite("Escaping of text in pages, feeds, JSON and CSV")
struct EscapeTests {
    @Test func xmlEscapesMarkupQuotesAndDropsControlCharacters() {
        #expect(Escape.xml("周村 食品") == "周村 食品")
        #expect(Escape.xml("a&b<c>\"d'e") == "a&amp;b&lt;c&gt;&quot;d&#39;e")
        #expect(Escape.xml("&amp;") == "&amp;amp;")
        // XML 1.0 has no place for control characters; line breaks and tabs stay.
        #expect(Escape.xml("a\u{1}b\u{1B}c\nd\te\rf") == "ab" + "c\nd\te\rf")
    }

    @Test func jsonEscapesQuotesBackslashesControlsAndTheStartOfATag() throws {
        #expect(Escape.json("周村") == "\"周村\"")
        #expect(Escape.json("a\"b\\c\nd\re\tf") == "\"a\\\"b\\\\c\\nd\\re\\tf\"")
        #expect(Escape.json("\u{1}") == "\"\\u0001\"")
        // Safe inside a <script> block of a page.
        #expect(Escape.json("</script>") == "\"\\u003c/script>\"")
        for s in ["周\"村\\\n<x>\u{7}", "", "a'b&c"] {
            let parsed = try JSONSerialization.jsonObject(with: Data(Escape.json(s).utf8), options: .fragmentsAllowed)
            #expect(parsed as? String == s)
        }
    }

    @Test func appendingEscapesAsTheStringFunctionsDo() {
        let samples = [
            "", "周村", "a&b", "&", "<周>", "甲\"乙'丙", "a\u{1}b\nc\td\re", "\\x</script>", "末尾&", "&开头", "🙂<🙂>",
        ]
        for s in samples {
            var xml: [UInt8] = Array("前".utf8)
            Escape.appendXML(s, to: &xml)
            #expect(String(decoding: xml, as: UTF8.self) == "前" + Escape.xml(s))
            var json: [UInt8] = []
            Escape.appendJSON(s, to: &json)
            #expect(String(decoding: json, as: UTF8.self) == Escape.json(s))
            var html: [UInt8] = []
            Escape.appendHTML(s, to: &html)
            #expect(String(decoding: html, as: UTF8.self) == FastHTMLEscaping().escapeText(s))
        }
    }

    @Test func csvKeepsSpreadsheetFormulasFromRunning() {
        #expect(
            Escape.csv("=HYPERLINK(\"http://evil.example/\",\"点击\")")
                == "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点击\"\")\"")
        #expect(Escape.csv("@SUM(A1)") == "'@SUM(A1)")
        #expect(Escape.csv("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0")
        #expect(Escape.csv("-2+3") == "'-2+3")
        // Signed numbers and a lone dash stay as they are.
        for plain in ["-5", "+0.5", "-", "-1234.5", "罚款-没收"] { #expect(Escape.csv(plain) == plain) }
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(Escape.csv("周村") == "周村")
        #expect(Escape.csv("a,b") == "\"a,b\"")
        #expect(Escape.csv("他说\"是\"") == "\"他说\"\"是\"\"\"")
        #expect(Escape.csv("两\n行") == "\"两\n行\"")
    }

    @Test func templatesEscapeValuesAndTripleBracesDoNot() throws {
        let html = try TemplateValueTests.render(
            "<p title=\"{{v}}\">{{v}}</p>{{{raw}}}", ["v": "<b>\"甲\" & '乙'</b>", "raw": "<i>x</i>"])
        #expect(
            html
                == "<p title=\"&lt;b&gt;&quot;甲&quot; &amp; &#39;乙&#39;&lt;/b&gt;\">&lt;b&gt;&quot;甲&quot; &amp; &#39;乙&#39;&lt;/b&gt;</p><i>x</i>"
        )
        // The fast path returns text without markup unchanged, and escapes as Escape.xml does.
        #expect(FastHTMLEscaping().escapeText("周村区市场监管局") == "周村区市场监管局")
        for s in ["a&b", "<x>", "\"'", "甲<乙>&丙"] { #expect(FastHTMLEscaping().escapeText(s) == Escape.xml(s)) }
    }
}
