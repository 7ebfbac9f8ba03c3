import Foundation
import Testing

@Suite("gongshi build on a fixture site")
struct BuildTests {
    @Test func writesEveryPathOfTheSpec() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("公示 行政许可 2 条"))
        let pub = site + "/Public"
        let files = Set(Gongshi.files(pub))
        for path in [
            "index.html", "xzxk/index.html", "xzcf/index.html", "hongmingdan/index.html", "heimingdan/index.html",
            "honghei/2026-10/index.html", "zhuti/91370306MA3C10017X/index.html", "bumen/scjgj/index.html",
            "guanyu/index.html", "xinwen/index.html", "tongji/index.html", "tongji/stats.json", "sousuo/index.html",
            "dingyue/index.html", "dingyue/feeds.opml", "404.html", "sitemap.xml", "robots.txt",
            "atom.xml", "rss.xml", "feed.json", "xzxk/atom.xml", "bumen/swj/rss.xml", "bumen/fgj/feed.json",
            "data/xzxk.csv", "data/xzcf.json", "data/mingdan.csv", "assets/site.css",
        ] {
            #expect(files.contains(path), "missing \(path)")
        }
        // Every page links the site's feeds.
        let home = Gongshi.read(pub + "/index.html")
        #expect(home.contains("rel=\"alternate\" type=\"application/atom+xml\""))
        // Open data: UTF-8 with BOM and a 页面 column of absolute URLs.
        let csv = FileManager.default.contents(atPath: pub + "/data/xzxk.csv")!
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Gongshi.read(pub + "/data/xzxk.csv").contains("https://xinyong.test.example/xzxk/scjgj-"))
    }

    @Test func aHongheiReleaseCarriesItsTablesInTheFeed() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        let atom = Gongshi.read(site + "/Public/xinwen/atom.xml")
        let entry = try #require(atom.components(separatedBy: "<entry>").first { $0.contains("honghei/2026-10/") })
        // The black entry listed in October, escaped inside the content; no red table (none listed then).
        #expect(entry.contains("&lt;h2&gt;黑榜&lt;/h2&gt;"))
        #expect(entry.contains("周村黑名单丁公司"))
        #expect(!entry.contains("&lt;h2&gt;红榜&lt;/h2&gt;"))
    }

    @Test func listEntriesNameTheMemorandumTheirBasisCites() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        let entity = Gongshi.read(site + "/Public/zhuti/91370306MA3C10025Q/index.html")
        #expect(entity.contains("所引备忘录：对失信被执行人实施联合惩戒措施合作备忘录"), "\(entity)")
    }

    @Test func withheldRecordsAppearNowhere() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0)
        let pub = site + "/Public"
        // A natural person, an invalid code, a minor penalty, a red entry of a black-listed entity.
        let secrets = ["王小明", "360426199101010071", "周村无效代码公司", "周村轻微测试公司", "守合同重信用企业"]
        for file in Gongshi.files(pub) {
            let text = Gongshi.read(pub + "/" + file)
            for s in secrets { #expect(!text.contains(s), "\(s) leaked into \(file)") }
        }
        // The mobile number in the penalty's text is masked everywhere.
        let all = Gongshi.files(pub).map { Gongshi.read(pub + "/" + $0) }.joined()
        #expect(!all.contains("13805331234"))
        #expect(all.contains("138****1234"))
    }

    @Test func revokedRecordBecomesAWithdrawalNotice() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let pub = site + "/Public"
        let pages = Gongshi.files(pub).filter { $0.hasPrefix("xzxk/scjgj-") }
        let notices = pages.filter { Gongshi.read(pub + "/" + $0).contains("撤回说明") }
        #expect(notices.count == 1)
        #expect(Gongshi.read(pub + "/" + notices[0]).contains("经行政复议撤销原许可决定"))
        // Not in listings, entity profiles, open data or the sitemap; once in the feed.
        #expect(!Gongshi.read(pub + "/xzxk/index.html").contains("周村撤销测试丙公司"))
        #expect(!Gongshi.read(pub + "/data/xzxk.csv").contains("周村撤销测试丙公司"))
        let id = notices[0].split(separator: "/")[1]
        #expect(!Gongshi.read(pub + "/sitemap.xml").contains(String(id)))
        #expect(Gongshi.read(pub + "/atom.xml").components(separatedBy: "撤回行政许可：周村撤销测试丙公司").count == 2)
    }

    @Test func fieldsAreEscapedAndMarkdownIsSafe() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let pub = site + "/Public"
        for file in Gongshi.files(pub) where file.hasSuffix(".html") {
            let text = Gongshi.read(pub + "/" + file)
            #expect(!text.contains("<script>alert"), "unescaped script in \(file)")
            #expect(!text.contains("javascript:alert"), "javascript link in \(file)")
        }
        let record = Gongshi.files(pub).first {
            Gongshi.read(pub + "/" + $0).contains("周市监建〔2026〕3号") && $0.hasPrefix("xzxk/scjgj-")
        }!
        #expect(Gongshi.read(pub + "/" + record).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try Gongshi.site("basic")
        #expect(
            try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger", "--out", site + "/A"])
                .status == 0)
        #expect(
            try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger", "--out", site + "/B"])
                .status == 0)
        let a = Gongshi.files(site + "/A")
        let b = Gongshi.files(site + "/B")
        #expect(a == b)
        for f in a {
            #expect(
                FileManager.default.contents(atPath: site + "/A/" + f)
                    == FileManager.default.contents(atPath: site + "/B/" + f), "\(f) differs")
        }
    }

    @Test func ledgerIsAppendedOncePerDate() throws {
        let site = try Gongshi.site("basic")
        let ledger = site + "/Content/ledger.csv"
        let before = Gongshi.read(ledger)
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        #expect(Gongshi.read(ledger) == before)
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let after = Gongshi.read(ledger)
        #expect(after.hasPrefix(before))
        let added = after.dropFirst(before.count).split(separator: "\n")
        #expect(added.contains { $0.hasPrefix("2026-11-25,公示,xzxk,xzxk:区市场监管局:周市监建〔2026〕3号,") })
        #expect(added.contains { $0.hasPrefix("2026-11-25,撤回,xzxk,xzxk:区市场监管局:周市监广〔2026〕5号,") })
        #expect(!added.contains { $0.contains("王小明") || $0.contains("周市监个") })
        // The same date again adds nothing.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        #expect(Gongshi.read(ledger) == after)
    }

    @Test func aFailedBuildLeavesThePreviousSiteWhole() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        let before = Gongshi.files(site + "/Public")
        // Break a template: the build must stop with status 2, name the file and line, keep Public/.
        try "{{> head}}\n<p>{{#broken}}</p>\n{{> foot}}\n".write(
            toFile: site + "/Templates/home.mustache", atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Templates/home.mustache"))
        #expect(Gongshi.files(site + "/Public") == before)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: site)).contains { $0.contains("staging") })
    }

    @Test func strictFailsWhenARecordIsWithheldForAnError() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--strict", "--no-ledger"])
        #expect(r.status == 1)
    }

    @Test func initWritesASiteThatBuilds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-init-\(UUID().uuidString)")
            .path
        let r = try Gongshi.run(["init", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let b = try Gongshi.run(["build", "--site", dir, "--date", "2026-11-25"])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/Public/index.html"))
        let c = try Gongshi.run(["check", "--site", dir, "--date", "2026-11-25"])
        #expect(c.status == 0 || c.status == 1, "\(c.stderr)")
        let n = try Gongshi.run(["new", "honghei", "2026-11", "--site", dir])
        #expect(n.status == 0)
        #expect(Gongshi.read(dir + "/Content/xinwen/2026-11-honghei.md").contains("type: honghei"))
        #expect(try Gongshi.run(["new", "honghei", "2026-11", "--site", dir]).status == 2)
    }

    @Test func initNeverOverwritesAThemeOrGitignore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-init-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir + "/Templates", withIntermediateDirectories: true)
        try "MY CUSTOM".write(toFile: dir + "/Templates/head.mustache", atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["init", dir])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Templates/head.mustache") && r.stderr.contains("未覆盖"), "\(r.stderr)")
        #expect(Gongshi.read(dir + "/Templates/head.mustache") == "MY CUSTOM")
        #expect(!FileManager.default.fileExists(atPath: dir + "/Content"), "nothing half made")
    }
}
