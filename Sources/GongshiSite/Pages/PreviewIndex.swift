import GongshiModel
import GongshiRules

/// `/yulan/` in the preview server: the department's findings with file and line, and the deadlines
/// of records not yet published. Never part of a public build.
public enum PreviewPart {
    public static func part(findings: [Finding]) -> RenderPart {
        RenderPart { r, index, out in try r.renderPreviewIndex(findings, out) }
    }
}

extension Renderer {
    func renderPreviewIndex(_ findings: [Finding], _ out: CountingSink) throws {
        let p = publication
        var ctx = context.page(path: "yulan/index.html", title: "预览：问题清单与公示截止日", section: "")
        ctx["robots"] = "noindex"
        let recordPaths = Dictionary(p.records.map { ($0.key, Views.recordPath($0)) }, uniquingKeysWith: { a, _ in a })
        let noticePaths = Dictionary(p.withdrawals.map { ($0.key, Views.noticePath($0)) }, uniquingKeysWith: { a, _ in a })
        ctx["findings"] = findings.map { f -> [String: Any] in
            var d: [String: Any] = ["rule": f.rule, "severity": f.severity.rawValue, "level": f.severity.chinese,
                                    "file": f.file, "line": f.line > 0 ? "第\(f.line)行" : "整个文件", "key": f.key, "message": f.message]
            if let path = recordPaths[f.key] ?? noticePaths[f.key] { d["path"] = path }
            return d
        }
        ctx["hasFindings"] = !findings.isEmpty
        ctx["counts"] = ["errors": findings.filter { $0.severity == .error }.count,
                         "warnings": findings.filter { $0.severity == .warning }.count,
                         "infos": findings.filter { $0.severity == .info }.count]
        ctx["upcoming"] = p.upcoming.map { u -> [String: Any] in
            var d: [String: Any] = ["key": u.key, "deadline": u.deadline.description, "file": u.file, "line": u.line]
            if let path = recordPaths[u.key] { d["path"] = path }
            if let left = try? p.calendar.workdays(after: p.date, through: u.deadline) { d["left"] = left }
            return d
        }
        ctx["hasUpcoming"] = !p.upcoming.isEmpty
        try page("preview", ctx, to: "yulan/index.html", out, sitemap: false)
    }
}
