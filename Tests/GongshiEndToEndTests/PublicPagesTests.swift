import Foundation
import Testing

/// What issue 10 added to the public site, read from a built fixture: entity feeds, the 网站地图 page,
/// the footer's registry links, search by document number, fines in the statistics.
@Suite("public pages of a built site")
struct PublicPagesTests {
    static func build() throws -> String {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(r.status == 0, "\(r.stderr)")
        return site + "/Public"
    }

    @Test func entitiesHaveFeedsLinkedFromTheirProfile() throws {
        let pub = try Self.build()
        let folder = pub + "/zhuti/91370306MA3C10017X/"
        for name in ["atom.xml", "rss.xml", "feed.json"] {
            #expect(FileManager.default.fileExists(atPath: folder + name), "\(name)")
        }
        let feed =
            try JSONSerialization.jsonObject(with: Data(Gongshi.read(folder + "feed.json").utf8)) as? [String: Any]
        let items = feed?["items"] as? [[String: Any]] ?? []
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { ($0["url"] as? String)?.hasPrefix("https://xinyong.test.example/") == true })
        let page = Gongshi.read(folder + "index.html")
        #expect(page.contains("rel=\"alternate\" type=\"application/feed+json\""))
        #expect(page.contains("href=\"../../zhuti/91370306MA3C10017X/feed.json\""))
    }

    @Test func siteMapPageAndFooterLinks() throws {
        let pub = try Self.build()
        let map = Gongshi.read(pub + "/wangzhanditu/index.html")
        #expect(map.contains("<h1>网站地图</h1>"))
        #expect(map.contains("href=\"../bumen/scjgj/\""))
        let home = Gongshi.read(pub + "/index.html")
        #expect(home.contains("href=\"./wangzhanditu/\""))
    }

    @Test func searchIndexHoldsDocumentNumbers() throws {
        let pub = try Self.build()
        let index = Gongshi.files(pub + "/sousuo/i").map { Gongshi.read(pub + "/sousuo/i/" + $0) }.joined()
        #expect(index.contains("\"=周市监罚〔2026〕7号\""))
        #expect(index.contains("\"%〕7号\"") || index.contains("\"%6〕7号\""))
    }

    @Test func statisticsTotalTheFines() throws {
        let pub = try Self.build()
        let stats =
            try JSONSerialization.jsonObject(with: Data(Gongshi.read(pub + "/tongji/stats.json").utf8))
            as? [String: Any]
        let fines = stats?["罚款金额"] as? [String: Any]
        #expect((fines?["按处罚类别"] as? [Any])?.isEmpty == false)
        #expect((fines?["按违法行为类型"] as? [Any])?.isEmpty == false)
        #expect(Gongshi.read(pub + "/tongji/index.html").contains("<h3>按违法行为类型</h3>"))
    }
}
