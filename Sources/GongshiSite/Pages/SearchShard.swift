/// The tokens of one shard of the search index and their postings: the tokens whose hash ends in the
/// shard's number (`hash % SearchPlan.shards`).
///
/// The number of buckets is a power of two and at least ``SearchPlan/shards``, so every bucket's tokens
/// lie in one shard (`bucket % shards == shard`): the shards are planned, counted and written on
/// every core at once, each without the others.
struct SearchShard: Sendable {
    /// The shard's tokens in UTF-8 byte order (the order of a bucket file's tokens).
    let tokens: [String]
    /// Each token's FNV-1a hash (see ``SearchIndexPart/bucket(_:_:)``).
    let hashes: [UInt32]
    /// The postings of token `i`: `documents[starts[i]..<starts[i + 1]]`, in the site's document order.
    let starts: [Int32]
    let documents: [Int32]
    /// Each token's number of documents when `documents` keeps only the postings a bucket file lists
    /// (see ``keepingListedPostings()``); nil when it keeps them all.
    private(set) var totals: [Int32]? = nil

    var count: Int { tokens.count }
    /// The postings of token `i`: all of them, or those a bucket lists once ``keepingListedPostings()``.
    func postings(_ i: Int) -> ArraySlice<Int32> { documents[Int(starts[i])..<Int(starts[i + 1])] }
    /// The number of documents that have token `i` (a bucket file says it beside the listed ones).
    func total(_ i: Int) -> Int { totals.map { Int($0[i]) } ?? Int(starts[i + 1] - starts[i]) }
    /// The postings a bucket file lists (a token's first `cap`).
    func kept(_ i: Int) -> ArraySlice<Int32> {
        let all = postings(i)
        return all.prefix(SearchIndexPart.cap(of: tokens[i]))
    }

    /// Gathers the shard's tokens from every chunk of documents, in chunk order (so in document order).
    /// Tokens are equal when their bytes are, as the browser hashes and looks them up. Each chunk's
    /// distinct tokens are looked up once, not once per document that has them.
    init(_ shard: Int, _ chunks: [SearchPairs]) {
        let pairs = chunks.reduce(0) { $0 + $1.documents[shard].count }
        let distinct = chunks.reduce(0) { $0 + $1.tokens[shard].count }
        var bits = 4
        while 1 << bits < distinct * 2 { bits += 1 }
        let mask = (1 << bits) - 1
        var table = [Int32](repeating: -1, count: 1 << bits)
        var tokens: [String] = []
        var hashes: [UInt32] = []
        var counts: [Int32] = []
        // Each chunk's tokens' positions among the shard's, by their position in the chunk.
        var slots: [[Int32]] = []
        slots.reserveCapacity(chunks.count)
        for chunk in chunks {
            let ts = chunk.tokens[shard]
            let hs = chunk.hashes[shard]
            var local = [Int32](repeating: 0, count: ts.count)
            for k in ts.indices {
                let h = hs[k]
                // The low bits are the shard's, the same for all: spread the others.
                var at = Int((h &* 0x9E37_79B1) >> UInt32(32 - bits)) & mask
                while true {
                    let slot = table[at]
                    if slot < 0 {
                        table[at] = Int32(tokens.count)
                        local[k] = Int32(tokens.count)
                        tokens.append(ts[k])
                        hashes.append(h)
                        counts.append(0)
                        break
                    }
                    if hashes[Int(slot)] == h && ByteOrder.equal(tokens[Int(slot)], ts[k]) {
                        local[k] = slot
                        break
                    }
                    at = (at + 1) & mask
                }
            }
            for t in chunk.pairTokens[shard] { counts[Int(local[Int(t)])] += 1 }
            slots.append(local)
        }
        table = []
        // Byte order: the order String's `<` gives text in Unicode normal form C, as names are.
        let order = tokens.indices.sorted { ByteOrder.compare(tokens[$0], tokens[$1]) < 0 }
        var rank = [Int32](repeating: 0, count: tokens.count)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        var starts = [Int32](repeating: 0, count: tokens.count + 1)
        for (r, i) in order.enumerated() { starts[r + 1] = starts[r] + counts[i] }
        var fill = starts
        var documents = [Int32](repeating: 0, count: pairs)
        for (c, chunk) in chunks.enumerated() {
            let local = slots[c]
            for (t, d) in zip(chunk.pairTokens[shard], chunk.documents[shard]) {
                let r = Int(rank[Int(local[Int(t)])])
                documents[Int(fill[r])] = d
                fill[r] += 1
            }
        }
        self.tokens = order.map { tokens[$0] }
        self.hashes = order.map { hashes[$0] }
        self.starts = starts
        self.documents = documents
    }

    /// The shard with only the postings bucket files list (each token's first `cap`) and each token's
    /// number of documents: what a build that neither keeps the plan nor reuses buckets needs. A
    /// province's 决定书文号 tokens have some 14 million postings, of which the files list 2 million.
    func keepingListedPostings() -> SearchShard {
        guard totals == nil else { return self }
        var starts = [Int32](repeating: 0, count: count + 1)
        var listed: [Int32] = []
        listed.reserveCapacity(count)
        for i in 0..<count {
            listed += kept(i)
            starts[i + 1] = Int32(listed.count)
        }
        var shard = SearchShard(tokens: tokens, hashes: hashes, starts: starts, documents: listed)
        shard.totals = (0..<count).map { Int32(total($0)) }
        return shard
    }

    /// Each token's bytes in a bucket file beyond its documents' numbers: `"token":[count,[` `]]` and
    /// the commas between the numbers.
    func fixedBytes(_ i: Int) -> Int {
        let all = total(i)
        let kept = min(all, SearchIndexPart.cap(of: tokens[i]))
        return SearchShard.jsonBytes(tokens[i]) + 2 + SearchShard.digits(all) + 2 + 2 + max(kept - 1, 0)
    }

    /// The length of `Escape.json(s)`, counted without making it.
    static func jsonBytes(_ s: String) -> Int {
        var n = 2
        for b in s.utf8 {
            switch b {
            case 34, 92, 10, 13, 9: n += 2
            case 60: n += 6
            case 0..<32: n += 6
            default: n += 1
            }
        }
        return n
    }

    static func digits(_ n: Int) -> Int {
        var d = 1
        var v = n
        while v >= 10 {
            v /= 10
            d += 1
        }
        return d
    }

    /// The shard's buckets for `buckets` buckets: each one's tokens (indices, in byte order), by the
    /// bucket's number divided by the number of shards.
    func grouped(buckets: Int) -> [[Int32]] {
        var groups = [[Int32]](repeating: [], count: buckets / SearchPlan.shards)
        for i in hashes.indices { groups[Int(hashes[i] % UInt32(buckets)) / SearchPlan.shards].append(Int32(i)) }
        return groups
    }

    /// The size in bytes of each of the shard's bucket files (as ``grouped(buckets:)`` orders them),
    /// exactly as ``SearchPlan/file(_:)`` makes them, counted without making them.
    func sizes(buckets: Int, documentBytes: [Int32], scratch: inout SearchScratch) -> [Int] {
        grouped(buckets: buckets).map { tokens in
            scratch.next()
            var size = "{\"t\":{".utf8.count + "},\"d\":[".utf8.count + "]}\n".utf8.count
            size += max(tokens.count - 1, 0)  // commas between tokens
            var count = 0
            for t in tokens {
                size += fixedBytes(Int(t))
                for id in kept(Int(t)) {
                    let (position, new) = scratch.position(of: Int(id), next: count)
                    size += SearchShard.digits(position)
                    if new {
                        size += Int(documentBytes[Int(id)])
                        count += 1
                    }
                }
            }
            return size + max(count - 1, 0)  // commas between documents
        }
    }
}

/// A document's position in the bucket being made or counted, without a dictionary per bucket: valid
/// while `seenIn` holds the current bucket's stamp.
struct SearchScratch {
    private var seenIn: [Int32]
    private var position: [Int32]
    private var stamp: Int32 = 0

    init(documents: Int) {
        seenIn = [Int32](repeating: -1, count: documents)
        position = [Int32](repeating: 0, count: documents)
    }

    /// Starts another bucket.
    mutating func next() { stamp += 1 }

    /// The document's position in this bucket's list, and whether it was new (then given `next`).
    mutating func position(of d: Int, next: Int) -> (Int, Bool) {
        if seenIn[d] == stamp { return (Int(position[d]), false) }
        seenIn[d] = stamp
        position[d] = Int32(next)
        return (next, true)
    }
}

/// The tokens of a run of documents, by shard: what each chunk of the tokenising hands the shards.
/// A run's distinct tokens are kept once each (names share their bigrams, numbers their prefixes), and
/// each (token, document) pair as two numbers: a province's pairs are tens of millions.
struct SearchPairs: Sendable {
    /// By shard: the run's distinct tokens, in the order they first come, and their hashes.
    var tokens: [[String]]
    var hashes: [[UInt32]]
    /// By shard, each pair: its token's position in `tokens`, and its document.
    var pairTokens: [[Int32]]
    var documents: [[Int32]]

    /// The pairs of the tokens of the documents `indices` (ascending) that fall in `wanted` shards (the
    /// others' lists stay empty).
    init(_ texts: SearchTexts, _ indices: some Sequence<Int>, shards wanted: Range<Int> = 0..<SearchPlan.shards) {
        tokens = Array(repeating: [], count: SearchPlan.shards)
        hashes = Array(repeating: [], count: SearchPlan.shards)
        pairTokens = Array(repeating: [], count: SearchPlan.shards)
        documents = Array(repeating: [], count: SearchPlan.shards)
        // The run's distinct tokens of every shard, as (shard, position) packed in one number, by hash.
        var table = [Int64](repeating: -1, count: 1 << 12)
        var distinct = 0
        var document = DocumentTokens()
        for i in indices {
            document.read(texts[i])
            for t in document.tokens.indices {
                let h = document.tokens[t].hash
                let s = Int(h % UInt32(SearchPlan.shards))
                guard wanted.contains(s) else { continue }
                let mask = table.count - 1
                var at = Int((h &* 0x9E37_79B1) >> 8) & mask
                var position = -1
                while table[at] >= 0 {
                    let (shard, k) = (Int(table[at] >> 32), Int(table[at] & 0xFFFF_FFFF))
                    if shard == s && hashes[s][k] == h && document.token(t, equals: tokens[s][k]) {
                        position = k
                        break
                    }
                    at = (at + 1) & mask
                }
                if position < 0 {
                    position = tokens[s].count
                    table[at] = Int64(s) << 32 | Int64(position)
                    tokens[s].append(document.text(t))
                    hashes[s].append(h)
                    distinct += 1
                    if distinct * 2 > table.count { table = Self.grown(table, tokens: tokens, hashes: hashes) }
                }
                pairTokens[s].append(Int32(position))
                documents[s].append(Int32(i))
            }
        }
    }

    /// `table` twice as large, its entries placed again.
    private static func grown(_ table: [Int64], tokens: [[String]], hashes: [[UInt32]]) -> [Int64] {
        var bigger = [Int64](repeating: -1, count: table.count * 2)
        let mask = bigger.count - 1
        for entry in table where entry >= 0 {
            let h = hashes[Int(entry >> 32)][Int(entry & 0xFFFF_FFFF)]
            var at = Int((h &* 0x9E37_79B1) >> 8) & mask
            while bigger[at] >= 0 { at = (at + 1) & mask }
            bigger[at] = entry
        }
        return bigger
    }
}
