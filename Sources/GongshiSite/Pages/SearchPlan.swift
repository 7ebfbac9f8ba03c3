import Crypto
import GongshiModel

/// The postings of every token of the search index and the number of buckets they are spread over,
/// planned in ``shards`` independent parts on every core. A bucket's file is made when it is written
/// (``file(_:)``): the files of a million records would be gigabytes.
struct SearchPlan: Sendable {
    /// The number of shards: the least number of buckets, so that a bucket never spans two.
    static let shards = 16
    /// Documents per chunk when tokenising and making their JSON in parallel.
    static let chunk = 4096

    /// The number of documents (entities then records).
    let count: Int
    let shards: [SearchShard]
    let documents: DocumentJSON
    /// Each document's key (see ``keys(_:_:count:)``), made when the plan has a store or is `keyed`.
    let keys: [Fingerprint]?
    /// Whether the shards were made from the previous build's (else from every document).
    let fromCache: Bool
    let buckets: Int
    /// Each shard's buckets' tokens for ``buckets`` (see ``SearchShard/grouped(buckets:)``).
    let grouped: [[[Int32]]]

    /// The number of waves the shards of `count` documents are made in: every (token, document) pair
    /// of the shards of a wave is held at once (some 40 a document, about a gigabyte at a million
    /// records), so a large site's are made in parts of at most 300 000 documents' pairs, at most four
    /// (a province's a quarter at a time), each wave tokenising every document. (Four waves for any
    /// site above 300 000 documents made the plan of 305 000 take 7.6 times the 100 000-record one's.)
    static func waves(_ count: Int) -> Int { min(4, max(1, (count + 299_999) / 300_000)) }

    /// Plans the index of `entities` (in the site's order): see ``init(_:buckets:waves:store:)``.
    init(
        _ entities: [SearchIndexPart.Entity], buckets forced: Int? = nil, waves: Int? = nil,
        store: (any OpenDataStore)? = nil
    ) {
        self.init(SearchDocuments(entities), buckets: forced, waves: waves, store: store, keyed: true)
    }

    /// Plans the index of `source` (entities then records, in the site's order). `buckets`: the number
    /// of buckets to use instead of the one the sizes ask for (tests); `waves`: see ``waves(_:)``.
    ///
    /// With a `store` (an incremental build), the plan starts from the previous build's
    /// (``SearchPlanCache``): only the documents it does not have are tokenised, and the shards are
    /// the previous ones with the documents moved, dropped and added, which is the plan made from
    /// scratch; anything missing or not matching plans from scratch. The plan is then saved for the next.
    ///
    /// `keyed`: the documents' keys are made for ``fingerprints()`` (an incremental build's). The texts
    /// the documents are found by are let go once the shards are made (some 60 MB at a million records).
    init(
        _ source: SearchDocuments, buckets forced: Int? = nil, waves: Int? = nil, store: (any OpenDataStore)? = nil,
        keyed: Bool
    ) {
        let count = source.count
        self.count = count
        let ranges = Self.ranges(count)
        let texts = source.texts
        let documents = source.json
        let estimate = source.bytes
        self.documents = documents
        let keys = store == nil && !keyed ? nil : Self.keys(texts, documents, count: count)
        self.keys = keys
        var shards: [SearchShard]? = nil
        var unchanged = false
        if let store, let keys, let previous = SearchPlanCache.loadDocuments(store),
            let match = SearchDocumentMatch(previous: previous.keys, now: keys)
        {
            unchanged = match.unchanged
            let added = Self.ranges(match.added.count).map { match.added[$0] }
            let pairs = ParallelMap.map(added) { SearchPairs(texts, $0) }
            let merged = ParallelMap.map(Array(0..<Self.shards)) { s -> SearchShard? in
                SearchPlanCache.loadShard(s, store, previous).map {
                    SearchShard(s, merging: $0, moved: match.moved, added: pairs)
                }
            }
            if !merged.contains(where: { $0 == nil }) { shards = merged.compactMap { $0 } }
        }
        let made =
            shards
            ?? Self.shards(
                texts, ranges, waves: max(1, min(waves ?? Self.waves(count), Self.shards)), listedOnly: keys == nil)
        self.shards = made
        fromCache = shards != nil
        let buckets = forced ?? Self.bucketCount(count, documentBytes: estimate, made, documents)
        self.buckets = buckets
        grouped = ParallelMap.map(made) { $0.grouped(buckets: buckets) }
        if let store, let keys, !(shards != nil && unchanged) { SearchPlanCache.save(self, keys: keys, store) }
    }

    /// `0..<count` in runs of ``chunk``.
    static func ranges(_ count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: chunk).map { $0..<min($0 + chunk, count) }
    }

    /// Every shard, from every document's tokens. `listedOnly`: each keeps only the postings its bucket
    /// files list (``SearchShard/keepingListedPostings()``), for a plan without ``keys``: its postings
    /// are neither saved for the next build nor summed into ``fingerprints()``.
    static func shards(_ texts: SearchTexts, _ ranges: [Range<Int>], waves: Int, listedOnly: Bool) -> [SearchShard] {
        var shards: [SearchShard] = []
        for w in 0..<waves {
            let wave = (w * Self.shards / waves)..<((w + 1) * Self.shards / waves)
            let pairs = ParallelMap.map(ranges) { r in SearchPairs(texts, r, shards: wave) }
            shards += ParallelMap.map(Array(wave)) { s in
                let shard = SearchShard(s, pairs)
                return listedOnly ? shard.keepingListedPostings() : shard
            }
        }
        return shards
    }

    /// Each document's key: the first 128 bits of the SHA-256 of its kind and JSON. What a document is
    /// found by is a function of them, as is what its buckets list of it.
    static func keys(_ texts: SearchTexts, _ documents: DocumentJSON, count: Int) -> [Fingerprint] {
        ParallelMap.map(ranges(count)) { r in
            r.map { i -> Fingerprint in
                var h = SHA256()
                h.update(data: texts.isDocument(i) ? [0x64] : [0x65])
                h.update(data: documents[i])
                return Fingerprint(digest: h.finalize())
            }
        }.flatMap { $0 }
    }

    /// Picks the number of buckets: from an estimate, then doubled until no bucket file is larger than
    /// `maxBucketBytes` (sizes are counted, not made: see ``SearchShard/sizes(buckets:documentBytes:scratch:)``).
    static func bucketCount(
        _ documentCount: Int, documentBytes docBytes: Int, _ shards: [SearchShard], _ documents: DocumentJSON
    ) -> Int {
        // Size estimate: each kept posting carries its entity (deduplicated within a bucket, so this
        // overestimates), which picks a bucket count that rarely needs doubling.
        let avgDoc = documentCount == 0 ? 0 : docBytes / documentCount
        var estimate = 0
        for shard in shards {
            for i in 0..<shard.count {
                estimate += min(shard.total(i), SearchIndexPart.cap(of: shard.tokens[i]))
            }
        }
        estimate *= avgDoc + 6
        var buckets = shards.count
        while buckets < 65_536 && estimate / buckets > SearchIndexPart.targetBucketBytes { buckets *= 2 }
        let sizes = documents.sizes
        while buckets < 65_536 {
            let count = buckets
            let fits = ParallelMap.map(shards) { shard in
                var scratch = SearchScratch(documents: documentCount)
                return shard.sizes(buckets: count, documentBytes: sizes, scratch: &scratch)
                    .allSatisfy { $0 <= SearchIndexPart.maxBucketBytes }
            }
            if !fits.contains(false) { break }
            buckets *= 2
        }
        return buckets
    }

    /// The tokens of bucket `b`, in byte order, as indices into its shard's.
    func tokens(of b: Int) -> (shard: SearchShard, tokens: [Int32]) {
        let s = b % Self.shards
        return (shards[s], grouped[s][b / Self.shards])
    }

    /// `sousuo/i/<bucket>.json`: the bucket's tokens with their kept postings (as positions in its
    /// own list of documents), then those documents.
    func file(_ b: Int) -> [UInt8] {
        var scratch = SearchScratch(documents: count)
        return file(b, &scratch)
    }

    func file(_ b: Int, _ scratch: inout SearchScratch) -> [UInt8] {
        let (shard, tokens) = tokens(of: b)
        scratch.next()
        var docs: [Int32] = []
        var out = Array("{\"t\":{".utf8)
        for (k, t) in tokens.enumerated() {
            if k > 0 { out.append(44) }  // ,
            let i = Int(t)
            out += Escape.json(shard.tokens[i]).utf8
            out += ":[".utf8
            out += String(shard.total(i)).utf8
            out += ",[".utf8
            for (j, id) in shard.kept(i).enumerated() {
                if j > 0 { out.append(44) }
                let (position, new) = scratch.position(of: Int(id), next: docs.count)
                if new { docs.append(id) }
                out += String(position).utf8
            }
            out += "]]".utf8
        }
        out += "},\"d\":[".utf8
        for (k, id) in docs.enumerated() {
            if k > 0 { out.append(44) }
            out += documents[Int(id)]
        }
        out += "]}\n".utf8
        return out
    }

    /// What each bucket's file is made of, for an incremental build to take it unchanged from the
    /// previous output without making it: the bucket count and the documents with a token in the
    /// bucket, once for each such token (a file is a function of them: the order of documents is
    /// their content's, and a token's postings are the documents that have it), summed as 128-bit
    /// hashes of each document's JSON. Only for a plan with ``keys``.
    func fingerprints() -> [Fingerprint] {
        let hashes = (keys ?? []).map { ($0.high, $0.low) }
        let buckets = self.buckets
        let perShard = ParallelMap.map(Array(0..<Self.shards)) { s -> [Fingerprint] in
            let shard = shards[s]
            return grouped[s].map { tokens in
                var high: UInt64 = 0
                var low: UInt64 = 0
                var pairs = 0
                for t in tokens {
                    for d in shard.postings(Int(t)) {
                        high &+= hashes[Int(d)].0
                        low &+= hashes[Int(d)].1
                        pairs += 1
                    }
                }
                var b = FingerprintBuffer(tag: "search-bucket-2")
                b.add(buckets)
                b.add(SearchIndexPart.cap)
                b.add(SearchIndexPart.documentCap)
                b.add(pairs)
                b.add(Int(bitPattern: UInt(high)))
                b.add(Int(bitPattern: UInt(low)))
                return b.finish()
            }
        }
        return (0..<buckets).map { perShard[$0 % Self.shards][$0 / Self.shards] }
    }
}
