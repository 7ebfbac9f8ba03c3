import Foundation
import GongshiContent
import GongshiModel
import Testing

@testable import GongshiSite

@Suite("Footer of 《政府网站发展指引》 and the 网站地图 page")
struct FooterTests {
    static let rows = [SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号")]

    @Test func footerLinksTheFilingsToTheirRegistries() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let sink = try f.render()
        for path in ["index.html", "xzcf/index.html", "zhuti/913703061912261243/index.html"] {
            let page = sink.text(path) ?? ""
            #expect(page.contains("<li>主办单位：测试区发展和改革局</li>"), "\(path)")
            #expect(page.contains("<li>承办单位：测试区大数据中心</li>"))
            #expect(page.contains("<li>联系方式：电话 0533-1234567</li>"))
            #expect(page.contains("<li>网站标识码：3703060001</li>"))
            #expect(page.contains("<a href=\"https://beian.miit.gov.cn/\">鲁ICP备12345678号-1</a>"))
            #expect(
                page.contains(
                    "<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37030602000123\">鲁公网安备 37030602000123号</a>"
                ))
            #expect(page.contains("<a href=\"https://zfwzzc.www.gov.cn/\">我要找错</a>"))
            #expect(page.contains("alt=\"党政机关网站标识\""))
            #expect(page.contains("<a href=\"https://bszs.conac.cn/sitename?method=show&amp;id=1\">"))
        }
        // Relative links at every depth.
        #expect(sink.text("index.html")?.contains("<a href=\"./wangzhanditu/\">网站地图</a>") == true)
        #expect(sink.text("zhuti/913703061912261243/index.html")?.contains("src=\"../../assets/dzjg.png\"") == true)
    }

    @Test func footerLeavesOutWhatIsNotConfigured() throws {
        var f = SiteFixture()
        f.settings = "title: 信用测试\nbaseURL: https://xinyong.test.example/\nfooter:\n  sponsor: 测试区发展和改革局\n"
        f.penalties = Self.rows
        let page = try f.render().text("index.html") ?? ""
        #expect(page.contains("主办单位：测试区发展和改革局"))
        for absent in ["党政机关网站标识", "承办单位", "联系方式", "beian.miit.gov.cn", "beian.gov.cn", "我要找错", "网站标识码"] {
            #expect(!page.contains(absent), "\(absent)")
        }
    }

    @Test func siteMapPageListsSectionsDepartmentsAndLists() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let sink = try f.render()
        let page = sink.text("wangzhanditu/index.html") ?? ""
        #expect(page.contains("<h1>网站地图</h1>"))
        for link in [
            "href=\"../xzxk/\"", "href=\"../xzcf/\"", "href=\"../bumen/scjgj/\"", "href=\"../bumen/hbj/\"",
            "href=\"../sousuo/\"",
            "href=\"../tongji/\"", "href=\"../data/xzcf.csv\"", "href=\"../sitemap.xml\"",
        ] {
            #expect(page.contains(link), "\(link)")
        }
        // Not every record: the record page is reached from the listings.
        #expect(!page.contains("淄博成创食品有限公司"))
    }

    @Test func listingsLinkTheirOpenDataInEveryFormat() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let page = try f.render().text("xzcf/index.html") ?? ""
        for file in ["xzcf.xlsx\">Excel", "xzcf.csv\">CSV", "xzcf.json\">JSON"] {
            #expect(page.contains("data/" + file), "\(file)")
        }
        let sink = try f.render()
        #expect(sink.text("heimingdan/index.html")?.contains("data/mingdan.xlsx\">Excel") == true)
        #expect(sink.text("wangzhanditu/index.html")?.contains("红黑名单（Excel）") == true)
    }

    @Test func registryRecordCodeIsTheDigitsOfTheFiling() {
        #expect(
            SiteContext.psbRegistry("鲁公网安备 37030602000000号")
                == "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37030602000000")
        #expect(SiteContext.psbRegistry("备案中") == "http://www.beian.gov.cn/")
    }

    @Test func settingsReadTheFooterKeysAndRejectUnsafeLinks() throws {
        let base = "title: t\nbaseURL: https://a.example/\nfooter:\n"
        let s = try SettingsReader.read(
            text: base
                + "  organizer: 大数据中心\n  contact: 电话 1\n  correction: https://zfwzzc.www.gov.cn/\n  partyMarkImage: assets/dzjg.png\n  partyMarkLink: https://bszs.conac.cn/x\n",
            file: "site.yml")
        #expect(s.footer.organizer == "大数据中心")
        #expect(s.footer.contact == "电话 1")
        #expect(s.footer.correction == "https://zfwzzc.www.gov.cn/")
        #expect(s.footer.partyMarkImage == "assets/dzjg.png")
        #expect(s.footer.partyMarkLink == "https://bszs.conac.cn/x")
        for bad in [
            "  correction: javascript:alert(1)\n", "  partyMarkLink: \"https://a\\\" onclick=x\"\n",
            "  partyMarkImage: ../../etc/x.png\n",
            "  partyMarkImage: https://other.example/x.png\n", "  corection: https://a.example/\n",
        ] {
            #expect(throws: SiteError.self, "\(bad)") { try SettingsReader.read(text: base + bad, file: "site.yml") }
        }
    }
}
