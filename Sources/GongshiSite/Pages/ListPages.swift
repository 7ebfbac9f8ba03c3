import GongshiModel
import GongshiRules

extension Renderer {
    /// `/hongmingdan/`, `/heimingdan/` and one page per list (paginated).
    func renderLists(_ index: SiteIndex, _ out: CountingSink) throws {
        for isRed in [true, false] {
            let folder = isRed ? "hongmingdan/" : "heimingdan/"
            let colour = Views.colour(isRed: isRed)
            let groups = index.lists.filter { $0.isRed == isRed }
            let path = folder + "index.html"
            var ctx = context.page(
                path: path, title: colour, section: folder, feeds: folder,
                description: "\(settings.region)\(colour)：\(groups.map(\.name).joined(separator: "、"))。")
            ctx["heading"] = colour
            ctx["isRed"] = isRed
            ctx["intro"] =
                isRed
                ? "守信激励对象名单。名单中的主体同时被列入有效黑名单的，不予展示。"
                : "失信惩戒对象名单。异议核实期间暂不展示；移出或期满后不再展示。"
            ctx["lists"] = groups.map { g -> TemplateObject in
                [
                    "name": g.name, "tableLabel": g.name, "path": Views.listPath(isRed: isRed, id: g.id),
                    "count": g.entities,
                    "department": g.department, "rows": g.entries.prefix(10).map { index.entryRows[$0] },
                    "more": g.entries.count > 10,
                ]
            }
            ctx["empty"] = groups.isEmpty
            try page("lists", ctx, to: path, out)
            for g in groups {
                let listFolder = Views.listPath(isRed: isRed, id: g.id)
                let pages = Format.pages(g.entries, size: settings.pagination)
                for (n, slice) in pages.enumerated() {
                    let p = Format.pagePath(listFolder, n + 1) + "index.html"
                    var c = context.page(
                        path: p, title: n == 0 ? g.name : "\(g.name)（第\(n + 1)页）", section: folder, feeds: folder,
                        description: "\(colour)「\(g.name)」，共 \(g.entities) 个主体，认定部门：\(g.department)。")
                    c["heading"] = g.name
                    c["colour"] = colour
                    c["colourPath"] = folder
                    c["isRed"] = isRed
                    c["total"] = g.entities
                    c["entries"] = g.entries.count
                    c["department"] = g.department
                    c["rows"] = slice.map { index.entryRows[$0] }
                    c["tableLabel"] = g.name
                    if let pg = Format.pager(
                        folder: listFolder, n: n + 1, count: pages.count, root: c.text("root") ?? "./")
                    {
                        c["pager"] = pg
                    }
                    try page("list", c, to: p, out)
                }
            }
        }
    }
}
