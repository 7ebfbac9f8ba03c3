import Foundation
import GongshiModel
import GongshiRules

/// The static search index of `/sousuo/`: entities found by any 2+ characters of their name or any
/// 4+ consecutive characters of their 统一社会信用代码 (else 组织机构代码 or 工商注册号), and records by any 4+ consecutive characters of
/// their 决定书文号, without a server.
///
/// Tokens (see ``SearchTokens``) are the name's character bigrams, the code's 4-grams and the
/// document number's 4-grams and whole. Each token's postings carry the
/// entities themselves (name, code, link, summary), so one fetch answers a query: the browser hashes
/// one token of the query to a bucket file (`sousuo/i/<n>.json`), and filters the token's entities by
/// the whole query. A token shared by more than `cap` entities (公司, 有限, 9137 …) keeps only `cap` of
/// them and says so; the browser then tries another token of the query, at most three fetches.
/// The number of buckets grows with the site so that a bucket stays under ~100 KB.
public enum SearchIndexPart {
    public static let part = RenderPart { r, index, out in
        try r.renderSearch(index, out)
    }

    public static let cap = 300
    /// Document-number tokens keep fewer: a 4-gram shared by more than 100 numbers (罚〔20, 2026 …) is
    /// never the one that finds a number, and 300 records a token in many buckets would force the
    /// bucket count up to its limit at 100 000 records.
    public static let documentCap = 100

    static func cap(of token: String) -> Int { token.hasPrefix("%") || token.hasPrefix("=") ? documentCap : cap }
    public static let targetBucketBytes = 60_000
    /// No bucket may be larger: the browser fetches at most three per query, so a query downloads
    /// at most ~285 KB whatever the size of the site (SPEC §7: 300 KB at 100 000 records).
    public static let maxBucketBytes = 95_000

    /// FNV-1a over the token's UTF-8 bytes; `search.js` computes the same.
    static func bucket(_ token: String, _ count: Int) -> Int {
        var h: UInt32 = 0x811C_9DC5
        for b in token.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return Int(h % UInt32(count))
    }

    /// One search result: an entity (found by name or code) or a record (found by its number).
    struct Entity {
        let name: String
        let code: String
        let path: String
        let summary: String
        /// A record's document number (its `name` then is the number too); empty for an entity.
        var document: String = ""
    }

    /// Records by their document number, shortest numbers first: a token shared by more than
    /// `documentCap` records keeps the first ones, and the shortest are the closest to what was typed.
    static func documents(_ p: Publication) -> [Entity] {
        let documents: [Entity] = p.records.compactMap { r in
            let number = SearchTokens.normalizeDocument(r.documentNumber)
            guard !number.isEmpty else { return nil }
            // Short: a record is repeated in the bucket of each 4-gram of its number.
            return Entity(
                name: r.documentNumber, code: "", path: Views.recordPath(r),
                summary: "\(r.entityName) · \(r.department.name) · \(r.decisionDate)", document: number)
        }
        // Lengths counted once, not in every comparison (counting Characters walks the whole text).
        let keyed: [(length: Int, entity: Entity)] = documents.map { ($0.document.count, $0) }
        return keyed.sorted {
            ($0.length, $0.entity.document, $0.entity.path) < ($1.length, $1.entity.document, $1.entity.path)
        }.map(\.entity)
    }

    static func entities(_ p: Publication, _ index: SiteIndex) -> [Entity] {
        struct Acc {
            var name: String
            var code: String
            var path: String
            var xk = 0
            var cf = 0
            var red = 0
            var black = 0
        }
        var byKey: [String: Int] = [:]
        var acc: [Acc] = []
        // `code`: the entity's 统一社会信用代码, else its 组织机构代码 or 工商注册号 (found by any 4 of its
        // characters too); only a 统一社会信用代码 has a profile page to link to.
        func slot(_ name: String, _ code: String, profile: String, _ path: String) -> Int {
            let key = code.isEmpty ? "n:" + name : "c:" + code
            if let i = byKey[key] { return i }
            byKey[key] = acc.count
            acc.append(Acc(name: name, code: code, path: profile.isEmpty ? path : Views.entityPath(profile)))
            return acc.count - 1
        }
        for r in p.records where !r.entityName.isEmpty {
            let i = slot(r.entityName, r.identityCode, profile: r.entityCode, Views.recordPath(r))
            if r.kind == .xzxk { acc[i].xk += 1 } else { acc[i].cf += 1 }
        }
        for (n, e) in p.listEntries.enumerated() where !e.entityName.isEmpty {
            let i = slot(e.entityName, e.identityCode, profile: e.entityCode, index.entryPaths[n])
            if e.isRed { acc[i].red += 1 } else { acc[i].black += 1 }
        }
        return acc.map { a in
            var parts: [String] = []
            if a.xk > 0 { parts.append("行政许可 \(a.xk)") }
            if a.cf > 0 { parts.append("行政处罚 \(a.cf)") }
            if a.red > 0 { parts.append("红名单 \(a.red)") }
            if a.black > 0 { parts.append("黑名单 \(a.black)") }
            return Entity(name: a.name, code: a.code, path: a.path, summary: parts.joined(separator: " · "))
        }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }

    /// Every document's JSON (``json(_:)``) made once, in one buffer: a document is in the bucket of
    /// each of its tokens, so a site's buckets list each one ten times or more.
    struct DocumentJSON {
        private var bytes: [UInt8] = []
        private var ends: [Int] = []
        init(_ entities: [Entity]) {
            ends.reserveCapacity(entities.count)
            for e in entities {
                bytes += SearchIndexPart.json(e).utf8
                ends.append(bytes.count)
            }
        }
        subscript(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }
        var sizes: [Int] { ends.indices.map { ends[$0] - ($0 == 0 ? 0 : ends[$0 - 1]) } }
    }

    /// The postings of every token and the number of buckets they are spread over. A bucket's file is
    /// made when it is written (``file(_:)``): the files of a million records would be gigabytes.
    struct Plan {
        let entities: [Entity]
        let postings: [String: [Int32]]
        let buckets: Int
        /// Each bucket's tokens, sorted.
        let tokensOf: [[String]]
        let documents: DocumentJSON

        init(
            entities: [Entity], postings: [String: [Int32]], buckets: Int, tokensOf: [[String]],
            documents: DocumentJSON? = nil
        ) {
            self.entities = entities
            self.postings = postings
            self.buckets = buckets
            self.tokensOf = tokensOf
            self.documents = documents ?? DocumentJSON(entities)
        }

        /// `sousuo/i/<bucket>.json`: the bucket's tokens with their kept postings (as positions in its
        /// own list of documents), then those documents.
        func file(_ b: Int) -> [UInt8] {
            var local: [Int32: Int] = [:]
            var docs: [Int32] = []
            var out = Array("{\"t\":{".utf8)
            for (k, t) in tokensOf[b].enumerated() {
                if k > 0 { out.append(44) }  // ,
                let list = postings[t] ?? []
                out += Escape.json(t).utf8
                out += ":[".utf8
                out += String(list.count).utf8
                out += ",[".utf8
                for (j, id) in list.prefix(cap(of: t)).enumerated() {
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
            for (k, id) in docs.enumerated() {
                if k > 0 { out.append(44) }
                out += documents[Int(id)]
            }
            out += "]}\n".utf8
            return out
        }
    }

    /// A document as a bucket lists it: `[name, code, path, summary]`.
    static func json(_ e: Entity) -> String {
        "[\(Escape.json(e.name)),\(Escape.json(e.code)),\(Escape.json(e.path)),\(Escape.json(e.summary))]"
    }

    /// Picks the number of buckets: from an estimate, then doubled until no bucket file is larger than
    /// `maxBucketBytes` (sizes are counted, not made: see ``sizes(buckets:tokens:postings:documentBytes:)``).
    static func plan(_ entities: [Entity]) -> Plan {
        var postings: [String: [Int32]] = [:]
        for (i, e) in entities.enumerated() {
            if !e.document.isEmpty {
                for t in SearchTokens.documentTokens(e.document) { postings[t, default: []].append(Int32(i)) }
                continue
            }
            for t in SearchTokens.nameTokens(e.name) { postings[t, default: []].append(Int32(i)) }
            for t in SearchTokens.codeTokens(e.code) { postings[t, default: []].append(Int32(i)) }
        }
        // Estimate the index size to pick the number of buckets (a power of two).
        // Size estimate: each kept posting carries its entity (deduplicated within a bucket, so this
        // overestimates), which picks a bucket count that rarely needs doubling.
        let docBytes = entities.reduce(0) {
            $0 + $1.name.utf8.count + $1.code.count + $1.path.count + $1.summary.utf8.count + 16
        }
        let avgDoc = entities.isEmpty ? 0 : docBytes / entities.count
        var estimate = 0
        for (t, list) in postings { estimate += min(list.count, cap(of: t)) * (avgDoc + 6) }
        var buckets = 16
        while buckets < 65_536 && estimate / buckets > targetBucketBytes { buckets *= 2 }
        let tokens = postings.keys.sorted()
        let documents = DocumentJSON(entities)
        let counter = SizeCounter(tokens: tokens, postings: postings, documentBytes: documents.sizes)
        while true {
            let sizes = counter.sizes(buckets: buckets)
            if buckets >= 65_536 || sizes.allSatisfy({ $0 <= maxBucketBytes }) { break }
            buckets *= 2
        }
        var tokensOf = [[String]](repeating: [], count: buckets)
        for t in tokens { tokensOf[bucket(t, buckets)].append(t) }
        return Plan(entities: entities, postings: postings, buckets: buckets, tokensOf: tokensOf, documents: documents)
    }

    /// The size in bytes of each bucket's file for a number of buckets, exactly as ``Plan/file(_:)``
    /// would make it, counted without making it.
    static func sizes(buckets: Int, tokens: [String], postings: [String: [Int32]], documentBytes: [Int]) -> [Int] {
        SizeCounter(tokens: tokens, postings: postings, documentBytes: documentBytes).sizes(buckets: buckets)
    }

    /// What the size of a bucket's file depends on, worked out once for every bucket count tried:
    /// each token's hash, the bytes of its own text and its kept postings.
    struct SizeCounter {
        let hashes: [UInt32]
        let fixed: [Int]
        let kept: [ArraySlice<Int32>]
        let documentBytes: [Int]

        init(tokens: [String], postings: [String: [Int32]], documentBytes: [Int]) {
            var hashes: [UInt32] = []
            var fixed: [Int] = []
            var kept: [ArraySlice<Int32>] = []
            for t in tokens {
                let list = postings[t] ?? []
                var h: UInt32 = 0x811C_9DC5
                for b in t.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
                hashes.append(h)
                let k = list.prefix(cap(of: t))
                kept.append(k)
                // "token":[count,[a,b,c]]
                fixed.append(
                    Escape.json(t).utf8.count + ":[".utf8.count + SizeCounter.digits(list.count) + ",[".utf8.count
                        + "]]".utf8.count + max(k.count - 1, 0))
            }
            self.hashes = hashes
            self.fixed = fixed
            self.kept = kept
            self.documentBytes = documentBytes
        }

        static func digits(_ n: Int) -> Int { n < 10 ? 1 : String(n).utf8.count }

        func sizes(buckets: Int) -> [Int] {
            var tokensOf = [[Int]](repeating: [], count: buckets)
            for i in hashes.indices { tokensOf[Int(hashes[i] % UInt32(buckets))].append(i) }
            // A document's position in the current bucket's list, valid when `seenIn` is that bucket.
            var seenIn = [Int](repeating: -1, count: documentBytes.count)
            var position = [Int](repeating: 0, count: documentBytes.count)
            return tokensOf.enumerated().map { b, tokens in
                var size = "{\"t\":{".utf8.count + "},\"d\":[".utf8.count + "]}\n".utf8.count
                size += max(tokens.count - 1, 0)  // commas between tokens
                var count = 0
                for i in tokens {
                    size += fixed[i]
                    for id in kept[i] {
                        let d = Int(id)
                        if seenIn[d] == b {
                            size += SizeCounter.digits(position[d])
                        } else {
                            seenIn[d] = b
                            position[d] = count
                            size += SizeCounter.digits(count) + documentBytes[d]
                            count += 1
                        }
                    }
                }
                return size + max(count - 1, 0)  // commas between documents
            }
        }
    }
}

extension Renderer {
    func renderSearch(_ index: SiteIndex, _ out: CountingSink) throws {
        // Entities then records, in the one list the plan keeps: no copy of either beside it.
        var documents = SearchIndexPart.entities(publication, index)
        let entities = documents.count
        documents += SearchIndexPart.documents(publication)
        let plan = SearchIndexPart.plan(documents)
        let records = documents.count - entities
        let buckets = plan.buckets
        for b in 0..<buckets { try out.write("sousuo/i/\(b).json", plan.file(b)) }
        var ctx = context.page(
            path: "sousuo/index.html", title: "信用信息查询", section: "",
            description: "按企业名称的任意部分、统一社会信用代码或决定书文号查询\(settings.region)的行政许可、行政处罚和红黑名单信息。")
        ctx["buckets"] = buckets
        ctx["entities"] = entities
        ctx["documents"] = records
        try page("search", ctx, to: "sousuo/index.html", out)
    }
}
