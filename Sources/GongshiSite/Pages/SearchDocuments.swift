import GongshiModel

/// The search index's documents as the plan keeps them: their JSON and what they are found by, made
/// ``SearchPlan/chunk`` documents at a time on every core from a function of the document's number.
///
/// A province's documents are never held as ``SearchIndexPart/Entity`` values (five strings, some 350
/// bytes a record with their storage): at a million records that list, its sorted copy and the JSON
/// made from it were held at once, the largest part of what the render added to the judge's memory.
struct SearchDocuments: Sendable {
    let count: Int
    let json: DocumentJSON
    let texts: SearchTexts
    /// The bytes of every document's fields, for the bucket count's estimate (see
    /// ``SearchPlan/bucketCount(_:documentBytes:_:_:)``).
    let bytes: Int

    /// The documents `make(0)`, `make(1)` … `make(count - 1)`, each made once, on any thread; their
    /// JSON is kept (see ``keepsJSON(_:)``) or made again from `make` whenever a bucket lists it.
    init(count: Int, keepJSON: Bool? = nil, _ make: @escaping @Sendable (Int) -> SearchIndexPart.Entity) {
        self.count = count
        let keep = keepJSON ?? Self.keepsJSON(count)
        let parts = ParallelMap.map(SearchPlan.ranges(count)) { r -> (DocumentJSON.Part, SearchTexts.Part, Int) in
            var json = DocumentJSON.Part(capacity: r.count)
            var texts = SearchTexts.Part(capacity: r.count)
            var bytes = 0
            for i in r {
                let e = make(i)
                json.append(e, keep: keep)
                texts.append(e)
                bytes += e.name.utf8.count + e.code.count + e.path.count + e.summary.utf8.count + 16
            }
            return (json, texts, bytes)
        }
        json = keep ? DocumentJSON(parts.map(\.0)) : DocumentJSON(remaking: make, parts.map(\.0))
        texts = SearchTexts(parts.map(\.1))
        bytes = parts.reduce(0) { $0 + $1.2 }
    }

    /// Whether the JSON of `count` documents is kept for the buckets, or made again each time a bucket
    /// lists a document (about three times a document). A province's is some 200 MB, held through the
    /// whole search beside the shards: it is made again above the size whose shards are made in waves
    /// (``SearchPlan/waves(_:)``), and kept below, where making it again would cost more than it holds.
    static func keepsJSON(_ count: Int) -> Bool { SearchPlan.waves(count) == 1 }

    /// The documents of a list (tests, and a plan made from one).
    init(_ list: [SearchIndexPart.Entity]) {
        self.init(count: list.count) { list[$0] }
    }
}

/// Every document's JSON (``SearchIndexPart/json(_:)``): made once and kept, as a document is in the
/// bucket of each of its tokens; or, for a province (see ``SearchDocuments/keepsJSON(_:)``), only its
/// size kept and the JSON made again from the document whenever a bucket lists it.
struct DocumentJSON: Sendable {
    /// The JSON of a run of ``SearchPlan/chunk`` documents, end to end (only the ends when not kept).
    struct Part: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        /// Where the next document's JSON would start, whether or not `bytes` keeps it.
        var end = 0
        init(capacity: Int) { ends.reserveCapacity(capacity) }
        mutating func append(_ e: SearchIndexPart.Entity, keep: Bool = true) {
            let json = SearchIndexPart.json(e)
            if keep { bytes += json.utf8 }
            end += json.utf8.count
            ends.append(Int32(end))
        }
    }
    private let parts: [Part]
    private let remake: (@Sendable (Int) -> SearchIndexPart.Entity)?

    init(_ parts: [Part]) {
        self.parts = parts
        remake = nil
    }

    /// The JSON of `make(i)`, made when asked for; `parts` (made without keeping their bytes) give the
    /// sizes only.
    init(remaking make: @escaping @Sendable (Int) -> SearchIndexPart.Entity, _ parts: [Part]) {
        self.parts = parts
        remake = make
    }

    subscript(_ i: Int) -> ArraySlice<UInt8> {
        if let remake { return ArraySlice(SearchIndexPart.json(remake(i)).utf8) }
        let part = parts[i / SearchPlan.chunk]
        let j = i % SearchPlan.chunk
        return part.bytes[(j == 0 ? 0 : Int(part.ends[j - 1]))..<Int(part.ends[j])]
    }

    var sizes: [Int32] {
        parts.flatMap { part in part.ends.indices.map { part.ends[$0] - ($0 == 0 ? 0 : part.ends[$0 - 1]) } }
    }
}

/// What each search document is found by, packed: a record's folded number (``SearchIndexPart/Entity/document``),
/// else an entity's name and code. The shards are made in waves, each tokenising every document again
/// from these.
struct SearchTexts: Sendable {
    /// The texts of a run of ``SearchPlan/chunk`` documents, end to end.
    struct Part: Sendable {
        var bytes: [UInt8] = []
        /// Two a document: where its name (or number) ends, where its code ends.
        var ends: [Int32] = []
        var isDocument: [Bool] = []
        init(capacity: Int) {
            ends.reserveCapacity(capacity * 2)
            isDocument.reserveCapacity(capacity)
        }
        mutating func append(_ e: SearchIndexPart.Entity) {
            let document = !e.document.isEmpty
            bytes += (document ? e.document : e.name).utf8
            ends.append(Int32(bytes.count))
            if !document { bytes += e.code.utf8 }
            ends.append(Int32(bytes.count))
            isDocument.append(document)
        }
    }
    private let parts: [Part]

    init(_ parts: [Part]) { self.parts = parts }

    func isDocument(_ i: Int) -> Bool { parts[i / SearchPlan.chunk].isDocument[i % SearchPlan.chunk] }

    /// The document as far as its tokens go (``DocumentTokens/read(_:)``): no path or summary.
    subscript(_ i: Int) -> SearchIndexPart.Entity {
        let part = parts[i / SearchPlan.chunk]
        let j = i % SearchPlan.chunk
        let start = j == 0 ? 0 : Int(part.ends[2 * j - 1])
        let (first, second) = (Int(part.ends[2 * j]), Int(part.ends[2 * j + 1]))
        let text = String(decoding: part.bytes[start..<first], as: UTF8.self)
        if part.isDocument[j] {
            return SearchIndexPart.Entity(name: "", code: "", path: "", summary: "", document: text)
        }
        let code = String(decoding: part.bytes[first..<second], as: UTF8.self)
        return SearchIndexPart.Entity(name: text, code: code, path: "", summary: "")
    }
}
