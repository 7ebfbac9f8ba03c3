import GongshiModel
import Testing

@testable import GongshiRules
@testable import GongshiSite

/// A list's total counts entities, not entries: a company listed for two cases is one 主体.
@Suite("List totals count entities")
struct ListCountTests {
    static func entry(_ key: String, code: String, name: String = "某公司") -> PublishedListEntry {
        let day = LocalDate(year: 2026, month: 11, day: 2)!
        return PublishedListEntry(
            key: key, id: key, isRed: false, listName: "失信被执行人", listID: "shixin",
            department: InputFingerprintTests.department,
            entityName: name, entityCode: code, category: code.isEmpty ? .naturalPerson : .organization, listedOn: day,
            validUntil: nil, reason: "", basis: "", memorandum: nil, underObjection: false, firstPublished: day,
            lastUpdated: nil, fields: [], digest: "", file: "", line: 0)
    }

    @Test func entriesOfOneEntityCountOnce() {
        let entries = [
            Self.entry("a1", code: "91370303400000026H"), Self.entry("a2", code: "91370303400000026H"),
            Self.entry("b", code: "91370306MA344MKC33"),
            // Persons known by a masked name: each an entity of its own, even under one name.
            Self.entry("p1", code: "", name: "张*伟"), Self.entry("p2", code: "", name: "张*伟"),
        ]
        #expect(SiteIndex.entityCount(entries.indices, entries) == 4)
        #expect(SiteIndex.entityCount([0, 1], entries) == 1)
    }
}
