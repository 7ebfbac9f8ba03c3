import Foundation
import GongshiModel
import Testing

@testable import GongshiSite

@Suite("Feed items: ids, dates and the three formats")
struct FeedItemTests {
    static let day = LocalDate(parsing: "2026-11-25")!

    static func item(_ title: String, key: String = "k1") -> FeedItem {
        FeedItem(
            id: Feeds.itemID(key), title: title, url: "https://x.example/xzcf/a/", published: day, updated: day,
            html: Feeds.table([("行政相对人名称", "甲<乙>"), ("空", ""), ("文号", "罚〔2026〕1号")]), summary: "摘要 & 说明",
            sortKey: key)
    }

    @Test func idsAreStableUUIDsOfTheKey() {
        let id = Feeds.itemID("xzcf|周市监罚〔2026〕1号")
        #expect(id == Feeds.itemID("xzcf|周市监罚〔2026〕1号"))
        #expect(id != Feeds.itemID("xzcf|周市监罚〔2026〕2号"))
        let uuid = id.dropFirst("urn:uuid:".count)
        #expect(id.hasPrefix("urn:uuid:"))
        #expect(uuid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(UUID(uuidString: String(uuid)) != nil)
        #expect(uuid.split(separator: "-")[2].first == "5")
        #expect("89ab".contains(uuid.split(separator: "-")[3].first ?? "x"))
    }

    @Test func datesAreInChinaTime() {
        #expect(Feeds.iso(Self.day) == "2026-11-25T00:00:00+08:00")
        #expect(Feeds.rfc822(Self.day) == "Wed, 25 Nov 2026 00:00:00 +0800")
        #expect(Feeds.rfc822(LocalDate(parsing: "2027-01-03")!) == "Sun, 03 Jan 2027 00:00:00 +0800")
    }

    @Test func aTableLeavesEmptyFieldsOutAndEscapesValues() {
        #expect(
            Feeds.table([("名称", "甲<乙>"), ("空", ""), ("文号", "1号")])
                == "<table><tr><th>名称</th><td>甲&lt;乙&gt;</td></tr><tr><th>文号</th><td>1号</td></tr></table>")
    }

    @Test func atomRSSAndJSONCarryEveryItemEscaped() throws {
        let items = [Self.item("行政处罚：甲<公司>", key: "a"), Self.item("行政许可：乙 & 丙", key: "b")]
        let atom = String(
            decoding: Feeds.atom(
                title: "信用 & 测试", subtitle: "s", selfURL: "https://x.example/atom.xml", pageURL: "https://x.example/",
                author: "作者", updated: Self.day, items: items, id: "https://x.example/"), as: UTF8.self)
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(atom.contains("<title>信用 &amp; 测试</title>"))
        #expect(atom.contains("甲&lt;公司&gt;"))
        #expect(atom.contains(Feeds.itemID("a")) && atom.contains(Feeds.itemID("b")))
        #expect(try XMLParsing.wellFormed(atom))

        let rss = String(
            decoding: Feeds.rss(
                title: "t", selfURL: "https://x.example/rss.xml", pageURL: "https://x.example/", description: "d",
                updated: Self.day, items: items), as: UTF8.self)
        #expect(rss.components(separatedBy: "<item>").count - 1 == 2)
        #expect(rss.contains("Wed, 25 Nov 2026 00:00:00 +0800"))
        #expect(try XMLParsing.wellFormed(rss))

        let json = Feeds.json(
            title: "t", selfURL: "https://x.example/feed.json", pageURL: "https://x.example/", description: "d",
            author: "a", items: items)
        let parsed = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        let parsedItems = parsed?["items"] as? [[String: Any]] ?? []
        #expect(parsedItems.map { $0["title"] as? String } == ["行政处罚：甲<公司>", "行政许可：乙 & 丙"])
        #expect(parsedItems.first?["content_html"] as? String == items[0].html)
        #expect(parsedItems.first?["date_published"] as? String == "2026-11-25T00:00:00+08:00")
        let empty = Feeds.json(title: "t", selfURL: "u", pageURL: "p", description: "d", author: "a", items: [])
        #expect(
            ((try JSONSerialization.jsonObject(with: Data(empty)) as? [String: Any])?["items"] as? [Any])?.isEmpty
                == true)
    }

    @Test func aRenderedSiteHasOneItemPerPublicDecisionInItsSectionFeed() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty("甲公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", date: "2026-11-02"),
            SiteFixture.penalty("乙公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号", date: "2026-11-03"),
        ]
        let sink = try f.render()
        let atom = sink.text("xzcf/atom.xml") ?? ""
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(atom.contains("行政处罚：甲公司") && atom.contains("行政处罚：乙公司"))
        #expect(sink.text("xzxk/atom.xml")?.contains("<entry>") == false)
    }
}
