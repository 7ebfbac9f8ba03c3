import Foundation
import GongshiModel
import Testing

@testable import GongshiSite

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Entity profiles and their feeds")
struct EntityFeedTests {
    static let code = "913703061912261243"
    static let rows = [
        SiteFixture.penalty("淄博成创食品有限公司", code: code, number: "周市监罚〔2026〕1号", date: "2026-11-02"),
        SiteFixture.penalty("淄博成创食品有限公司", code: code, number: "周市监罚〔2026〕2号", date: "2026-11-03"),
        SiteFixture.penalty("淄博周村腾威货运有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕3号"),
    ]

    @Test func everyEntityHasValidFeedsOfItsOwnRecords() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let sink = try f.render()
        let folder = "zhuti/\(Self.code)/"
        let json = sink.json(folder + "feed.json") as? [String: Any]
        #expect(json?["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(json?["feed_url"] as? String == "https://xinyong.test.example/\(folder)feed.json")
        let items = json?["items"] as? [[String: Any]] ?? []
        #expect(items.count == 2)
        #expect(items.allSatisfy { ($0["title"] as? String)?.contains("淄博成创食品有限公司") == true })
        let atom = sink.text(folder + "atom.xml") ?? ""
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(!atom.contains("腾威"))
        #expect(try XMLParsing.wellFormed(atom))
        let rss = sink.text(folder + "rss.xml") ?? ""
        #expect(rss.components(separatedBy: "<item>").count - 1 == 2)
        #expect(try XMLParsing.wellFormed(rss))
    }

    @Test func aRevokedRecordIsAnnouncedInItsEntitysFeed() throws {
        var f = SiteFixture()
        f.penaltyHeader += ",当前状态,状态日期,状态说明"
        f.penalties = [
            Self.rows[0] + ",,,", Self.rows[1] + ",撤销,2026-11-20,经行政复议撤销原处罚决定", Self.rows[2] + ",,,",
        ]
        let sink = try f.render()
        let atom = sink.text("zhuti/\(Self.code)/atom.xml") ?? ""
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 2, "the record and the withdrawal")
        #expect(atom.contains("撤回"), "\(atom)")
        #expect(atom.contains("周市监罚〔2026〕2号"))
        #expect(try XMLParsing.wellFormed(atom))
        // The entity's page lists only what is public.
        #expect(sink.text("zhuti/\(Self.code)/index.html")?.contains("周市监罚〔2026〕2号") == false)
    }

    /// The entity's first penalty, published on 11-03, revoked on 11-20 for `reason`; its other record
    /// has no status.
    static func revoked(reason: String) -> SiteFixture {
        var f = SiteFixture()
        f.penaltyHeader += ",当前状态,状态日期,状态说明"
        f.penalties = [Self.rows[0] + ",撤销,2026-11-20,\(reason)", Self.rows[2] + ",,,"]
        f.ledger = [
            LedgerEvent(
                date: LocalDate(parsing: "2026-11-03")!, event: .published, kind: .xzcf,
                key: "xzcf:区市场监管局:周市监罚〔2026〕1号", digest: "0")
        ]
        return f
    }

    @Test func aWithdrawalWithoutAReasonSaysSoInItsFeedSummary() throws {
        let sink = try Self.revoked(reason: "").render()
        let atom = sink.text("zhuti/\(Self.code)/atom.xml") ?? ""
        #expect(atom.contains("撤回原因：未说明"), "\(atom)")
    }

    @Test func anEntityWhoseOnlyRecordIsRevokedKeepsItsFeedWithTheWithdrawal() throws {
        let sink = try Self.revoked(reason: "经行政复议撤销原处罚决定").render()
        let folder = "zhuti/\(Self.code)/"
        let atom = sink.text(folder + "atom.xml") ?? ""
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 1, "the withdrawal")
        #expect(atom.contains("撤回") && atom.contains("淄博成创食品有限公司"), "\(atom)")
        #expect(try XMLParsing.wellFormed(atom))
        #expect(atom.contains("撤回原因：经行政复议撤销原处罚决定"))
        // Its page says it has nothing public, under its name, rather than being gone; search engines
        // are not offered it.
        let page = sink.text(folder + "index.html") ?? ""
        #expect(page.contains("<h1>淄博成创食品有限公司</h1>"))
        #expect(!page.contains("周市监罚〔2026〕1号"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(sink.text("sitemap.xml")?.contains(folder) == false)
        let notice = sink.paths.compactMap { sink.text($0) }.first { $0.contains("<h1>撤回说明</h1>") } ?? ""
        #expect(notice.contains("原公示信息已于"))
    }

    @Test func aFeedNamesWhatHappenedToTheDecisionAsItsNoticeDoes() throws {
        var f = Self.revoked(reason: "经行政诉讼判决确认无效")
        f.penalties[0] = f.penalties[0].replacingOccurrences(of: ",撤销,", with: ",确认无效,")
        let atom = try f.render().text("xzcf/atom.xml") ?? ""
        #expect(atom.contains("确认无效日期"), "\(atom)")
        #expect(!atom.contains("撤销日期"))
    }

    @Test func aDecisionRevokedBeforeItWasShownGivesItsEntityNoPage() throws {
        var f = SiteFixture()
        f.penaltyHeader += ",当前状态,状态日期,状态说明"
        f.penalties = [Self.rows[0] + ",撤销,2026-11-20,经行政复议撤销原处罚决定", Self.rows[2] + ",,,"]
        let sink = try f.render()
        #expect(sink.text("zhuti/\(Self.code)/index.html") == nil)
        #expect(sink.text("zhuti/\(Self.code)/atom.xml") == nil)
        // Its notice does not say that published information was taken down.
        let notice = sink.paths.compactMap { sink.text($0) }.first { $0.contains("<h1>撤回说明</h1>") } ?? ""
        #expect(notice.contains("该决定此前未在本站公示") && !notice.contains("原公示信息"))
    }

    /// RSS reads `<description>` as HTML: markup in an entity's name must arrive there as text.
    @Test func markupInANameIsTextInTheRSSChannelDescription() throws {
        var f = SiteFixture()
        f.penalties = [SiteFixture.penalty("<script>alert(1)</script>成创公司", code: Self.code, number: "周市监罚〔2026〕1号")]
        let rss = try f.render().text("zhuti/\(Self.code)/rss.xml") ?? ""
        #expect(rss.contains("&amp;lt;script&amp;gt;alert(1)"))
        #expect(!rss.contains("<script>"))
        #expect(!rss.contains("&lt;script&gt;alert(1)&lt;/script&gt;成创公司</description>"))
    }

    @Test func profileLinksItsFeedsAndNamesTheEntityOnce() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let page = try f.render().text("zhuti/\(Self.code)/index.html") ?? ""
        #expect(
            page.contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"信用测试 · 淄博成创食品有限公司（Atom）\" href=\"../../zhuti/\(Self.code)/atom.xml\">"
            ))
        #expect(
            page.contains(
                "<a href=\"../../zhuti/\(Self.code)/rss.xml\" type=\"application/rss+xml\" title=\"信用测试 · 淄博成创食品有限公司（RSS）\">RSS</a>"
            ))
        #expect(page.contains("<dt>主体类别</dt><dd>法人及非法人组织</dd>"))
        // The rows say what was decided, not whose it was: the name is the page's heading.
        #expect(!page.contains("class=\"c-entity\""))
        #expect(
            page.contains(
                "<td class=\"c-title\"><span class=\"badge badge-kind kind-tag\">行政处罚</span><a href=\"../../xzcf/"))
    }
}

/// Well-formedness of a feed, with Foundation's XML parser.
enum XMLParsing {
    static func wellFormed(_ text: String) throws -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
