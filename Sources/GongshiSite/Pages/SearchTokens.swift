import Foundation
import GongshiModel

/// How search text is normalised and cut into tokens; `Templates/assets/search.js` does the same in
/// the browser, so the two must change together.
///
/// Grams are of Unicode code points, as `Array.from` cuts a string in the browser, not of Swift's
/// `Character`s (a letter and its combining accent, or a rare character and its variation selector,
/// are one `Character` and two code points).
///
/// - names: character bigrams (`nameTokens`);
/// - 统一社会信用代码: 4-grams prefixed `#` (`codeTokens`);
/// - 决定书文号 / 文书号: 4-grams prefixed `%` and the whole number prefixed `=` (`documentTokens`), so a
///   full number is one exact lookup and any 4 consecutive characters of it find it too.
enum SearchTokens {
    /// Full-width ASCII forms (`０`–`９`, `Ａ`–`Ｚ`, `（`, …) and the ideographic space become their
    /// half-width forms, letters are upper-cased, white space is dropped: the NFKC folding that
    /// matters for names, codes and numbers typed with a Chinese input method. Variation selectors go:
    /// a name whose rare character carries one (葛 U+E0100, as registries write 生僻字) is found by the
    /// character as anyone types it.
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            var v = u.halfWidth.value
            if v >= 0x61 && v <= 0x7A { v -= 0x20 }
            // Zero-width spaces and BOMs inside names are spaces too (search.js drops the same).
            guard let c = Unicode.Scalar(v), !c.properties.isWhitespace, v != 0x200B, v != 0xFEFF,
                !(0xFE00...0xFE0F).contains(v), !(0xE0100...0xE01EF).contains(v)
            else { continue }
            out.append(c)
        }
        return String(out)
    }

    /// A document number folded further: every bracket around the year is written 〔〕, as the
    /// memoranda's numbers are (周环罚字[2025]3号, 【2025】 and (2025) all become 〔2025〕).
    static func normalizeDocument(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                normalize(s).unicodeScalars.map { u -> Unicode.Scalar in
                    switch u {
                    case "[", "【", "(", "〔": return "〔"
                    case "]", "】", ")", "〕": return "〕"
                    default: return u
                    }
                }))
    }

    /// ``normalizeDocument(_:)`` of `s` and its length in characters, without either walk when `s` is
    /// already folded and every scalar of it a character of its own (ASCII but lower-case letters and
    /// brackets, CJK ideographs, CJK punctuation but 【】 and the combining tone marks after 〩), as
    /// nearly every 决定书文号 is: counting `Character`s walks grapheme breaks, a build's records
    /// spent more there than in the rest of their search documents.
    static func foldedDocument(_ s: String) -> (text: String, characters: Int) {
        var scalars = 0
        for u in s.unicodeScalars {
            let v = u.value
            scalars += 1
            let ascii =
                v >= 0x21 && v <= 0x7E && !(v >= 0x61 && v <= 0x7A) && v != 0x5B && v != 0x5D && v != 0x28 && v != 0x29
            let cjk = (v >= 0x3400 && v <= 0x9FFF) || (v >= 0x3001 && v <= 0x3029 && v != 0x3010 && v != 0x3011)
            guard ascii || cjk else {
                let folded = normalizeDocument(s)
                return (folded, folded.count)
            }
        }
        return (s, scalars)
    }

    /// Bigrams of a name.
    static func nameTokens(_ name: String) -> Set<String> {
        var t = DocumentTokens()
        t.addGrams(normalize(name), 2, prefix: nil)
        return Set(t.texts)
    }

    /// 4-grams of a 统一社会信用代码.
    static func codeTokens(_ code: String) -> Set<String> {
        var t = DocumentTokens()
        t.addGrams(normalize(code), 4, prefix: UInt8(ascii: "#"))
        return Set(t.texts)
    }

    /// The whole number and its 4-grams.
    static func documentTokens(_ number: String) -> Set<String> {
        let n = normalizeDocument(number)
        guard !n.isEmpty else { return [] }
        var t = DocumentTokens()
        t.read(SearchIndexPart.Entity(name: "", code: "", path: "", summary: "", document: n))
        return Set(t.texts)
    }

    /// Every token of a search document once, appended to `list` (``DocumentTokens/read(_:)``). Tokens
    /// are told apart by their bytes, as the browser looks them up.
    static func tokens(of e: SearchIndexPart.Entity, into list: inout [String]) {
        var t = DocumentTokens()
        t.read(e)
        list += t.texts
    }
}

/// Texts compared by their UTF-8 bytes, as the search index tells tokens and documents apart (and as
/// `search.js` does), not by Unicode canonical equivalence.
enum ByteOrder {
    /// The order of two texts' UTF-8 bytes (negative, zero, positive): the judge's
    /// ``PlainText/compareBytes(_:_:)``, `memcmp` of their storage (the generic byte-by-byte walk of
    /// `lexicographicallyPrecedes` was 2 % of a build in the search index's sorts and token lists).
    static func compare(_ a: String, _ b: String) -> Int { PlainText.compareBytes(a, b) }

    /// The order of two runs of bytes (of one buffer or two), as texts are ordered by their bytes above.
    static func compare(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let x = a.base.baseAddress, let y = b.base.baseAddress {
            let c = Int(memcmp(x + a.startIndex, y + b.startIndex, n))
            if c != 0 { return c }
        }
        return a.count - b.count
    }

    /// Whether the two texts have the same bytes.
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && compare(a, b) == 0
    }
}
