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

    static func hash(_ token: String) -> UInt32 { FNV1a.hash32(token) }

    /// One search result: an entity (found by name or code) or a record (found by its number).
    struct Entity: Sendable {
        let name: String
        let code: String
        let path: String
        let summary: String
        /// A record's document number (its `name` then is the number too); empty for an entity.
        var document: String = ""
    }

    /// Every document of the index: the entities (``entities(_:_:)``), then the records with a number
    /// (``recordOrder(_:)``), each made when its JSON is; and the number of entities.
    static func documents(_ p: Publication, _ index: SiteIndex) -> (SearchDocuments, entities: Int) {
        let entities = Self.entities(p, index)
        let order = recordOrder(p.records)
        let records = p.records
        let documents = SearchDocuments(count: entities.count + order.count) { i in
            if i < entities.count { return entities[i].document }
            return records.withUnsafeBufferPointer { document($0[Int(order[i - entities.count])]) }
        }
        return (documents, entities.count)
    }

    /// A record's document: found by its folded number, listed short (a record is repeated in the
    /// bucket of each 4-gram of its number).
    static func document(_ r: PublishedRecord) -> Entity {
        // Unpacked once: a number already folded (nearly all) is then one string, not two.
        let documentNumber = r.documentNumber
        return Entity(
            name: documentNumber, code: "", path: Views.recordPath(r),
            summary: "\(r.entityName) · \(r.department.name) · \(r.decisionDate)",
            document: SearchTokens.foldedDocument(documentNumber).text)
    }

    /// The records with a number, by their folded number, shortest first: a token shared by more than
    /// `documentCap` records keeps the first ones, and the shortest are the closest to what was typed.
    /// Sorted as positions beside the numbers' bytes, not as documents (see ``SearchDocuments``).
    static func recordOrder(_ records: [PublishedRecord]) -> [Int32] {
        struct Key {
            var record: Int32
            var length: Int32
            var start: Int
            var end: Int
        }
        // Made on every core; lengths counted once, not in every comparison (counting Characters walks
        // the whole text).
        let runs = ParallelMap.map(SearchPlan.ranges(records.count)) { range -> (keys: [Key], bytes: [UInt8]) in
            var keys: [Key] = []
            var bytes: [UInt8] = []
            records.withUnsafeBufferPointer { all in
                for i in range {
                    let (number, length) = SearchTokens.foldedDocument(all[i].documentNumber)
                    guard length > 0 else { continue }
                    let start = bytes.count
                    bytes += number.utf8
                    keys.append(Key(record: Int32(i), length: Int32(length), start: start, end: bytes.count))
                }
            }
            return (keys, bytes)
        }
        var keys: [Key] = []
        keys.reserveCapacity(runs.reduce(0) { $0 + $1.keys.count })
        var bytes: [UInt8] = []
        bytes.reserveCapacity(runs.reduce(0) { $0 + $1.bytes.count })
        for run in runs {
            let base = bytes.count
            for k in run.keys {
                keys.append(Key(record: k.record, length: k.length, start: base + k.start, end: base + k.end))
            }
            bytes += run.bytes
        }
        // Byte order: String's `<` for text in normal form C, without its Unicode walk per comparison.
        // The record's path decides between equal numbers (made only then).
        bytes.withUnsafeBufferPointer { all in
            keys.sort { a, b in
                if a.length != b.length { return a.length < b.length }
                let byNumber = ByteOrder.compare(all[a.start..<a.end], all[b.start..<b.end])
                if byNumber != 0 { return byNumber < 0 }
                return records.withUnsafeBufferPointer {
                    ByteOrder.compare(Views.recordPath($0[Int(a.record)]), Views.recordPath($0[Int(b.record)])) < 0
                }
            }
        }
        return keys.map(\.record)
    }

    /// An entity found by name or code and how many of each kind it has: its document, but for the
    /// summary made from the counts when its JSON is.
    struct EntityTally: Sendable {
        var name: String
        var code: String
        var path: String
        var xk = 0
        var cf = 0
        var red = 0
        var black = 0

        var document: Entity {
            var parts: [String] = []
            if xk > 0 { parts.append("行政许可 \(xk)") }
            if cf > 0 { parts.append("行政处罚 \(cf)") }
            if red > 0 { parts.append("红名单 \(red)") }
            if black > 0 { parts.append("黑名单 \(black)") }
            return Entity(name: name, code: code, path: path, summary: parts.joined(separator: " · "))
        }
    }

    /// The entities found by name or code, in byte order of (name, code).
    static func entities(_ p: Publication, _ index: SiteIndex) -> [EntityTally] {
        // By code, else by name: two tables rather than a key string made for every record.
        var byCode: [String: Int] = [:]
        var byName: [String: Int] = [:]
        var acc: [EntityTally] = []
        // `code`: the entity's 统一社会信用代码, else its 组织机构代码 or 工商注册号 (found by any 4 of its
        // characters too); only a 统一社会信用代码 has a profile page to link to. The path is made only
        // for an entity's first record or entry.
        func slot(_ name: String, _ code: String, profile: String, _ path: () -> String) -> Int {
            if let i = code.isEmpty ? byName[name] : byCode[code] { return i }
            if code.isEmpty { byName[name] = acc.count } else { byCode[code] = acc.count }
            acc.append(EntityTally(name: name, code: code, path: profile.isEmpty ? path() : Views.entityPath(profile)))
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
        // Sorted in place: the tallies are the only list of them.
        acc.sort { a, b in
            // Byte order, as the records' (see recordOrder).
            let byName = ByteOrder.compare(a.name, b.name)
            return byName != 0 ? byName < 0 : ByteOrder.compare(a.code, b.code) < 0
        }
        return acc
    }

    /// A document as a bucket lists it: `[name, code, path, summary]`.
    static func json(_ e: Entity) -> String {
        "[\(Escape.json(e.name)),\(Escape.json(e.code)),\(Escape.json(e.path)),\(Escape.json(e.summary))]"
    }

    /// Plans the index of `documents` (entities then records, in the site's order), from the previous
    /// build's plan in `store` when it has one (see ``SearchPlanCache``).
    static func plan(_ documents: SearchDocuments, store: (any OpenDataStore)?, keyed: Bool) -> SearchPlan {
        SearchPlan(documents, store: store, keyed: keyed)
    }

    /// Plans the index of a list of documents (tests).
    static func plan(_ entities: [Entity], store: (any OpenDataStore)? = nil) -> SearchPlan {
        SearchPlan(entities, store: store)
    }
}

extension Renderer {
    func renderSearch(_ index: SiteIndex, _ out: CountingSink) throws {
        var timer = PhaseLaps(report: reportPhase)
        let (documents, entities) = SearchIndexPart.documents(publication, index)
        let records = documents.count - entities
        timer.lap("search documents")
        // An incremental build keeps the plan in the build cache, and plans only what changed.
        let plan = SearchIndexPart.plan(
            consume documents, store: index.inputs == nil ? nil : openDataStore, keyed: out.reuses)
        timer.lap("search plan")
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
