import Crypto
import GongshiModel

/// The search plan of the previous build, kept in the build cache (through the renderer's
/// ``OpenDataStore``) so that the next build plans only what changed: the key of every document (a
/// hash of its JSON, which its tokens are a function of) in the site's order, and each shard's tokens
/// with their postings as positions in that order.
///
/// The plan is content-addressed: a document of the new build whose key the previous plan lists has
/// exactly the tokens the previous plan gives it, so a cache of any earlier build (not only the last)
/// gives the plan a full build makes (see ``SearchPlan/init(_:buckets:waves:store:)``). The store
/// seals every file with the program's identity and a checksum; a shard file carries the generation
/// of the documents file it goes with (shards are saved first, the documents file last), so a build
/// killed between them leaves files that do not match, and anything that does not match or does not
/// decode makes the plan from scratch.
enum SearchPlanCache {
    static let documentsName = "search-documents"
    static func shardName(_ s: Int) -> String { "search-shard-\(s)" }
    static let magic = Array("gongshi-search-plan 1\n".utf8)

    /// The previous plan's documents: their keys in order, and the generation their shards must carry.
    struct Documents {
        let keys: [Fingerprint]
        let generation: Fingerprint
    }

    static func loadDocuments(_ store: any OpenDataStore) -> Documents? {
        guard let bytes = store.index(documentsName) else { return nil }
        var r = CacheReader(bytes)
        guard r.expect(magic), let generation = r.fingerprint(), let count = r.count(),
            count <= (bytes.count - r.at) / 16, let keyBytes = r.bytes(count * 16), r.atEnd,
            generation == Self.generation(keyBytes)
        else { return nil }
        var keys = CacheReader(Array(keyBytes))
        return Documents(keys: (0..<count).compactMap { _ in keys.fingerprint() }, generation: generation)
    }

    /// The generation of a list of keys (as saved): the same documents give the same generation, and
    /// the same shards.
    static func generation(_ keyBytes: ArraySlice<UInt8>) -> Fingerprint {
        var h = SHA256()
        h.update(data: magic)
        h.update(data: keyBytes)
        return Fingerprint(digest: h.finalize())
    }

    /// Shard `s` of the previous plan, when it belongs to `documents`.
    static func loadShard(_ s: Int, _ store: any OpenDataStore, _ documents: Documents) -> SearchShard? {
        guard let bytes = store.index(shardName(s)) else { return nil }
        var r = CacheReader(bytes)
        guard r.expect(magic), r.fingerprint() == documents.generation, r.count() == s, let tokenCount = r.count(),
            let ends = r.int32s(tokenCount), let byteCount = r.count(), let tokenSlice = r.bytes(byteCount),
            let hashes = r.int32s(tokenCount), let starts = r.int32s(tokenCount + 1), let pairs = r.count(),
            let postings = r.int32s(pairs), r.atEnd
        else { return nil }
        // Checked so that a plan that does not hold together is never indexed out of bounds.
        let tokenBytes = Array(tokenSlice)
        var tokens: [String] = []
        tokens.reserveCapacity(tokenCount)
        var start = 0
        for end in ends {
            guard Int(end) >= start, Int(end) <= tokenBytes.count else { return nil }
            tokens.append(String(decoding: tokenBytes[start..<Int(end)], as: UTF8.self))
            start = Int(end)
        }
        guard starts.first == 0, starts.last == Int32(pairs) else { return nil }
        for i in 0..<tokenCount where starts[i] >= starts[i + 1] { return nil }
        let limit = Int32(documents.keys.count)
        for d in postings where d < 0 || d >= limit { return nil }
        return SearchShard(
            tokens: tokens, hashes: hashes.map { UInt32(bitPattern: $0) }, starts: starts, documents: postings)
    }

    /// Saves the plan's shards, then its documents (see the type's comment for why in that order).
    static func save(_ plan: SearchPlan, keys: [Fingerprint], _ store: any OpenDataStore) {
        var keyBytes: [UInt8] = []
        keyBytes.reserveCapacity(keys.count * 16)
        for k in keys { appendFingerprint(k, to: &keyBytes) }
        let generation = Self.generation(keyBytes[...])
        _ = ParallelMap.map(Array(plan.shards.indices)) { s -> Bool in
            store.save(shardName(s), encode(plan.shards[s], s, generation))
            return true
        }
        var w = magic
        appendFingerprint(generation, to: &w)
        appendInt32(keys.count, to: &w)
        store.save(documentsName, w + keyBytes)
    }

    /// Shard `s`'s file: the shard's number too, so that one shard's file never stands for another's.
    static func encode(_ shard: SearchShard, _ s: Int, _ generation: Fingerprint) -> [UInt8] {
        var tokenBytes: [UInt8] = []
        var ends: [Int32] = []
        ends.reserveCapacity(shard.count)
        for t in shard.tokens {
            tokenBytes += t.utf8
            ends.append(Int32(tokenBytes.count))
        }
        var w = magic
        w.reserveCapacity(64 + tokenBytes.count + shard.count * 12 + shard.documents.count * 4)
        appendFingerprint(generation, to: &w)
        appendInt32(s, to: &w)
        appendInt32(shard.count, to: &w)
        appendInt32s(ends, to: &w)
        appendInt32(tokenBytes.count, to: &w)
        w += tokenBytes
        appendInt32s(shard.hashes.map { Int32(bitPattern: $0) }, to: &w)
        appendInt32s(shard.starts, to: &w)
        appendInt32(shard.documents.count, to: &w)
        appendInt32s(shard.documents, to: &w)
        return w
    }

    static func appendFingerprint(_ f: Fingerprint, to w: inout [UInt8]) {
        for word in [f.high, f.low] { withUnsafeBytes(of: word.littleEndian) { w += $0 } }
    }

    static func appendInt32(_ n: Int, to w: inout [UInt8]) {
        withUnsafeBytes(of: Int32(n).littleEndian) { w += $0 }
    }

    /// Little-endian, as every machine Swift runs this on stores them.
    static func appendInt32s(_ values: [Int32], to w: inout [UInt8]) {
        values.withUnsafeBytes { w += $0 }
    }
}

/// Reads what ``SearchPlanCache`` wrote; every read is bounds-checked and gives nil past the end.
struct CacheReader {
    let bytes: [UInt8]
    private(set) var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    mutating func expect(_ prefix: [UInt8]) -> Bool {
        guard bytes.count - at >= prefix.count, bytes[at..<(at + prefix.count)].elementsEqual(prefix) else {
            return false
        }
        at += prefix.count
        return true
    }

    mutating func bytes(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, bytes.count - at >= n else { return nil }
        defer { at += n }
        return bytes[at..<(at + n)]
    }

    mutating func word() -> UInt64? {
        guard let b = bytes(8) else { return nil }
        var v: UInt64 = 0
        for (i, x) in b.enumerated() { v |= UInt64(x) << (8 * UInt64(i)) }
        return v
    }

    mutating func fingerprint() -> Fingerprint? {
        guard let high = word(), let low = word() else { return nil }
        return Fingerprint(high: high, low: low)
    }

    /// A non-negative count.
    mutating func count() -> Int? {
        guard let b = bytes(4) else { return nil }
        var v: UInt32 = 0
        for (i, x) in b.enumerated() { v |= UInt32(x) << (8 * UInt32(i)) }
        let n = Int(Int32(bitPattern: v))
        return n >= 0 ? n : nil
    }

    mutating func int32s(_ n: Int) -> [Int32]? {
        guard n >= 0, n <= (bytes.count - at) / 4, let b = bytes(n * 4) else { return nil }
        var values = [Int32](repeating: 0, count: n)
        values.withUnsafeMutableBytes { dst in b.withUnsafeBytes { dst.copyMemory(from: $0) } }
        return values
    }
}
