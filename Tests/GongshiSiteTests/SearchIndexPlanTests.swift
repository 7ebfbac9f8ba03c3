import Foundation
import Testing

@testable import GongshiSite

/// The search index picks its number of buckets from sizes it counts without making the files; the
/// count must be exact, or a bucket could pass the limit, or the site change with the way it is built.
@Suite("Search index plan: counted bucket sizes equal the files")
struct SearchIndexPlanTests {
    /// Entities sharing tokens past the cap (公司, 9137), names that JSON must escape, and documents.
    static func entities() -> [SearchIndexPart.Entity] {
        var list: [SearchIndexPart.Entity] = []
        for i in 0..<700 {
            let code = String(format: "91370306MA%08dX", i)
            list.append(
                SearchIndexPart.Entity(
                    name: "淄博周村\(i % 37)号\"食品\"<有限>公司", code: i % 5 == 0 ? "" : code,
                    path: "zhuti/\(code)/", summary: "行政许可 \(i % 3 + 1)"))
        }
        for i in 0..<400 {
            let number = "周市监罚〔2026〕\(i)号"
            list.append(
                SearchIndexPart.Entity(
                    name: number, code: "", path: "xzcf/r\(i)/", summary: "某公司 · 区市场监管局 · 2026-11-0\(i % 9 + 1)",
                    document: SearchTokens.normalizeDocument(number)))
        }
        return list
    }

    @Test func countedSizesEqualTheFilesForEveryBucketCount() {
        let plan = SearchIndexPart.plan(Self.entities())
        let tokens = plan.postings.keys.sorted()
        let documentBytes = plan.entities.map { SearchIndexPart.json($0).utf8.count }
        for buckets in [16, 64, 256] {
            let counted = SearchIndexPart.sizes(
                buckets: buckets, tokens: tokens, postings: plan.postings, documentBytes: documentBytes)
            var tokensOf = [[String]](repeating: [], count: buckets)
            for t in tokens { tokensOf[SearchIndexPart.bucket(t, buckets)].append(t) }
            let other = SearchIndexPart.Plan(
                entities: plan.entities, postings: plan.postings, buckets: buckets, tokensOf: tokensOf)
            #expect(counted == (0..<buckets).map { other.file($0).count })
        }
    }

    @Test func everyBucketFileIsJSONListingItsTokens() throws {
        let plan = SearchIndexPart.plan(Self.entities())
        #expect(plan.buckets >= 16)
        for b in 0..<plan.buckets {
            let object = try JSONSerialization.jsonObject(with: Data(plan.file(b))) as? [String: Any]
            let tokens = object?["t"] as? [String: Any]
            #expect(Set(tokens?.keys.map { $0 } ?? []) == Set(plan.tokensOf[b]))
            #expect(plan.file(b).count <= SearchIndexPart.maxBucketBytes)
        }
    }
}
