import GongshiModel
import GongshiRules

extension Renderer {
    /// `/bumen/` and `/bumen/<编码>/` (paginated): a department's records, lists and feeds.
    func renderDepartments(_ index: SiteIndex, _ out: CountingSink) throws {
        let departments = publication.departments
        var overview: [TemplateObject] = []
        for d in departments {
            let g = index.byDepartment[d.code] ?? ([], [])
            let lic = g.records.filter { publication.records[$0].kind == .xzxk }.count
            overview.append([
                "name": d.name, "code": d.code, "path": Views.departmentPath(d.code),
                "licences": lic, "penalties": g.records.count - lic, "entries": g.entries.count,
            ])
        }
        var ctx = context.page(
            path: "bumen/index.html", title: "公示部门", section: "",
            description: "\(settings.region)各公示部门及其行政许可、行政处罚和名单信息。")
        ctx["departments"] = overview
        try page("departments", ctx, to: "bumen/index.html", out)

        for d in departments {
            let g = index.byDepartment[d.code] ?? ([], [])
            let folder = Views.departmentPath(d.code)
            let pages = Format.pages(g.records, size: settings.pagination)
            for (n, slice) in pages.enumerated() {
                let path = Format.pagePath(folder, n + 1) + "index.html"
                // Made of the department, its slice of records, its place among the pages, the total and
                // (the first page) the department's list entries.
                try keyedPage(
                    "department", to: path, index, out,
                    key: { b in
                        b.add(department: d)
                        for v in [n, pages.count, g.records.count] { b.add(v) }
                        b.add(records: Array(slice), index)
                        b.add(entries: n == 0 ? g.entries : [], index)
                    },
                    context: { departmentContext(d, g, n, Array(slice), pages: pages.count, path, index) })
            }
        }
    }

    func departmentContext(
        _ d: Department, _ g: (records: [Int], entries: [Int]), _ n: Int, _ slice: [Int], pages count: Int,
        _ path: String, _ index: SiteIndex
    ) -> TemplateObject {
        let folder = Views.departmentPath(d.code)
        var c = context.page(
            path: path, title: n == 0 ? d.name : "\(d.name)（第\(n + 1)页）", section: "", feeds: folder,
            description: "\(d.name)公示的行政许可、行政处罚和名单信息，可订阅或嵌入部门网站。")
        c["feedLabel"] = "订阅本部门的公示信息"
        var dept: TemplateObject = ["name": d.name, "code": d.code, "uscc": d.uscc, "website": d.website]
        let site = d.website.trimmingWhitespace()
        // Only http(s) addresses become links: a registry value must not smuggle in `javascript:`.
        if site.lowercased().hasPrefix("https://") || site.lowercased().hasPrefix("http://"),
            !site.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0.isWhitespace })
        {
            dept["websiteHref"] = site
        }
        c["department"] = dept
        c["rows"] = slice.map { index.rows[$0] }
        c["hasRows"] = !slice.isEmpty
        c["tableLabel"] = "\(d.name)的决定"
        c["total"] = g.records.count
        if n == 0 && !g.entries.isEmpty {
            c["entryTable"] =
                ["rows": g.entries.map { index.entryRows[$0] }, "tableLabel": "\(d.name)认定的名单"]
                as TemplateObject
        }
        c["feedURL"] = context.url(folder + "atom.xml")
        c["firstPage"] = n == 0
        let root = c.text("root") ?? "./"
        c["filterSources"] = [RecordKind.xzxk, .xzcf].map { root + FilterShards.folder($0) }.joined(
            separator: " ")
        c["filterDepartment"] = d.code
        c["filterCategoryLabel"] = "许可类别 / 处罚类别"
        c["filterTableClass"] = "in-department mixed-kinds"
        c["pageSize"] = settings.pagination
        if let pg = Format.pager(folder: folder, n: n + 1, count: count, root: c.text("root") ?? "./") {
            c["pager"] = pg
        }
        return c
    }
}
