import GongshiModel
import Testing

@testable import GongshiSite

/// What the previous system published (SPEC §8.3, `disclosure.adoptedOn`) is shown, but never announced
/// as new: its date of publication is not known, so it is neither a feed item nor among the home page's
/// 最新公示.
@Suite("Adoption: records of the previous system in feeds and on the home page")
struct AdoptionFeedTests {
    static func site() -> SiteFixture {
        var f = SiteFixture()
        f.settings += "disclosure:\n  adoptedOn: 2025-01-01\n"
        f.penalties = [
            SiteFixture.penalty(
                "旧公司", code: "913703061912261243", number: "周市监罚〔2024〕1号", date: "2024-12-18", severity: "严重"),
            SiteFixture.penalty("新公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号", date: "2026-11-20"),
        ]
        return f
    }

    @Test func thePreviousSystemsRecordsAreNotFeedItems() throws {
        let sink = try Self.site().render()
        for feed in ["atom.xml", "xzcf/atom.xml", "bumen/scjgj/atom.xml", "feed.json"] {
            let text = try #require(sink.text(feed), "\(feed)")
            #expect(text.contains("新公司"), "\(feed)")
            #expect(!text.contains("旧公司"), "\(feed)")
        }
        // Its page is there, and says who published it.
        let pages = sink.paths.filter { $0.hasPrefix("xzcf/scjgj-") }
        #expect(
            pages.contains { sink.text($0)?.contains("旧公司") == true && sink.text($0)?.contains("原系统公示") == true },
            "\(pages)")
    }

    /// Its publication day unknown, it is listed by its decision date: not above what was published since.
    @Test func thePreviousSystemsRecordsAreListedByTheirDecisionDate() throws {
        var f = Self.site()
        f.penalties[1] = SiteFixture.penalty(
            "新公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号", date: "2026-11-02")
        // The first build (2026-11-03) recorded the previous system's record as 导入 and published the new one.
        f.ledger = [
            LedgerEvent(
                date: LocalDate(parsing: "2026-11-03")!, event: .imported, kind: .xzcf,
                key: "xzcf:区市场监管局:周市监罚〔2024〕1号",
                digest: "0"),
            LedgerEvent(
                date: LocalDate(parsing: "2026-11-03")!, event: .published, kind: .xzcf,
                key: "xzcf:区市场监管局:周市监罚〔2026〕2号",
                digest: "0"),
        ]
        let sink = try f.render()
        let listing = try #require(sink.text("xzcf/index.html"))
        let new = try #require(listing.range(of: "新公司"))
        let old = try #require(listing.range(of: "旧公司"))
        #expect(new.lowerBound < old.lowerBound)
        let shard = sink.paths.filter { $0.hasPrefix("xzcf/shaixuan/") && $0.hasSuffix("2024-12.json") }
        #expect(shard.contains { sink.text($0)?.contains("\"原系统公示\"") == true }, "\(shard)")
    }

    @Test func thePreviousSystemsRecordsAreNotInTheMonthlyTrend() throws {
        let sink = try Self.site().render()
        let json = sink.json("tongji/stats.json") as? [String: Any]
        let november = (json?["月度"] as? [[String: Any]])?.first { $0["月份"] as? String == "2026-11" }
        #expect(november?["首次公示"] as? Int == 1)
        #expect(november?["未评价时效"] as? Int == 0)
        // Counted apart, as before.
        #expect((json?["合计"] as? [String: Any])?["原系统公示"] as? Int == 1)
    }

    @Test func thePreviousSystemsRecordsAreNotTheHomePagesNews() throws {
        let home = try #require(try Self.site().render().text("index.html"))
        #expect(home.contains("新公司"))
        #expect(!home.contains("旧公司"))
    }

    @Test func theirPublicationIsNotShownAsTheDayThisSiteTookThemOver() throws {
        let sink = try Self.site().render()
        let page = try #require(
            sink.paths.filter { $0.hasPrefix("xzcf/scjgj-") }.compactMap { sink.text($0) }.first { $0.contains("旧公司") })
        #expect(page.contains("原系统公示"))
        #expect(page.contains("日期不详；本站自"))
        // The listing's 公示日期 cell says who published it, not a date two years after the decision.
        let listing = try #require(sink.text("xzcf/index.html"))
        let row = try #require(listing.components(separatedBy: "<tr").first { $0.contains("旧公司") })
        #expect(row.contains(#"<td class="c-published nowrap">原系统公示</td>"#))
    }
}
