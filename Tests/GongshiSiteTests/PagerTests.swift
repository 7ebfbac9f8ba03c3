import Testing

@testable import GongshiSite

@Suite("Pagination of listings")
struct PagerTests {
    /// The pager's links as text: `3*` is the current page, `…` a gap.
    static func links(_ p: TemplateObject?) -> [String] {
        guard case .list(let items) = p?.value("items") else { return [] }
        return items.map { item -> String in
            guard case .object(let o) = item else { return "?" }
            if o.value("gap") == .flag(true) { return "…" }
            guard case .number(let n) = o.value("number") else { return "?" }
            return o.value("current") == .flag(true) ? "\(n)*" : "\(n)"
        }
    }

    @Test func itemsAreCutIntoPagesAndAnEmptyListIsOneEmptyPage() {
        #expect(Format.pages([Int](), size: 20).map(\.count) == [0])
        #expect(Format.pages(Array(0..<45), size: 20).map(\.count) == [20, 20, 5])
        #expect(Format.pages(Array(0..<40), size: 20).map(\.count) == [20, 20])
        #expect(Format.pages(Array(0..<45), size: 20)[2].first == 40)
    }

    @Test func theFirstPageIsTheFolderAndLaterPagesArePageN() {
        #expect(Format.pagePath("xzxk/", 1) == "xzxk/")
        #expect(Format.pagePath("xzxk/", 2) == "xzxk/page/2/")
        #expect(Format.pagePath("bumen/scjgj/", 12) == "bumen/scjgj/page/12/")
    }

    @Test func oneEmptyOrFullPageHasNoPager() {
        #expect(Format.pager(folder: "xzxk/", n: 1, count: 1, root: "../") == nil)
    }

    @Test func thePagerShowsTheEndsAndTwoPagesEachSideWithGaps() {
        let first = Format.pager(folder: "xzxk/", n: 1, count: 10, root: "../")
        #expect(Self.links(first) == ["1*", "2", "3", "…", "10"])
        #expect(first?.value("prev") == nil)
        #expect(first?.text("next") == "../xzxk/page/2/")
        #expect(first?.value("page") == .number(1) && first?.value("count") == .number(10))

        let middle = Format.pager(folder: "xzxk/", n: 5, count: 10, root: "../")
        #expect(Self.links(middle) == ["1", "…", "3", "4", "5*", "6", "7", "…", "10"])
        #expect(middle?.text("prev") == "../xzxk/page/4/")
        #expect(middle?.text("next") == "../xzxk/page/6/")

        // No gap where the window touches an end.
        #expect(
            Self.links(Format.pager(folder: "xzxk/", n: 3, count: 10, root: "./")) == [
                "1", "2", "3*", "4", "5", "…", "10",
            ])
        let last = Format.pager(folder: "xzxk/", n: 10, count: 10, root: "./")
        #expect(Self.links(last) == ["1", "…", "8", "9", "10*"])
        #expect(last?.text("prev") == "./xzxk/page/9/")
        #expect(last?.value("next") == nil)
        // Page 2 goes back to the folder itself, not to page/1/.
        #expect(Format.pager(folder: "xzxk/", n: 2, count: 3, root: "../../")?.text("prev") == "../../xzxk/")
    }

    @Test func theThemeRendersThePager() throws {
        let (renderer, _) = try SiteFixture().renderer()
        let ctx: TemplateObject = ["pager": Format.pager(folder: "xzcf/", n: 2, count: 3, root: "../../") ?? [:]]
        let html = renderer.templates.render("pager", ctx)
        #expect(html.contains("<a href=\"../../xzcf/\" rel=\"prev\">上一页</a>"))
        #expect(html.contains("<a href=\"../../xzcf/page/2/\" aria-current=\"page\">2</a>"))
        #expect(html.contains("<a href=\"../../xzcf/page/3/\" rel=\"next\">下一页</a>"))
        #expect(html.contains("第 2 页，共 3 页"))
    }
}
