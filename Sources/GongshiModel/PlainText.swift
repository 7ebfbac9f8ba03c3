import Foundation

/// Text that Swift compares and hashes by Unicode canonical equivalence, decided from its UTF-8 bytes
/// where that gives the same answer. A string of "plain" scalars (ASCII, CJK ideographs, the CJK
/// symbols and punctuation that combine with nothing, the full-width ASCII forms) is in NFC and has no
/// scalar that normalisation or a neighbour could change: two such strings are canonically equivalent
/// exactly when their bytes are equal, and order as their bytes do. Most values of disclosure data are
/// plain; comparing them otherwise walks Unicode tables for every Chinese character.
public enum PlainText {
    /// Whether every scalar of `s` is plain (see the type's description).
    public static func isPlain(_ s: String) -> Bool {
        if let answer = s.utf8.withContiguousStorageIfAvailable(isPlain) { return answer }
        return Array(s.utf8).withUnsafeBufferPointer(isPlain)
    }

    /// Whether every scalar of these UTF-8 bytes is plain.
    public static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            // Plain non-ASCII scalars are all three bytes long (U+0800–U+FFFF).
            guard c & 0xF0 == 0xE0, i + 2 < n else { return false }
            let u = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
            switch u {
            // CJK symbols and punctuation but the tone marks U+302A–U+302F, which combine; CJK
            // extension A and the unified ideographs; the full-width forms of ASCII.
            case 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: i += 3
            default: return false
            }
        }
        return true
    }

    /// `a` before `b`, -1, 0 or 1, as `String` orders them (`<`, `==`); `plainA` and `plainB` say
    /// whether each is plain (``isPlain(_:)``, asked once per text by a sort), and then their bytes
    /// decide, compared in place.
    public static func compare(_ a: String, plain plainA: Bool, _ b: String, plain plainB: Bool) -> Int {
        guard plainA && plainB else { return a == b ? 0 : a < b ? -1 : 1 }
        return compareBytes(a, b)
    }

    /// The byte order of the UTF-8 of `a` and `b`, -1, 0 or 1 (`a.utf8.lexicographicallyPrecedes(b.utf8)`
    /// and `elementsEqual`, compared in place).
    public static func compareBytes(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                if n > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let c = memcmp(p, q, n)
                    if c != 0 { return c < 0 ? -1 : 1 }
                }
                return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
            }
        }
    }

    /// `a < b` as Swift decides it, from the bytes when both are plain.
    public static func less(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                if isPlain(x) && isPlain(y) { return x.lexicographicallyPrecedes(y) }
                return String(decoding: x, as: UTF8.self) < String(decoding: y, as: UTF8.self)
            }
        }
    }
}

/// A `String` as a dictionary key, equal and hashed as `String` is (canonical equivalence), but from
/// its bytes when it is plain (``PlainText``): a plain key's hash is what `String` would compute
/// (its NFC bytes, which are its own, then 0xFF), without normalising it first.
public struct TextKey: Hashable, Sendable {
    public let text: String
    /// `text` is plain.
    private let plain: Bool

    public init(_ text: String) {
        self.text = text
        plain = PlainText.isPlain(text)
    }

    public func hash(into h: inout Hasher) {
        guard plain else { return text.hash(into: &h) }
        var text = text
        text.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        h.combine(0xFF as UInt8)
    }

    /// A dictionary compares its key with every key on its probe path: lengths first, then memory.
    public static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.plain && b.plain else { return a.text == b.text }
        var x = a.text
        var y = b.text
        guard x.utf8.count == y.utf8.count else { return false }
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard let pa = p.baseAddress, let qa = q.baseAddress else { return true }
                return memcmp(pa, qa, p.count) == 0
            }
        }
    }
}

/// The spellings a field's vocabulary accepts for each of its values (a status, a category …), matched
/// as Swift's `==` matches them, by their bytes when the text is plain (``PlainText``).
public struct Spellings<Value: Sendable>: Sendable {
    private let entries: [(text: String, bytes: [UInt8], value: Value)]

    /// Every spelling must be plain text (a test checks the vocabularies').
    public init(_ entries: [(String, Value)]) {
        self.entries = entries.map { ($0.0, Array($0.0.utf8), $0.1) }
    }

    /// The value `text` spells, if any (the first spelling that equals it).
    public func value(of text: String) -> Value? {
        var text = text
        // Decided by the bytes (`.some`), or not plain (nil): then by `==`.
        let byBytes: Value?? = text.withUTF8 { b in
            guard PlainText.isPlain(b) else { return nil }
            for e in entries where e.bytes.count == b.count && e.bytes.elementsEqual(b) { return .some(e.value) }
            return .some(nil)
        }
        if let decided = byBytes { return decided }
        return entries.first { $0.text == text }?.value
    }

    /// Every spelling, in order.
    public var texts: [String] { entries.map(\.text) }
}

extension String {
    /// Whether `word` occurs in this text, searched on UTF-8 bytes (a match of whole characters there
    /// is a match of characters): `contains(_:)` of a string is Foundation's locale-aware search.
    public func saysBytes(_ word: String) -> Bool {
        var text = self
        return text.withUTF8 { $0.firstOffset(of: word) != nil }
    }

    /// This text with every `word` replaced, on UTF-8 bytes as ``saysBytes(_:)`` searches.
    public func replacingAll(_ word: String, with other: String) -> String {
        guard !word.isEmpty else { return self }
        var text = self
        return text.withUTF8 { bytes in
            guard var at = bytes.firstOffset(of: word) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var from = 0
            while true {
                out.append(contentsOf: bytes[from..<at])
                out.append(contentsOf: other.utf8)
                from = at + word.utf8.count
                guard let next = bytes.firstOffset(of: word, from: from) else { break }
                at = next
            }
            out.append(contentsOf: bytes[from...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Searches of UTF-8 bytes for a word's bytes.
///
/// Written out rather than `firstRange(of:)` of the standard library: that generic search
/// instantiates type metadata on every call and was 8 % of a day's build (the rules ask it of
/// every penalty and list entry).
extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first occurrence of `word`'s bytes at or after `from`; `from` itself for an
    /// empty word.
    public func firstOffset(of word: String, from: Int = 0) -> Int? {
        let from = Swift.max(from, 0)
        let length = word.utf8.count
        guard let first = word.utf8.first else { return from <= count ? from : nil }
        guard length <= count else { return nil }
        var at = from
        while at <= count - length {
            if self[at] == first, hasBytes(of: word, at: at) { return at }
            at += 1
        }
        return nil
    }

    /// Whether `word`'s bytes stand at offset `at`.
    public func hasBytes(of word: String, at: Int) -> Bool {
        guard at >= 0, at + word.utf8.count <= count else { return false }
        var i = at
        for byte in word.utf8 {
            guard self[i] == byte else { return false }
            i += 1
        }
        return true
    }

    /// Whether `word`'s bytes end right before offset `end`.
    public func hasBytes(of word: String, endingAt end: Int) -> Bool {
        hasBytes(of: word, at: end - word.utf8.count)
    }
}
