import Foundation
import Testing

@testable import GongshiSite

/// A build cache in memory: what `OpenDataFiles` keeps in `.gongshi.cache/` (sealed there).
final class MemoryStore: OpenDataStore, @unchecked Sendable {
    private var files: [String: [UInt8]] = [:]
    private let lock = NSLock()

    func index(_ name: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return files[name]
    }

    func save(_ name: String, _ bytes: [UInt8]) {
        lock.lock()
        files[name] = bytes
        lock.unlock()
    }

    func previous(_ path: String, fingerprint: Fingerprint) -> (any PreviousFile)? { nil }
}

/// An incremental build plans the search index from the previous build's plan (``SearchPlanCache``):
/// the plan must be the one made from scratch, whatever changed, and a cache that does not match must
/// never be used.
@Suite("Search plan from the previous build's")
struct SearchPlanCacheTests {
    static func expectSame(_ a: SearchPlan, _ b: SearchPlan, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.buckets == b.buckets, sourceLocation: sourceLocation)
        for (x, y) in zip(a.shards, b.shards) {
            #expect(x.tokens == y.tokens, sourceLocation: sourceLocation)
            #expect(x.hashes == y.hashes, sourceLocation: sourceLocation)
            #expect(x.starts == y.starts, sourceLocation: sourceLocation)
            #expect(x.documents == y.documents, sourceLocation: sourceLocation)
        }
        #expect(a.fingerprints() == b.fingerprints(), sourceLocation: sourceLocation)
        #expect((0..<a.buckets).allSatisfy { a.file($0) == b.file($0) }, sourceLocation: sourceLocation)
    }

    /// Plans `entities` with the store (as an incremental build) and without (as `--no-cache`).
    static func planBoth(_ entities: [SearchIndexPart.Entity], _ store: MemoryStore) -> (SearchPlan, SearchPlan) {
        (SearchPlan(entities, store: store), SearchPlan(entities))
    }

    @Test func aDayOfChangesPlansAsFromScratch() {
        let store = MemoryStore()
        var entities = SearchIndexPlanTests.entities()
        let (first, _) = Self.planBoth(entities, store)
        #expect(!first.fromCache)
        #expect(store.index(SearchPlanCache.documentsName) != nil)

        // An entity renamed (its tokens change), a summary changed, a record withdrawn, records added
        // among the others (their positions move every later document).
        entities[5] = SearchIndexPart.Entity(
            name: "淄博改名后的新公司", code: entities[5].code, path: entities[5].path, summary: entities[5].summary)
        entities[9] = SearchIndexPart.Entity(
            name: entities[9].name, code: entities[9].code, path: entities[9].path, summary: "行政许可 8")
        entities.remove(at: 710)
        for i in 0..<30 {
            let number = "周市监新罚〔2026〕\(i)号"
            entities.insert(
                SearchIndexPart.Entity(
                    name: number, code: "", path: "xzcf/n\(i)/", summary: "新公司 · 区市场监管局 · 2026-11-24",
                    document: SearchTokens.normalizeDocument(number)), at: 700 + i * 7)
        }
        entities.insert(
            SearchIndexPart.Entity(name: "全新的公司", code: "91370306MA99999999", path: "zhuti/x/", summary: "红名单 1"),
            at: 0)
        let (second, scratch) = Self.planBoth(entities, store)
        #expect(second.fromCache)
        Self.expectSame(second, scratch)

        // Everything withdrawn but a few: still the plan from scratch, from the second build's cache.
        let few = Array(entities[300..<320])
        let (third, alone) = Self.planBoth(few, store)
        #expect(third.fromCache)
        Self.expectSame(third, alone)
    }

    @Test func aCacheOfAnEarlierBuildStillGivesThePlanFromScratch() {
        let store = MemoryStore()
        let entities = SearchIndexPlanTests.entities(count: 2_000)
        _ = SearchPlan(Array(entities[0..<1_500]), store: store)
        let (plan, scratch) = Self.planBoth(entities, store)
        #expect(plan.fromCache)
        Self.expectSame(plan, scratch)
    }

    @Test func aCacheThatDoesNotMatchIsNotUsed() {
        let entities = SearchIndexPlanTests.entities()
        var changed = entities
        changed.removeFirst(3)
        let scratch = SearchPlan(changed)
        // Damaged shards: cut short, another generation's, postings past the documents, absent, another
        // shard's; the documents' keys changed.
        let damages: [(MemoryStore) -> Void] = [
            { s in s.save(SearchPlanCache.shardName(3), Array(s.index(SearchPlanCache.shardName(3))!.dropLast(9))) },
            { s in
                let other = MemoryStore()
                _ = SearchPlan(Array(entities.prefix(100)), store: other)
                s.save(SearchPlanCache.shardName(7), other.index(SearchPlanCache.shardName(7))!)
            },
            { s in
                var bytes = s.index(SearchPlanCache.shardName(1))!
                for k in (bytes.count - 8)..<bytes.count { bytes[k] = 0x7F }
                s.save(SearchPlanCache.shardName(1), bytes)
            },
            { s in s.save(SearchPlanCache.shardName(0), []) },
            { s in s.save(SearchPlanCache.shardName(2), s.index(SearchPlanCache.shardName(5))!) },
            { s in
                var bytes = s.index(SearchPlanCache.documentsName)!
                bytes[bytes.count - 1] ^= 1
                s.save(SearchPlanCache.documentsName, bytes)
            },
        ]
        for (n, damage) in damages.enumerated() {
            let store = MemoryStore()
            _ = SearchPlan(entities, store: store)
            damage(store)
            let plan = SearchPlan(changed, store: store)
            #expect(!plan.fromCache, "damage \(n)")
            Self.expectSame(plan, scratch)
            // And the damage is repaired: the next build starts from this one's plan.
            #expect(SearchPlan(changed, store: store).fromCache, "damage \(n)")
        }
    }

    /// Kept documents in another order than before cannot be moved so: planned from scratch.
    @Test func documentsMatchOnlyInTheirOrder() {
        let keys = (0..<5).map { Fingerprint(high: UInt64($0), low: 1) }
        let match = SearchDocumentMatch(previous: keys, now: [keys[0], Fingerprint(high: 9, low: 9), keys[2], keys[4]])
        #expect(match?.moved == [0, -1, 2, -1, 3])
        #expect(match?.added == [1])
        #expect(match?.unchanged == false)
        #expect(SearchDocumentMatch(previous: keys, now: keys)?.unchanged == true)
        #expect(SearchDocumentMatch(previous: keys, now: [keys[1], keys[0]]) == nil)
        #expect(SearchDocumentMatch(previous: keys, now: [keys[1], keys[1]]) == nil)
        #expect(SearchDocumentMatch(previous: [keys[0], keys[0]], now: []) == nil)
    }
}
