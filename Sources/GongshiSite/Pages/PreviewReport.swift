import GongshiModel
import GongshiRules

extension Renderer {
    /// `/yulan/baogao/`: what a build of the preview's date publishes, updates, withdraws and withholds
    /// (the report `gongshi build` writes beside the ledger), with links to the records.
    func renderPreviewReport(withheld: [String: WithheldPage], _ out: CountingSink) throws {
        let p = publication
        let report = DailyReport(publication: p)
        var ctx = context.page(path: "yulan/baogao/index.html", title: "预览：构建报告", section: "")
        ctx["robots"] = "noindex"
        let paths = Dictionary(p.records.map { ($0.key, Views.recordPath($0)) }, uniquingKeysWith: { a, _ in a })
            .merging(p.withdrawals.map { ($0.key, Views.noticePath($0)) }, uniquingKeysWith: { a, _ in a })
            .merging(withheld.mapValues(\.path), uniquingKeysWith: { a, _ in a })
        let names = Dictionary(p.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        // A department's preview reports only its own records (the ledger holds every department's).
        let scope = context.preview?.department
        func rows(_ items: [DailyReport.Item]) -> [TemplateObject] {
            items.filter { scope == nil || $0.department == scope }.map { i in
                var d: TemplateObject = [
                    "kind": i.kind.title, "name": Views.masked(i.name),
                    "document": Views.masked(i.document), "key": Views.masked(i.key),
                    "department": names[i.department] ?? i.department,
                    "place": i.file.isEmpty
                        ? "" : Finding.place(file: i.file, sheet: i.sheet, line: i.line),
                ]
                if let path = paths[i.key] { d["path"] = path }
                return d
            }
        }
        ctx["sections"] = report.eventSections.map {
            let shown = rows($0.1)
            return ["heading": $0.0, "count": shown.count, "rows": shown, "empty": shown.isEmpty] as TemplateObject
        }
        ctx["withheldCount"] = report.withheldCount
        ctx["withheld"] = report.withheld.map { g -> TemplateObject in
            [
                "title": RuleTitles.title(g.rule), "rule": g.rule, "count": g.items.count, "rows": rows(g.items),
                "why": g.isError ? "数据有错误，请更正后重新构建" : "按公示规则不予公示",
            ]
        }
        ctx["reportDate"] = p.date.description
        try page("report", ctx, to: "yulan/baogao/index.html", out, sitemap: false)
    }
}
