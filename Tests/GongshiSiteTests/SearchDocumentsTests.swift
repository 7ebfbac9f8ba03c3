import GongshiModel
import GongshiRules
import Testing

@testable import GongshiSite

/// The search documents are made straight into their JSON and texts from the records, a run at a time
/// (``SearchDocuments``), not from a list of every document: they must be the documents the list gave,
/// in its order (entities by name and code, then records by folded number, shortest first, then path).
@Suite("Search documents: made from the records, as the list of documents was")
struct SearchDocumentsTests {
    /// The documents as the index listed them before: every entity and record as an `Entity`, sorted.
    static func reference(_ p: Publication, _ index: SiteIndex) -> [SearchIndexPart.Entity] {
        let entities = SearchIndexPart.entities(p, index).map(\.document)
        let records = p.records.compactMap { r -> (Int, SearchIndexPart.Entity)? in
            let (number, length) = SearchTokens.foldedDocument(r.documentNumber)
            guard length > 0 else { return nil }
            let summary = "\(r.entityName) · \(r.department.name) · \(r.decisionDate)"
            return (
                length,
                SearchIndexPart.Entity(
                    name: r.documentNumber, code: "", path: Views.recordPath(r), summary: summary, document: number)
            )
        }.sorted { a, b in
            a.0 != b.0 ? a.0 < b.0 : (a.1.document, a.1.path) < (b.1.document, b.1.path)
        }.map(\.1)
        return entities + records
    }

    @Test func documentsAreTheListsInItsOrder() throws {
        var site = SiteFixture()
        // Numbers of several lengths, brackets to fold, a number twice (then ordered by path), none.
        let numbers = [
            "周市监罚〔2026〕12号", "周环罚字[2025]3号", "罚（２０２６）12", "周市监罚〔2026〕1号", "周市监罚〔2026〕12号", "A-1",
            "周市监罚【2026】7号", "", "周市监罚〔2026〕2号", "周环罚字(2025)30号",
        ]
        for (i, number) in numbers.enumerated() {
            let code = ["913703061912261243", "91370306MA344MKC33", "370306600123456", ""][i % 4]
            site.penalties.append(SiteFixture.penalty("淄博周村\(i % 3)食品有限公司", code: code, number: number))
        }
        let (renderer, _) = try site.renderer()
        let p = renderer.publication
        let index = SiteIndex(p)
        let (made, entities) = SearchIndexPart.documents(p, index)
        let reference = Self.reference(p, index)
        let expected = SearchDocuments(reference)
        #expect(entities == SearchIndexPart.entities(p, index).count)
        #expect(entities > 0 && made.count > entities)
        #expect(made.count == reference.count)
        #expect(made.bytes == expected.bytes)
        for i in 0..<made.count {
            #expect(Array(made.json[i]) == Array(expected.json[i]), "document \(i)")
            #expect(made.texts[i].document == reference[i].document, "document \(i)")
            #expect(made.texts[i].name == (reference[i].document.isEmpty ? reference[i].name : ""))
        }
    }

    /// A province's documents' JSON is not kept but made again when a bucket lists a document: the
    /// same JSON, sizes, keys and bucket files as a plan that keeps it.
    @Test func jsonMadeAgainGivesTheSameBuckets() {
        let list = SearchIndexPlanTests.entities(count: 9_000)
        let kept = SearchDocuments(count: list.count, keepJSON: true) { list[$0] }
        let remade = SearchDocuments(count: list.count, keepJSON: false) { list[$0] }
        #expect(remade.bytes == kept.bytes)
        #expect(remade.json.sizes == kept.json.sizes)
        for i in 0..<list.count { #expect(Array(remade.json[i]) == Array(kept.json[i]), "document \(i)") }
        let a = SearchPlan(kept, keyed: true)
        let b = SearchPlan(remade, keyed: true)
        #expect(a.buckets == b.buckets && a.buckets > SearchPlan.shards)
        #expect(a.keys == b.keys)
        for k in 0..<a.buckets { #expect(a.file(k) == b.file(k), "bucket \(k)") }
        #expect(SearchDocuments.keepsJSON(300_000) && !SearchDocuments.keepsJSON(300_001))
    }
}
