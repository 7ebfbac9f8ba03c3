import GongshiModel
import GongshiRules

/// Placeholder until the search index is written: the search page only.
public enum SearchIndexPart {
    public static let part = RenderPart { r, index, out in
        try r.renderSearch(index, out)
    }
}

extension Renderer {
    func renderSearch(_ index: SiteIndex, _ out: CountingSink) throws {
        let ctx = context.page(path: "sousuo/index.html", title: "搜索", section: "")
        try page("search", ctx, to: "sousuo/index.html", out)
    }
}
