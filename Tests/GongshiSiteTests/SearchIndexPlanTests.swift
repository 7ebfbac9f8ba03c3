import Foundation
import Testing

@testable import GongshiSite

/// The search index picks its number of buckets from sizes it counts without making the files; the
/// count must be exact, or a bucket could pass the limit, or the site change with the way it is built.
/// Its plan is made in shards on every core: the files must be those of one plain dictionary of every
/// token (``SearchIndexReference``).
@Suite("Search index plan: counted bucket sizes equal the files")
struct SearchIndexPlanTests {
    /// Entities sharing tokens past the cap (公司, 9137), names that JSON must escape, and documents.
    static func entities(count: Int = 700) -> [SearchIndexPart.Entity] {
        var list: [SearchIndexPart.Entity] = []
        for i in 0..<count {
            let code = String(format: "91370306MA%08dX", i)
            list.append(
                SearchIndexPart.Entity(
                    name: "淄博周村\(i % 37)号\"食品\"<有限>公司", code: i % 5 == 0 ? "" : code,
                    path: "zhuti/\(code)/", summary: "行政许可 \(i % 3 + 1)"))
        }
        for i in 0..<(count * 4 / 7) {
            let number = "周市监罚〔2026〕\(i)号"
            list.append(
                SearchIndexPart.Entity(
                    name: number, code: "", path: "xzcf/r\(i)/", summary: "某公司 · 区市场监管局 · 2026-11-0\(i % 9 + 1)",
                    document: SearchTokens.normalizeDocument(number)))
        }
        return list
    }

    @Test func countedSizesEqualTheFilesForEveryBucketCount() {
        let entities = Self.entities()
        for buckets in [16, 64, 256] {
            let plan = SearchPlan(entities, buckets: buckets)
            var scratch = SearchScratch(documents: entities.count)
            let sizes = plan.documents.sizes
            var counted = [Int](repeating: 0, count: buckets)
            for (s, shard) in plan.shards.enumerated() {
                for (k, size) in shard.sizes(buckets: buckets, documentBytes: sizes, scratch: &scratch).enumerated() {
                    counted[k * SearchPlan.shards + s] = size
                }
            }
            #expect(counted == (0..<buckets).map { plan.file($0).count })
        }
    }

    /// A plan that is neither kept nor fingerprinted (a `--no-cache` build) keeps only the postings the
    /// files list, and each token's count: the same buckets and files as a plan that keeps them all.
    @Test func planWithoutKeysKeepsOnlyListedPostingsAndMakesTheSameFiles() {
        let list = Self.entities(count: 9_000)
        let keyed = SearchPlan(SearchDocuments(list), keyed: true)
        for waves in [1, 4] {
            let plain = SearchPlan(SearchDocuments(list), waves: waves, keyed: false)
            #expect(plain.keys == nil)
            #expect(plain.buckets == keyed.buckets)
            let listed = plain.shards.reduce(0) { $0 + $1.documents.count }
            let all = keyed.shards.reduce(0) { $0 + $1.documents.count }
            #expect(listed < all)
            for b in 0..<keyed.buckets { #expect(plain.file(b) == keyed.file(b), "bucket \(b)") }
        }
    }

    @Test func filesEqualThoseOfOneDictionaryOfEveryToken() {
        // 9 000 entities need more than the least number of buckets.
        for entities in [Self.entities(), Self.entities(count: 9_000)] {
            let plan = SearchIndexPart.plan(entities)
            let postings = SearchIndexReference.postings(entities)
            #expect(plan.buckets == SearchIndexReference.buckets(entities, postings))
            let tokensOf = SearchIndexReference.tokensOf(buckets: plan.buckets, postings)
            for b in 0..<plan.buckets {
                #expect(plan.file(b) == SearchIndexReference.file(tokensOf[b], entities, postings))
            }
        }
    }

    /// A province's shards are made in waves (to hold fewer token pairs at once): the same files.
    @Test func shardsMadeInWavesGiveTheSameFiles() {
        let entities = Self.entities(count: 9_000)
        let whole = SearchPlan(entities, waves: 1)
        #expect(SearchPlan.waves(300_000) == 1)
        #expect(SearchPlan.waves(300_001) == 2)
        #expect(SearchPlan.waves(1_000_000) == 4)
        #expect(SearchPlan.waves(5_000_000) == 4)
        for waves in [2, 4, 16] {
            let plan = SearchPlan(entities, waves: waves)
            #expect(plan.buckets == whole.buckets)
            #expect((0..<plan.buckets).allSatisfy { plan.file($0) == whole.file($0) })
            #expect(plan.fingerprints() == whole.fingerprints())
        }
    }

    @Test func everyBucketFileIsJSONListingItsTokens() throws {
        let plan = SearchIndexPart.plan(Self.entities())
        #expect(plan.buckets >= 16)
        let postings = SearchIndexReference.postings(Self.entities())
        for b in 0..<plan.buckets {
            let object = try JSONSerialization.jsonObject(with: Data(plan.file(b))) as? [String: Any]
            let tokens = object?["t"] as? [String: Any]
            let expected = postings.keys.filter { SearchIndexPart.bucket($0, plan.buckets) == b }
            #expect(Set(tokens?.keys.map { $0 } ?? []) == Set(expected))
            #expect(plan.file(b).count <= SearchIndexPart.maxBucketBytes)
        }
    }

    /// A bucket's fingerprint changes when a document with a token in it does, and only then.
    @Test func bucketFingerprintsFollowTheirDocuments() {
        var entities = Self.entities()
        let before = SearchIndexPart.plan(entities)
        entities[3] = SearchIndexPart.Entity(
            name: entities[3].name, code: entities[3].code, path: entities[3].path, summary: "行政许可 9")
        let after = SearchIndexPart.plan(entities)
        #expect(before.buckets == after.buckets)
        let (old, new) = (before.fingerprints(), after.fingerprints())
        var tokens: [String] = []
        SearchTokens.tokens(of: entities[3], into: &tokens)
        let touched = Set(tokens.map { SearchIndexPart.bucket($0, after.buckets) })
        for b in 0..<after.buckets {
            #expect((old[b] != new[b]) == touched.contains(b), "bucket \(b)")
            if old[b] == new[b] { #expect(before.file(b) == after.file(b)) }
        }
    }
}
