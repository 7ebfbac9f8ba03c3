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

    static func cap(of token: String) -> Int {
        let first = token.utf8.first
        return first == 0x25 || first == 0x3D ? documentCap : cap  // % or =
    }
    public static let targetBucketBytes = 60_000
    /// No bucket may be larger: the browser fetches at most three per query, so a query downloads
    /// at most ~285 KB whatever the size of the site (SPEC §7: 300 KB at 100 000 records).
    public static let maxBucketBytes = 95_000

    /// FNV-1a over the token's UTF-8 bytes; `search.js` computes the same.
    static func bucket(_ token: String, _ count: Int) -> Int { Int(hash(token) % UInt32(count)) }

    static func hash(_ token: String) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in token.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    /// One search result: an entity (found by name or code) or a record (found by its number).
    struct Entity: Sendable {
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
        // Made on every core; lengths counted once, not in every comparison (counting Characters walks
        // the whole text).
        var made = ParallelMap.chunked(p.records, chunk: 4096) { r -> (length: Int, entity: Entity)? in
            // Unpacked once: a number already folded (nearly all) is then one string, not two.
            let documentNumber = r.documentNumber
            let (number, length) = SearchTokens.foldedDocument(documentNumber)
            guard length > 0 else { return nil }
            // Short: a record is repeated in the bucket of each 4-gram of its number.
            let entity = Entity(
                name: documentNumber, code: "", path: Views.recordPath(r),
                summary: "\(r.entityName) · \(r.department.name) · \(r.decisionDate)", document: number)
            return (length, entity)
        }
        // Byte order: String's `<` for text in normal form C, without its Unicode walk per comparison.
        // Sorted in place, the unsorted list let go first: a province's are 80 MB each.
        var kept = made.compactMap { $0 }
        made = []
        kept.sort { a, b in
            if a.length != b.length { return a.length < b.length }
            let byDocument = ByteOrder.compare(a.entity.document, b.entity.document)
            if byDocument != 0 { return byDocument < 0 }
            return ByteOrder.compare(a.entity.path, b.entity.path) < 0
        }
        return kept.map(\.entity)
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
        // By code, else by name: two tables rather than a key string made for every record.
        var byCode: [String: Int] = [:]
        var byName: [String: Int] = [:]
        var acc: [Acc] = []
        // `code`: the entity's 统一社会信用代码, else its 组织机构代码 or 工商注册号 (found by any 4 of its
        // characters too); only a 统一社会信用代码 has a profile page to link to. The path is made only
        // for an entity's first record or entry.
        func slot(_ name: String, _ code: String, profile: String, _ path: () -> String) -> Int {
            if let i = code.isEmpty ? byName[name] : byCode[code] { return i }
            if code.isEmpty { byName[name] = acc.count } else { byCode[code] = acc.count }
            acc.append(Acc(name: name, code: code, path: profile.isEmpty ? path() : Views.entityPath(profile)))
            return acc.count - 1
        }
        for r in p.records where !r.entityName.isEmpty {
            let i = slot(r.entityName, r.identityCode, profile: r.entityCode) { Views.recordPath(r) }
            if r.kind == .xzxk { acc[i].xk += 1 } else { acc[i].cf += 1 }
        }
        for (n, e) in p.listEntries.enumerated() where !e.entityName.isEmpty {
            let i = slot(e.entityName, e.identityCode, profile: e.entityCode) { index.entryPaths[n] }
            if e.isRed { acc[i].red += 1 } else { acc[i].black += 1 }
        }
        return acc.map { a in
            var parts: [String] = []
            if a.xk > 0 { parts.append("行政许可 \(a.xk)") }
            if a.cf > 0 { parts.append("行政处罚 \(a.cf)") }
            if a.red > 0 { parts.append("红名单 \(a.red)") }
            if a.black > 0 { parts.append("黑名单 \(a.black)") }
            return Entity(name: a.name, code: a.code, path: a.path, summary: parts.joined(separator: " · "))
        }.sorted { a, b in
            // Byte order, as the records' (see documents).
            let byName = ByteOrder.compare(a.name, b.name)
            return byName != 0 ? byName < 0 : ByteOrder.compare(a.code, b.code) < 0
        }
    }

    /// A document as a bucket lists it: `[name, code, path, summary]`.
    static func json(_ e: Entity) -> String {
        "[\(Escape.json(e.name)),\(Escape.json(e.code)),\(Escape.json(e.path)),\(Escape.json(e.summary))]"
    }

    /// Plans the index of `entities` (entities then records, in the site's order), from the previous
    /// build's plan in `store` when it has one (see ``SearchPlanCache``).
    static func plan(_ entities: consuming [Entity], store: (any OpenDataStore)? = nil) -> SearchPlan {
        SearchPlan(entities, store: store)
    }
}

extension Renderer {
    func renderSearch(_ index: SiteIndex, _ out: CountingSink) throws {
        // Entities then records, in the one list the plan keeps: no copy of either beside it.
        var documents = SearchIndexPart.entities(publication, index)
        let entities = documents.count
        documents += SearchIndexPart.documents(publication)
        let records = documents.count - entities
        // An incremental build keeps the plan in the build cache, and plans only what changed.
        let plan = SearchIndexPart.plan(consume documents, store: index.inputs == nil ? nil : openDataStore)
        let buckets = plan.buckets
        // An incremental build takes the buckets whose documents did not change from the previous
        // output without making them (a day's records change a third of them at 100 000 records).
        let fingerprints = out.reuses ? plan.fingerprints() : nil
        let failures = ParallelMap.map(Array(0..<SearchPlan.shards)) { s -> (any Error)? in
            var scratch = SearchScratch(documents: plan.count)
            do {
                for b in stride(from: s, to: buckets, by: SearchPlan.shards) {
                    let path = "sousuo/i/\(b).json"
                    if let fingerprint = fingerprints?[b] {
                        if try out.reuse(path, fingerprint: fingerprint) { continue }
                        try out.write(path, plan.file(b, &scratch), fingerprint: fingerprint)
                    } else {
                        try out.write(path, plan.file(b, &scratch))
                    }
                }
                return nil
            } catch { return error }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        var ctx = context.page(
            path: "sousuo/index.html", title: "信用信息查询", section: "",
            description: "按企业名称的任意部分、统一社会信用代码或决定书文号查询\(settings.region)的行政许可、行政处罚和红黑名单信息。")
        ctx["buckets"] = buckets
        ctx["entities"] = entities
        ctx["documents"] = records
        try page("search", ctx, to: "sousuo/index.html", out)
    }
}
