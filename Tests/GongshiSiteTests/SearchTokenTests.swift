import Foundation
import Testing

@testable import GongshiSite

@Suite("Search tokens: names, codes, document numbers, full-width input")
struct SearchTokenTests {
    @Test func fullWidthLettersDigitsAndSpacesFoldToHalfWidth() {
        #expect(SearchTokens.normalize("ＡＢｃ１２３　周村 食品") == "ABC123周村食品")
        #expect(SearchTokens.normalize("９１３７０３０６") == "91370306")
        // Only ASCII letters change case, as in search.js.
        #expect(SearchTokens.normalize("ä") == "ä")
    }

    @Test func yearBracketsOfDocumentNumbersAreOneForm() {
        #expect(SearchTokens.normalizeDocument("周环罚字[2025]3号") == "周环罚字〔2025〕3号")
        #expect(SearchTokens.normalizeDocument("周环罚字【2025】3号") == "周环罚字〔2025〕3号")
        #expect(SearchTokens.normalizeDocument("周环罚字（２０２５）３号") == "周环罚字〔2025〕3号")
    }

    /// The short way of folding a number and counting its characters gives what the long way does.
    @Test func foldedDocumentsAreNormalizedDocumentsWithTheirLength() {
        let numbers = [
            "周市监罚〔2026〕12号", "周环罚字[2025]3号", "周环罚字【2025】3号", "周环罚字（２０２５）３号", "ab-12/x", "A B", "",
            "周〇罚〡〩〪字1号", "e\u{301}罚〔1〕", "罚\u{200B}号", "𠀀罚\u{FE0F}", "罚\r\n号", "罚\u{7F}号", "〹〿罚", "罚_^{}~号",
        ]
        for n in numbers {
            let (text, length) = SearchTokens.foldedDocument(n)
            #expect(text == SearchTokens.normalizeDocument(n), "\(n)")
            #expect(text.utf8.elementsEqual(SearchTokens.normalizeDocument(n).utf8), "\(n)")
            #expect(length == SearchTokens.normalizeDocument(n).count, "\(n)")
        }
        // Every scalar the short way takes as a character of its own is one, beside any other.
        let plain = Array(0x21...0x7E) + Array(0x3001...0x3029) + Array(0x3400...0x9FFF)
        for v in plain {
            let u = Unicode.Scalar(UInt32(v))!
            let s = String(String.UnicodeScalarView([u, u, "a", u, "〔", u, "中", u]))
            if SearchTokens.foldedDocument(s).text == s { #expect(s.count == 8, "U+\(String(v, radix: 16))") }
        }
    }

    @Test func aDocumentNumberIsFoundWholeAndByAnyFourCharacters() {
        let tokens = SearchTokens.documentTokens("周市监罚〔2026〕12号")
        #expect(tokens.contains("=周市监罚〔2026〕12号"))
        // Every 4-gram of a fragment is a token of the number, so whichever the browser tries, it finds it.
        let fragment = Array(SearchTokens.normalizeDocument("罚（２０２６）12"))
        for i in 0...(fragment.count - 4) {
            #expect(tokens.contains("%" + String(fragment[i..<(i + 4)])))
        }
        #expect(!tokens.contains("%罚〔2027"))
    }

    @Test func namesGiveBigramsAndCodesFourGrams() {
        #expect(SearchTokens.nameTokens("周村 食品") == ["周村", "村食", "食品"])
        #expect(SearchTokens.codeTokens("91370306") == ["#9137", "#1370", "#3703", "#7030", "#0306"])
        #expect(SearchTokens.codeTokens("913").isEmpty)
    }

    @Test func aRareCharactersVariationSelectorIsDroppedAndGramsAreOfCodePoints() {
        // 葛 with its ideographic variation selector, as a registry writes it: found as anyone types 葛.
        #expect(SearchTokens.nameTokens("葛\u{E0100}根五金店") == SearchTokens.nameTokens("葛根五金店"))
        #expect(SearchTokens.normalize("葛\u{FE00}根") == "葛根")
        // A letter and its combining accent are one Character and two code points, as in the browser.
        #expect(SearchTokens.nameTokens("E\u{301}A") == ["E\u{301}", "\u{301}A"])
        var list: [String] = []
        SearchTokens.tokens(of: .init(name: "葛\u{E0100}根店", code: "", path: "", summary: ""), into: &list)
        #expect(list == ["葛根", "根店"])
    }

    @Test func aDocumentsTokensAreItsBytesOnceEachWithTheirBucketHash() {
        var d = DocumentTokens()
        // 食品 twice: one token; the code's 4-grams after the name's bigrams, in the order they come.
        d.read(.init(name: "食品食品店", code: "91370", path: "", summary: ""))
        let texts = d.texts
        #expect(texts == ["食品", "品食", "品店", "#9137", "#1370"])
        for k in d.tokens.indices {
            #expect(d.tokens[k].hash == SearchIndexPart.hash(texts[k]))
            #expect(d.token(k, equals: texts[k]) && !d.token(k, equals: texts[k] + "x"))
        }
        // Reused: the next document's tokens only.
        d.read(.init(name: "", code: "", path: "", summary: "", document: "罚〔2026〕1号"))
        #expect(d.texts == ["%罚〔20", "%〔202", "%2026", "%026〕", "%26〕1", "%6〕1号", "=罚〔2026〕1号"])
    }

    @Test func byteOrderIsTheOrderOfUTF8Bytes() {
        // "é" precomposed and decomposed are one String but two byte sequences: tokens keep them apart.
        let samples = ["", "a", "ab", "b", "周", "周村", "罚〔2026〕1号", "e\u{301}", "\u{E9}", "Z", "zz", "🙂"]
        for a in samples {
            for b in samples {
                let c = ByteOrder.compare(a, b)
                #expect((c < 0) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
                #expect((c == 0) == a.utf8.elementsEqual(b.utf8), "\(a) \(b)")
                #expect(ByteOrder.equal(a, b) == a.utf8.elementsEqual(b.utf8))
            }
        }
    }

    @Test func bucketsMatchTheBrowsersHash() {
        // FNV-1a 32-bit of "周村" as search.js computes it (TextEncoder bytes, Math.imul).
        var h: UInt32 = 0x811C_9DC5
        for b in "周村".utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        #expect(SearchIndexPart.bucket("周村", 64) == Int(h % 64))
    }
}

@Suite("Search index of a rendered site")
struct SearchIndexTests {
    /// What search.js does for one token: the bucket's postings of that token, as result rows.
    static func lookup(_ sink: MemorySink, _ token: String) -> [[String]] {
        let page = sink.text("sousuo/index.html") ?? ""
        guard let r = page.range(of: "data-buckets=\""), let end = page[r.upperBound...].firstIndex(of: "\""),
            let buckets = Int(page[r.upperBound..<end])
        else { return [] }
        guard let bucket = sink.json("sousuo/i/\(SearchIndexPart.bucket(token, buckets)).json") as? [String: Any],
            let t = bucket["t"] as? [String: Any], let entry = t[token] as? [Any], let ids = entry[1] as? [Int],
            let docs = bucket["d"] as? [[String]]
        else { return [] }
        return ids.map { docs[$0] }
    }

    @Test func findsARecordByItsDocumentNumberOrAFragment() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕12号"),
            SiteFixture.penalty("淄博周村腾威货运有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕123号"),
        ]
        let sink = try f.render()
        let exact = Self.lookup(sink, "=周市监罚〔2026〕12号")
        #expect(exact.count == 1)
        #expect(exact.first?[0] == "周市监罚〔2026〕12号")
        #expect(exact.first?[2].hasPrefix("xzcf/") == true)
        #expect(exact.first?[3].contains("淄博成创食品有限公司") == true)
        // The fragment 罚〔2026〕12 typed with full-width digits: its last 4-gram finds both numbers.
        let q = SearchTokens.normalizeDocument("罚〔２０２６〕12")
        let hits = Self.lookup(sink, "%" + String(Array(q).suffix(4))).filter {
            SearchTokens.normalizeDocument($0[0]).contains(q)
        }
        #expect(Set(hits.map { $0[0] }) == ["周市监罚〔2026〕12号", "周市监罚〔2026〕123号"])
        // Entities are still found by name and by code.
        #expect(Self.lookup(sink, "成创").contains { $0[1] == "913703061912261243" })
        #expect(Self.lookup(sink, "#MKC3").contains { $0[0] == "淄博周村腾威货运有限公司" })
    }
}
