import GongshiModel
import GongshiRules

extension Renderer {
    /// `/xzxk/` and `/xzcf/`, newest first, paginated (`/xzxk/page/2/`): one job per page.
    func listingJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        var jobs: [Job] = []
        for kind in [RecordKind.xzxk, .xzcf] {
            let items = index.byKind[kind] ?? []
            let pages = Format.pages(items, size: settings.pagination)
            for (n, slice) in pages.enumerated() {
                jobs.append {
                    try self.renderListingPage(
                        kind, n + 1, of: pages.count, Array(slice), total: items.count, index, out)
                }
            }
        }
        return jobs
    }

    func renderListingPage(
        _ kind: RecordKind, _ n: Int, of count: Int, _ slice: [Int], total: Int,
        _ index: SiteIndex, _ out: CountingSink
    ) throws {
        let folder = kind.rawValue + "/"
        let path = Format.pagePath(folder, n) + "index.html"
        // Made of its slice of records, its place among the pages and the kind's total.
        try keyedPage(
            "listing", to: path, index, out,
            key: { b in
                for v in [n, count, total] { b.add(v) }
                b.add(records: slice, index)
            },
            context: { listingContext(kind, n, of: count, slice, total: total, index, path) })
    }

    func listingContext(
        _ kind: RecordKind, _ n: Int, of count: Int, _ slice: [Int], total: Int, _ index: SiteIndex, _ path: String
    ) -> TemplateObject {
        let folder = kind.rawValue + "/"
        let title = n == 1 ? kind.title : "\(kind.title)（第\(n)页）"
        var ctx = context.page(
            path: path, title: title, section: folder, feeds: folder,
            description: "\(settings.region)\(kind.title)信息公示，共 \(total) 条，按公示时间从新到旧排列。")
        ctx["heading"] = kind.title
        ctx["intro"] =
            kind == .xzxk
            ? "行政许可决定自作出之日起7个工作日内公示。"
            : "行政处罚决定自作出之日起7个工作日内公示，公示期满或信用修复后不再公示。"
        ctx["total"] = total
        ctx["isPenalty"] = kind == .xzcf
        ctx["rows"] = slice.map { index.rows[$0] }
        ctx["tableLabel"] = kind.title
        ctx["empty"] = total == 0
        ctx["dataXLSX"] = "data/\(kind.rawValue).xlsx"
        ctx["dataCSV"] = "data/\(kind.rawValue).csv"
        ctx["dataJSON"] = "data/\(kind.rawValue).json"
        let root = ctx.text("root") ?? "./"
        ctx["filterSources"] = root + FilterShards.folder(kind)
        ctx["filterCategoryLabel"] = (kind == .xzcf ? Field.penaltyKinds : .licenceCategory).name
        ctx["pageSize"] = settings.pagination
        if let p = Format.pager(folder: folder, n: n, count: count, root: root) { ctx["pager"] = p }
        return ctx
    }
}
