import Foundation
import GongshiModel
import Testing

@testable import GongshiRules
@testable import GongshiSite

/// The fingerprints of what pages are made of (``InputFingerprints``): an incremental build takes a
/// page from the previous output when they are equal, without building its context, so they must
/// cover every value a page can show.
@Suite("Fingerprints of page inputs")
struct InputFingerprintTests {
    /// The stored properties of a value (Mirror is allowed in tests, not in GongshiSite).
    static func labels(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    static let department = Department(code: "scjgj", name: "区市场监管局", uscc: "11370306004310380L", website: "")

    /// A property added to one of these types must be added to its fingerprint (InputFingerprints.swift)
    /// or named here as one that never reaches the public output.
    @Test func everyStoredPropertyIsFingerprintedOrKnownNotToShow() throws {
        let day = try #require(LocalDate(parsing: "2026-11-02"))
        let record = PublishedRecord(
            kind: .xzcf, key: "k", id: "i", department: Self.department, entityCode: "", category: .organization,
            decisionDate: day, publicityEnd: nil, deadline: day, firstPublished: day, lastUpdated: nil, lateWorkdays: 0,
            publishWorkdays: 0, isLate: false, underObjection: false, statusNote: "", fields: [], digest: "",
            file: "", line: 0)
        // A record is packed (PublishedRecord.swift): its dates, counts, flags and short texts are stored
        // in parts, each listed here. `flags` holds isLate, underObjection, timelinessJudged, previousSystem
        // and severityInferred; `values` the published values, then the texts of `PublishedRecord.Text`.
        #expect(
            Self.labels(record) == [
                "kind", "category", "flags", "key", "department", "days", "counts", "values", "file",
            ])
        #expect(
            Mirror(reflecting: record).descendant("days").map(Self.labels)
                == ["decided", "deadline", "firstPublished", "publicityEnd", "lastUpdated"])
        // `line` (and `file`, `sheet`): where the row was read from, the preview's only.
        #expect(
            Mirror(reflecting: record).descendant("counts").map(Self.labels)
                == ["lateWorkdays", "publishWorkdays", "line"])
        #expect(
            PublishedRecord.Text.allCases.map { "\($0)" }
                == ["id", "entityCode", "statusNote", "digest", "sheet", "registrationNumber", "organizationCode"])
        let entry = PublishedListEntry(
            key: "k", id: "i", isRed: false, listName: "", listID: "", department: Self.department, entityName: "",
            entityCode: "", category: .organization, listedOn: day, validUntil: nil, reason: "", basis: "",
            memorandum: nil, underObjection: false, firstPublished: day, lastUpdated: nil, fields: [], digest: "",
            file: "", line: 0)
        #expect(
            Self.labels(entry)
                == [
                    "key", "id", "idHidesName", "isRed", "listName", "listID", "department", "entityName", "entityCode",
                    "category",
                    "listedOn", "validUntil", "validUntilNote", "reason", "basis", "memorandum", "underObjection",
                    "firstPublished",
                    "lastUpdated", "fields", "digest", "registrationNumber", "organizationCode", "document",
                    "previousSystem", "file", "line", "sheet",
                ])
        let notice = WithdrawalNotice(
            kind: .xzcf, key: "k", id: "i", department: Self.department, entityName: "", documentNumber: "",
            title: "", decisionDate: day, revokedOn: nil, withdrawnOn: day, reason: "", until: nil, digest: "",
            file: "", line: 0)
        #expect(
            Self.labels(notice)
                == [
                    "kind", "key", "id", "department", "entityName", "documentNumber", "title", "decisionDate",
                    "revokedOn", "withdrawnOn", "reason", "until", "digest", "action", "entityCode", "wasShown", "file",
                    "line", "sheet",
                ])
        // A department holds one shared reference to its registry row: the row's properties are what shows.
        #expect(Self.labels(Self.department) == ["row"])
        let row = Mirror(reflecting: Self.department).children.first.map(\.value)
        #expect(row.map(Self.labels) == ["code", "name", "uscc", "website", "aliases"])
        #expect(
            Self.labels(Memorandum(number: "", title: "", documentNumber: "", type: ""))
                == ["number", "title", "documentNumber", "type"])
        let settings = SiteSettings(title: "t", baseURL: "https://x.example/")
        #expect(
            Self.labels(settings)
                == [
                    "title", "baseURL", "region", "language", "deadlineWorkdays", "withdrawWorkdays", "naturalPersons",
                    "naturalPersonLists", "adoptedOn", "penaltyPublicityMonths", "feedItems", "pagination", "footer",
                    // how departments' columns are read: reaches pages only through the records
                    "columns",
                ])
        #expect(
            Self.labels(settings.footer)
                == [
                    "sponsor", "organizer", "contact", "siteCode", "icp", "psb", "partyMarkImage", "partyMarkLink",
                    "correction",
                ])
    }

    @Test func aChangedRecordMakesItsPagesAgainAndNotThoseOfOtherEntities() throws {
        let first = ReusingSink()
        try FingerprintTests.fixture().render(to: first)
        let second = first.next()
        try FingerprintTests.fixture("2").render(to: second)
        // 淄博成创食品有限公司's fine changed: its record page, its entity page and feeds, the listing.
        #expect(second.rendered.contains("zhuti/913703061912261243/index.html"))
        #expect(second.rendered.contains("zhuti/913703061912261243/atom.xml"))
        #expect(second.reused.contains("zhuti/91370306MA344MKC33/index.html"))
        #expect(second.reused.contains("zhuti/91370306MA344MKC33/feed.json"))
        #expect(second.rendered.contains("xzcf/index.html"))
        #expect(second.rendered.contains("data/xzcf.csv"))
        #expect(second.reused.contains("data/xzxk.csv"))
        #expect(second.reused.contains("bumen/hbj/index.html"))
        #expect(second.rendered.contains("bumen/scjgj/index.html"))
        // Filter shards are made again for the kind whose records changed, and taken whole for the other.
        #expect(second.rendered.contains("xzcf/shaixuan/index.json"))
        #expect(second.rendered.contains("xzcf/shaixuan/scjgj/2026-11.json"))
        #expect(second.reused.contains("xzxk/shaixuan/index.json"))
    }

    @Test func settingsAndTheDateReachEveryKeyedPage() throws {
        let first = ReusingSink()
        try FingerprintTests.fixture().render(to: first)
        var changed = FingerprintTests.fixture()
        changed.settings = changed.settings.replacingOccurrences(of: "电话 0533-1234567", with: "电话 0533-7654321")
        let second = first.next()
        try changed.render(to: second)
        #expect(second.reused.filter { $0.hasSuffix(".html") }.isEmpty, "\(second.reused.sorted().prefix(5))")
        let third = first.next()
        try FingerprintTests.fixture().render(date: "2026-11-26", to: third)
        #expect(third.reused.filter { $0.hasSuffix(".html") }.isEmpty)
    }
}
