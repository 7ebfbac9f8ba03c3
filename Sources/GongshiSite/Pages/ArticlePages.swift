import GongshiModel
import GongshiRules

extension Renderer {
    func renderArticles(_ index: SiteIndex, _ out: CountingSink) throws {
        // The /xinwen/ listing, paginated.
        let pages = Format.pages(index.articles, size: settings.pagination)
        for (n, slice) in pages.enumerated() {
            let path = Format.pagePath("xinwen/", n + 1) + "index.html"
            var ctx = context.page(
                path: path, title: n == 0 ? "信用动态" : "信用动态（第\(n + 1)页）", section: "xinwen/", feeds: "xinwen/",
                description: "\(settings.region)信用工作动态与每月红黑榜发布。")
            ctx["articles"] = slice.map(articleRow)
            ctx["empty"] = index.articles.isEmpty
            if let pg = Format.pager(folder: "xinwen/", n: n + 1, count: pages.count, root: ctx.text("root") ?? "./") {
                ctx["pager"] = pg
            }
            try page("articles", ctx, to: path, out)
        }
        for a in index.articles + index.pages {
            let path = a.path + "index.html"
            let section = a.section == .pages ? "" : "xinwen/"
            var ctx = context.page(path: path, title: a.title, section: section, description: a.summary)
            ctx["article"] = articleRow(a)
            ctx["body"] = Markdown.html(a.markdown, root: SiteContext.root(for: path))
            if a.isHonghei {
                let (redEntries, blackEntries) = hongheiEntries(month: a.month)
                let red = redEntries.map { index.entryRows[$0] }
                let black = blackEntries.map { index.entryRows[$0] }
                if !red.isEmpty { ctx["redTable"] = ["rows": red, "tableLabel": "红榜"] as TemplateObject }
                if !black.isEmpty { ctx["blackTable"] = ["rows": black, "tableLabel": "黑榜"] as TemplateObject }
                ctx["month"] = a.month
                ctx["monthChinese"] = monthChinese(a.month)
                try page("honghei", ctx, to: path, out)
            } else {
                try page(a.section == .pages ? "page" : "article", ctx, to: path, out)
            }
        }
    }

    /// The red and black list entries (indices) a 红黑榜 release of `month` shows: listed in that month and
    /// still public, in the publication's order.
    func hongheiEntries(month: String) -> (red: [Int], black: [Int]) {
        let entries = publication.listEntries
        let listed = entries.indices.filter { entries[$0].listedOn.monthString == month }
        return (listed.filter { entries[$0].isRed }, listed.filter { !entries[$0].isRed })
    }

    func articleRow(_ a: Article) -> TemplateObject {
        [
            "title": a.title, "path": a.path, "date": a.date?.description ?? "",
            "dateChinese": a.date?.chinese ?? "", "summary": a.summary, "honghei": a.isHonghei,
            "draft": a.isPreviewedDraft,
        ]
    }

    func monthChinese(_ month: String) -> String {
        let p = month.split(separator: "-")
        guard p.count == 2, let y = Int(p[0]), let m = Int(p[1]) else { return month }
        return "\(y)年\(m)月"
    }
}
