import Foundation
import GongshiContent
import Testing

@testable import GongshiSite

@Suite("A public (non-preview) build carries no preview-only text")
struct PublicBuildTests {
    @Test func noPageOfAPublicBuildSaysPreviewOnly() throws {
        var f = SiteFixture()
        f.penalties = [SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号")]
        let sink = try f.render()
        let pages = sink.paths.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 5)
        // The record page, where the preview shows the latest publication date.
        let recordPages = pages.filter { $0.hasPrefix("xzcf/") && (sink.text($0) ?? "").contains("<dl") }
        #expect(!recordPages.isEmpty)
        for path in pages {
            let page = sink.text(path) ?? ""
            #expect(!page.contains("仅预览可见"), "\(path)")
        }
    }
}
