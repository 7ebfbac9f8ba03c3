import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Drafts: shown (marked 草稿) by the preview server, never by a public build.
@Suite("drafts")
struct DraftTests {
    @Test func newHongheiIsADraftDatedForItsMonth() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["new", "honghei", "2026-09", "--site", site])
        #expect(r.status == 0)
        let text = Gongshi.read(site + "/Content/xinwen/2026-09-honghei.md")
        #expect(text.contains("draft: true"))
        // Written after September ended (today is later): dated today, never before the month is over.
        let date = text.split(separator: "\n").first { $0.hasPrefix("date: ") }.map { String($0.dropFirst(6)) } ?? ""
        #expect(date >= "2026-09-30", "dated \(date)")
        let future = try Gongshi.run(["new", "honghei", "2099-02", "--site", site])
        #expect(future.status == 0)
        #expect(Gongshi.read(site + "/Content/xinwen/2099-02-honghei.md").contains("date: 2099-02-28"))
    }

    @Test func previewShowsDraftsThePublicBuildDoesNot() async throws {
        let site = try Gongshi.site("basic")
        let draft = """
            ---
            title: 尚未定稿的九月红黑榜
            date: 2026-10-08
            type: honghei
            month: 2026-09
            draft: true
            ---

            草稿正文。

            """
        try draft.write(toFile: site + "/Content/xinwen/2026-09-honghei.md", atomically: true, encoding: .utf8)

        let out = site + "/Public"
        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger", "--quiet"])
        #expect(build.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/honghei/2026-09/index.html"))
        for file in Gongshi.files(out)
        where file.hasSuffix(".html") || file.hasSuffix(".xml") || file.hasSuffix(".json") {
            #expect(!Gongshi.read(out + "/" + file).contains("尚未定稿的九月红黑榜"), "draft in \(file)")
        }

        let preview = try PreviewProcess(site: site)
        let page = await preview.waitFor("/honghei/2026-09/")
        #expect(page.0 == 200)
        #expect(page.1.contains("尚未定稿的九月红黑榜"))
        #expect(page.1.contains("草稿"))
        let listing = await preview.get("/xinwen/")
        #expect(listing.1.contains("badge-draft"))
        // The preview index groups findings by severity and links the day's report.
        let index = await preview.get("/yulan/")
        #expect(index.1.contains("错误：不予公示或须立即纠正"))
        #expect(index.1.contains("yulan/baogao/"))
        let report = await preview.get("/yulan/baogao/")
        #expect(report.0 == 200)
        #expect(report.1.contains("不予公示"))
    }
}
