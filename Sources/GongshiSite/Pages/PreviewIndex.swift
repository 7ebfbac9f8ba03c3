import GongshiModel
import GongshiRules

/// `/yulan/` in the preview server: the department's findings grouped by severity (errors first),
/// each with its Chinese name, file and line and a link to its record, the deadlines of records not yet
/// published, and `/yulan/baogao/`, the report of what a build of this date publishes and withholds.
/// Never part of a public build.
public enum PreviewPart {
    public static func part(findings: [Finding]) -> RenderPart {
        RenderPart { r, index, out in
            // Where each withheld record's preview page is: worked out once, linked from all three.
            let withheld = r.withheldPages()
            try r.renderPreviewIndex(findings, withheld: withheld, out)
            try r.renderPreviewReport(withheld: withheld, out)
            try r.renderWithheldPreviews(withheld, out)
        }
    }
}

extension Renderer {
    func renderPreviewIndex(_ findings: [Finding], withheld: [String: WithheldPage], _ out: CountingSink) throws {
        let p = publication
        var ctx = context.page(path: "yulan/index.html", title: "预览：问题清单与公示期限", section: "")
        ctx["robots"] = "noindex"
        let recordPaths = Dictionary(p.records.map { ($0.key, Views.recordPath($0)) }, uniquingKeysWith: { a, _ in a })
        var noticePaths = Dictionary(
            p.withdrawals.map { ($0.key, Views.noticePath($0)) }, uniquingKeysWith: { a, _ in a })
        for (key, page) in withheld where noticePaths[key] == nil { noticePaths[key] = page.path }
        func row(_ f: Finding) -> TemplateObject {
            var d: TemplateObject = [
                "rule": f.rule, "title": RuleTitles.title(f.rule), "severity": f.severity.rawValue,
                "level": f.severity.chinese, "file": Finding.place(file: f.file, sheet: f.sheet),
                "line": f.lineText,
                "key": Views.masked(f.key), "entity": Views.masked(f.entity),
                "message": Views.message(f),
            ]
            if let path = recordPaths[f.key] ?? noticePaths[f.key] { d["path"] = path }
            return d
        }
        let groups: [(String, String, [Finding.Level])] = [
            ("errors", "错误：不予公示或须立即纠正", [.fatal, .error]),
            ("warnings", "警告：请核对", [.warning]),
            ("infos", "提示", [.info]),
        ]
        ctx["groups"] = groups.compactMap { id, heading, levels -> TemplateObject? in
            let list = findings.filter { levels.contains($0.severity) }
            guard !list.isEmpty else { return nil }
            return ["id": id, "heading": heading, "count": list.count, "findings": list.map(row)]
        }
        ctx["hasFindings"] = !findings.isEmpty
        ctx["counts"] =
            [
                "errors": findings.filter { $0.severity == .error || $0.severity == .fatal }.count,
                "warnings": findings.filter { $0.severity == .warning }.count,
                "infos": findings.filter { $0.severity == .info }.count,
            ] as TemplateObject
        ctx["upcoming"] = p.upcoming.map { u -> TemplateObject in
            var d: TemplateObject = [
                "key": Views.masked(u.key),
                "entity": Views.masked(u.entity.isEmpty ? u.key : u.entity),
                "document": Views.masked(u.document),
                "deadline": u.deadline.description, "file": u.file, "line": u.line,
            ]
            if let path = recordPaths[u.key] { d["path"] = path }
            if let left = try? p.calendar.workdays(after: p.date, through: u.deadline) { d["left"] = left }
            return d
        }
        ctx["hasUpcoming"] = !p.upcoming.isEmpty
        ctx["deadlineWorkdays"] = settings.deadlineWorkdays
        try page("preview", ctx, to: "yulan/index.html", out, sitemap: false)
    }
}
