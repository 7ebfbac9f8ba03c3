import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A record withheld for an error keeps a page in the preview: why, what to fix, its deadline, the row.
@Suite("withheld records in the preview")
struct WithheldPreviewTests {
    @Test func aBrokenRowKeepsAPreviewPageAndThePublicBuildHasNone() async throws {
        let site = try Gongshi.site("basic")
        // The fixture's penalty 周市监罚〔2026〕8号 has an invalid code: withheld for an error.
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        #expect(r.stdout.contains("invalid-uscc"))

        let preview = try PreviewProcess(site: site, arguments: ["--department", "区市场监管局"])
        let index = await preview.waitFor("/yulan/")
        #expect(index.0 == 200)
        // The preview index links the withheld record's page.
        guard
            let range = index.1.range(
                of: #"href="[^"]*(xzcf/[a-z0-9-]+/)"[^>]*>xzcf:区市场监管局:周市监罚〔2026〕8号"#,
                options: .regularExpression)
        else {
            Issue.record("no link to the withheld record on /yulan/")
            return
        }
        let link = String(index.1[range])
        let path = String(link[link.range(of: #"xzcf/[a-z0-9-]+/"#, options: .regularExpression)!])
        let page = await preview.get("/" + path)
        #expect(page.0 == 200)
        #expect(page.1.contains("未公示"))
        #expect(page.1.contains("统一社会信用代码无效"))
        #expect(page.1.contains("读取到的数据"))
        #expect(page.1.contains("最迟公示日期"))

        // A record the ledger does not know yet: the preview does not say it was published.
        let listing = await preview.get("/xzxk/")
        if let link = listing.1.range(of: #"xzxk/scjgj-[a-z0-9]+/(?="[^>]*>周村测试乙建材)"#, options: .regularExpression) {
            let pending = await preview.get("/" + String(listing.1[link]))
            #expect(pending.1.contains("尚未公示（今天构建时将首次公示）"))
        } else {
            Issue.record("no link to 周村测试乙建材有限公司 on the preview's /xzxk/")
        }

        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger", "--quiet"])
        #expect(build.status == 0)
        #expect(!FileManager.default.fileExists(atPath: site + "/Public/" + path + "index.html"))
    }
}
