import GongshiContent
import GongshiModel
import GongshiRules

extension Renderer {
    /// `/xzxk/` and `/xzcf/`, newest first, paginated (`/xzxk/page/2/`).
    func renderListings(_ index: SiteIndex, _ out: CountingSink) throws {
        for kind in [RecordKind.xzxk, .xzcf] {
            let items = index.byKind[kind] ?? []
            let folder = kind.rawValue + "/"
            let pages = Format.pages(items, size: settings.pagination)
            let jobs = Array(pages.enumerated())
            let errs = ParallelMap.map(jobs.map { ($0.offset, Array($0.element)) }) { n, slice -> String? in
                do {
                    let path = Format.pagePath(folder, n + 1) + "index.html"
                    let title = n == 0 ? kind.title : "\(kind.title)（第\(n + 1)页）"
                    var ctx = self.context.page(path: path, title: title, section: folder, feeds: folder,
                                                description: "\(self.settings.region)\(kind.title)信息公示，共 \(items.count) 条，按公示时间从新到旧排列。")
                    ctx["heading"] = kind.title
                    ctx["intro"] = kind == .xzxk
                        ? "行政许可决定自作出之日起7个工作日内公示。"
                        : "行政处罚决定自作出之日起7个工作日内公示，公示期满或信用修复后不再公示。"
                    ctx["total"] = items.count
                    ctx["isPenalty"] = kind == .xzcf
                    ctx["rows"] = slice.map { index.rows[$0] }
                    ctx["tableLabel"] = kind.title
                    ctx["empty"] = items.isEmpty
                    ctx["dataCSV"] = "data/\(kind.rawValue).csv"
                    ctx["dataJSON"] = "data/\(kind.rawValue).json"
                    if let p = Format.pager(folder: folder, n: n + 1, count: pages.count, root: ctx["root"] as! String) { ctx["pager"] = p }
                    try self.page("listing", ctx, to: path, out)
                    return nil
                } catch { return "\(error)" }
            }
            if let e = errs.compactMap({ $0 }).first { throw RenderError(message: e) }
        }
    }

    /// `/hongmingdan/`, `/heimingdan/` and one page per list (paginated).
    func renderLists(_ index: SiteIndex, _ out: CountingSink) throws {
        for isRed in [true, false] {
            let folder = isRed ? "hongmingdan/" : "heimingdan/"
            let colour = isRed ? "红名单" : "黑名单"
            let groups = index.lists.filter { $0.isRed == isRed }
            let path = folder + "index.html"
            var ctx = context.page(path: path, title: colour, section: folder, feeds: folder,
                                   description: "\(settings.region)\(colour)：\(groups.map(\.name).joined(separator: "、"))。")
            ctx["heading"] = colour
            ctx["isRed"] = isRed
            ctx["intro"] = isRed
                ? "守信激励对象名单。名单中的主体同时被列入有效黑名单的，不予展示。"
                : "失信惩戒对象名单。异议核实期间暂不展示；移出或期满后不再展示。"
            ctx["lists"] = groups.map { g -> [String: Any] in
                ["name": g.name, "tableLabel": g.name, "path": Views.listPath(isRed: isRed, id: g.id), "count": g.entries.count,
                 "department": g.department, "rows": g.entries.prefix(10).map { index.entryRows[$0] },
                 "more": g.entries.count > 10]
            }
            ctx["empty"] = groups.isEmpty
            try page("lists", ctx, to: path, out)
            for g in groups {
                let listFolder = Views.listPath(isRed: isRed, id: g.id)
                let pages = Format.pages(g.entries, size: settings.pagination)
                for (n, slice) in pages.enumerated() {
                    let p = Format.pagePath(listFolder, n + 1) + "index.html"
                    var c = context.page(path: p, title: n == 0 ? g.name : "\(g.name)（第\(n + 1)页）", section: folder, feeds: folder,
                                         description: "\(colour)「\(g.name)」，共 \(g.entries.count) 个主体，认定部门：\(g.department)。")
                    c["heading"] = g.name
                    c["colour"] = colour
                    c["colourPath"] = folder
                    c["isRed"] = isRed
                    c["total"] = g.entries.count
                    c["department"] = g.department
                    c["rows"] = slice.map { index.entryRows[$0] }
                    c["tableLabel"] = g.name
                    if let pg = Format.pager(folder: listFolder, n: n + 1, count: pages.count, root: c["root"] as! String) { c["pager"] = pg }
                    try page("list", c, to: p, out)
                }
            }
        }
    }

    /// `/zhuti/<统一社会信用代码>/`: every public record and list entry of an entity.
    func entityJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        let codes = index.entityOrder
        let chunks = stride(from: 0, to: codes.count, by: 200).map { Array(codes[$0..<min($0 + 200, codes.count)]) }
        return chunks.map { chunk in
            {
                for code in chunk {
                    let group = index.byEntity[code]!
                    let records = group.records.map { self.publication.records[$0] }
                    let entries = group.entries.map { self.publication.listEntries[$0] }
                    let name = records.first?.entityName ?? entries.first?.entityName ?? code
                    let path = Views.entityPath(code) + "index.html"
                    var ctx = self.context.page(path: path, title: "\(name) 信用信息", section: "",
                                                description: "\(name)（统一社会信用代码 \(code)）的行政许可、行政处罚和红黑名单信息。")
                    ctx["entityName"] = name
                    ctx["entityCode"] = code
                    let lic = group.records.filter { self.publication.records[$0].kind == .xzxk }.map { index.rows[$0] }
                    let pen = group.records.filter { self.publication.records[$0].kind == .xzcf }.map { index.rows[$0] }
                    let red = group.entries.filter { self.publication.listEntries[$0].isRed }.map { index.entryRows[$0] }
                    let black = group.entries.filter { !self.publication.listEntries[$0].isRed }.map { index.entryRows[$0] }
                    func table(_ rows: [[String: Any]], _ label: String) -> [String: Any]? {
                        rows.isEmpty ? nil : ["rows": rows, "tableLabel": label]
                    }
                    ctx["licenceTable"] = table(lic, "行政许可")
                    ctx["penaltyTable"] = table(pen, "行政处罚")
                    ctx["redTable"] = table(red, "红名单")
                    ctx["blackTable"] = table(black, "黑名单")
                    ctx["counts"] = ["licences": lic.count, "penalties": pen.count,
                                     "red": entries.filter(\.isRed).count, "black": entries.filter { !$0.isRed }.count]
                    if let legal = records.first?.fields.first(where: { $0.name == "法定代表人" && !$0.value.isEmpty })?.value {
                        ctx["legalRepresentative"] = legal
                    }
                    try self.page("entity", ctx, to: path, out)
                }
            }
        }
    }

    /// `/bumen/` and `/bumen/<编码>/` (paginated): a department's records, lists and feeds.
    func renderDepartments(_ index: SiteIndex, _ out: CountingSink) throws {
        let departments = publication.departments
        var overview: [[String: Any]] = []
        for d in departments {
            let g = index.byDepartment[d.code] ?? ([], [])
            let lic = g.records.filter { publication.records[$0].kind == .xzxk }.count
            overview.append(["name": d.name, "code": d.code, "path": Views.departmentPath(d.code),
                             "licences": lic, "penalties": g.records.count - lic, "entries": g.entries.count])
        }
        var ctx = context.page(path: "bumen/index.html", title: "公示部门", section: "",
                               description: "\(settings.region)各公示部门及其行政许可、行政处罚和名单信息。")
        ctx["departments"] = overview
        try page("departments", ctx, to: "bumen/index.html", out)

        for d in departments {
            let g = index.byDepartment[d.code] ?? ([], [])
            let folder = Views.departmentPath(d.code)
            let pages = Format.pages(g.records, size: settings.pagination)
            for (n, slice) in pages.enumerated() {
                let path = Format.pagePath(folder, n + 1) + "index.html"
                var c = context.page(path: path, title: n == 0 ? d.name : "\(d.name)（第\(n + 1)页）", section: "", feeds: folder,
                                     description: "\(d.name)公示的行政许可、行政处罚和名单信息，可订阅或嵌入部门网站。")
                var dept: [String: Any] = ["name": d.name, "code": d.code, "uscc": d.uscc, "website": d.website]
                let site = d.website.trimmingWhitespace()
                // Only http(s) addresses become links: a registry value must not smuggle in `javascript:`.
                if (site.lowercased().hasPrefix("https://") || site.lowercased().hasPrefix("http://")),
                   !site.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0.isWhitespace }) {
                    dept["websiteHref"] = site
                }
                c["department"] = dept
                c["rows"] = slice.map { index.rows[$0] }
                c["hasRows"] = !slice.isEmpty
                c["tableLabel"] = "\(d.name)的决定"
                c["total"] = g.records.count
                if n == 0 && !g.entries.isEmpty {
                    c["entryTable"] = ["rows": g.entries.map { index.entryRows[$0] }, "tableLabel": "\(d.name)认定的名单"] as [String: Any]
                }
                c["feedURL"] = context.url(folder + "atom.xml")
                c["firstPage"] = n == 0
                if let pg = Format.pager(folder: folder, n: n + 1, count: pages.count, root: c["root"] as! String) { c["pager"] = pg }
                try page("department", c, to: path, out)
            }
        }
    }
}
