@testable import GongshiSite

/// The search index as it was planned before it was split into shards: one dictionary of every
/// token's postings, sorted whole. Kept as the reference the sharded plan must agree with, file for
/// file (slow: tests only).
enum SearchIndexReference {
    static func postings(_ entities: [SearchIndexPart.Entity]) -> [String: [Int32]] {
        var postings: [String: [Int32]] = [:]
        for (i, e) in entities.enumerated() {
            if !e.document.isEmpty {
                for t in SearchTokens.documentTokens(e.document) { postings[t, default: []].append(Int32(i)) }
                continue
            }
            for t in SearchTokens.nameTokens(e.name) { postings[t, default: []].append(Int32(i)) }
            for t in SearchTokens.codeTokens(e.code) { postings[t, default: []].append(Int32(i)) }
        }
        return postings
    }

    /// Every bucket's tokens, in String order.
    static func tokensOf(buckets: Int, _ postings: [String: [Int32]]) -> [[String]] {
        var tokensOf = [[String]](repeating: [], count: buckets)
        for t in postings.keys.sorted() { tokensOf[SearchIndexPart.bucket(t, buckets)].append(t) }
        return tokensOf
    }

    /// A bucket's file, made from the whole dictionary.
    static func file(_ tokens: [String], _ entities: [SearchIndexPart.Entity], _ postings: [String: [Int32]])
        -> [UInt8]
    {
        var local: [Int32: Int] = [:]
        var docs: [Int32] = []
        var out = Array("{\"t\":{".utf8)
        for (k, t) in tokens.enumerated() {
            if k > 0 { out.append(44) }
            let list = postings[t] ?? []
            out += Escape.json(t).utf8
            out += ":[\(list.count),[".utf8
            for (j, id) in list.prefix(SearchIndexPart.cap(of: t)).enumerated() {
                if j > 0 { out.append(44) }
                if let l = local[id] {
                    out += String(l).utf8
                } else {
                    local[id] = docs.count
                    out += String(docs.count).utf8
                    docs.append(id)
                }
            }
            out += "]]".utf8
        }
        out += "},\"d\":[".utf8
        out += docs.map { SearchIndexPart.json(entities[Int($0)]) }.joined(separator: ",").utf8
        out += "]}\n".utf8
        return out
    }

    /// The number of buckets: the estimate, then doubled until every file fits.
    static func buckets(_ entities: [SearchIndexPart.Entity], _ postings: [String: [Int32]]) -> Int {
        let docBytes = entities.reduce(0) {
            $0 + $1.name.utf8.count + $1.code.count + $1.path.count + $1.summary.utf8.count + 16
        }
        let avgDoc = entities.isEmpty ? 0 : docBytes / entities.count
        var estimate = 0
        for (t, list) in postings { estimate += min(list.count, SearchIndexPart.cap(of: t)) * (avgDoc + 6) }
        var buckets = 16
        while buckets < 65_536 && estimate / buckets > SearchIndexPart.targetBucketBytes { buckets *= 2 }
        while buckets < 65_536
            && tokensOf(buckets: buckets, postings).contains(where: {
                file($0, entities, postings).count > SearchIndexPart.maxBucketBytes
            })
        {
            buckets *= 2
        }
        return buckets
    }
}
