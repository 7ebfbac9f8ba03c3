import GongshiModel

/// One search document's distinct tokens (``SearchTokens``) as UTF-8 bytes end to end in one buffer,
/// each with its bucket hash (``SearchIndexPart/hash(_:)``), in the order they first come.
///
/// Made without a `String` per token: the search plan of a million records tokenises every document
/// once in each of its four waves and keeps the tokens of a quarter of the shards each time, so only
/// the tokens kept become strings (``text(_:)``). Reused from document to document.
struct DocumentTokens {
    private(set) var bytes: [UInt8] = []
    private(set) var tokens: [(hash: UInt32, start: Int, end: Int)] = []
    /// Scratch: where each code point of the text being cut starts.
    private var starts: [Int] = []

    /// The tokens of `e`: a record's number's (its `document`, already folded by
    /// ``SearchTokens/normalizeDocument(_:)``): its 4-grams and the whole number; else the entity's
    /// name's bigrams and its code's 4-grams.
    mutating func read(_ e: SearchIndexPart.Entity) {
        removeAll()
        if !e.document.isEmpty {
            addGrams(e.document, 4, prefix: UInt8(ascii: "%"))
            addWhole(e.document, prefix: UInt8(ascii: "="))
            return
        }
        addGrams(SearchTokens.normalize(e.name), 2, prefix: nil)
        addGrams(SearchTokens.normalize(e.code), 4, prefix: UInt8(ascii: "#"))
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
    }

    /// The `n`-grams of `text`'s code points (as `Array.from` cuts it in the browser), each after `prefix`.
    mutating func addGrams(_ text: String, _ n: Int, prefix: UInt8?) {
        var text = text
        text.withUTF8 { utf8 in
            starts.removeAll(keepingCapacity: true)
            var at = 0
            while at < utf8.count {
                starts.append(at)
                // A String's UTF-8 is valid: its lead bytes say how long each code point is.
                let lead = utf8[at]
                at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            }
            let count = starts.count
            starts.append(utf8.count)
            guard count >= n else { return }
            for g in 0...(count - n) {
                let start = bytes.count
                if let prefix { bytes.append(prefix) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[starts[g]..<starts[g + n]]))
                keep(from: start)
            }
        }
    }

    /// `text` whole after `prefix`.
    mutating func addWhole(_ text: String, prefix: UInt8) {
        let start = bytes.count
        bytes.append(prefix)
        bytes += text.utf8
        keep(from: start)
    }

    /// Every token as a string, in order.
    var texts: [String] { tokens.indices.map(text) }

    /// The token `k` as a string.
    func text(_ k: Int) -> String {
        String(decoding: bytes[tokens[k].start..<tokens[k].end], as: UTF8.self)
    }

    /// Whether token `k` has the bytes of `other`.
    func token(_ k: Int, equals other: String) -> Bool {
        var other = other
        let (start, end) = (tokens[k].start, tokens[k].end)
        return other.withUTF8 { o in
            bytes.withUnsafeBufferPointer { b in
                ByteOrder.compare(b[start..<end], o[0..<o.count]) == 0
            }
        }
    }

    /// Keeps the bytes from `start` to the end as a token, unless the document already has it.
    private mutating func keep(from start: Int) {
        let end = bytes.count
        let hash = bytes.withUnsafeBufferPointer { FNV1a.hash32(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        let seen = bytes.withUnsafeBufferPointer { b in
            tokens.contains { t in
                t.hash == hash && ByteOrder.compare(b[t.start..<t.end], b[start..<end]) == 0
            }
        }
        if seen {
            bytes.removeSubrange(start..<end)
        } else {
            tokens.append((hash, start, end))
        }
    }
}
