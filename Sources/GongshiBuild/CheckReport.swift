import Foundation
import GongshiContent
import GongshiModel
import GongshiRules

/// The result of `gongshi check`: findings (optionally of one department) and their counts.
public struct CheckReport: Sendable {
    public let date: LocalDate
    public let findings: [Finding]
    public let records: Int
    public let departments: [Department]

    public var errors: Int { findings.filter { $0.severity == .error || $0.severity == .fatal }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var infos: Int { findings.filter { $0.severity == .info }.count }

    /// Reads and judges the site. Throws ``SiteError`` when it cannot be judged at all.
    public static func make(site root: String, date: LocalDate, department: String? = nil) throws(SiteError) -> CheckReport {
        let site = try SiteReader.read(root: root, streaming: true)
        let judgement = Judge.judge(site, date: date, keepPublication: false)
        var findings = judgement.findings
        var records = judgement.rowsRead
        if let dept = department {
            guard site.departments.contains(where: { $0.code == dept }) else {
                let known = site.departments.map(\.code).joined(separator: "、")
                throw SiteError(file: "Content/departments.csv", message: "没有编码为「\(dept)」的部门（已有：\(known)）")
            }
            findings = findings.filter { $0.department == dept }
            records = judgement.rowsByDepartment[dept] ?? 0
        }
        return CheckReport(date: date, findings: findings, records: records, departments: site.departments)
    }

    /// The JSON object of SPEC §4, keys sorted, one object.
    public func json() -> String {
        var items: [[String: Any]] = []
        for f in findings {
            items.append(["rule": f.rule, "severity": f.severity.rawValue, "file": f.file, "line": f.line,
                          "key": f.key, "department": f.department, "message": f.message, "withholds": f.withholds])
        }
        let object: [String: Any] = [
            "date": date.description,
            "summary": ["errors": errors, "warnings": warnings, "infos": infos, "records": records],
            "findings": items,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The Chinese text report: grouped by department, then file, with line numbers; one summary line.
    public func text(color: Bool = false) -> String {
        var out = "gongshi check · 构建日期 \(date)（\(date.chinese)）\n"
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var groups: [String: [Finding]] = [:]
        for f in findings { groups[f.department, default: []].append(f) }
        let order = groups.keys.sorted { a, b in
            if a.isEmpty != b.isEmpty { return b.isEmpty }  // site-wide findings last
            return a < b
        }
        func paint(_ s: String, _ level: Finding.Level) -> String {
            guard color else { return s }
            switch level {
            case .error, .fatal: return "\u{1B}[31m\(s)\u{1B}[0m"
            case .warning: return "\u{1B}[33m\(s)\u{1B}[0m"
            case .info: return "\u{1B}[36m\(s)\u{1B}[0m"
            }
        }
        for dept in order {
            let list = groups[dept]!
            out += "\n"
            out += dept.isEmpty ? "■ 未对应到部门\n" : "■ \(names[dept] ?? dept)（\(dept)）\n"
            var byFile: [String: [Finding]] = [:]
            for f in list { byFile[f.file, default: []].append(f) }
            for file in byFile.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                out += "  \(file)\n"
                for f in byFile[file]! {
                    let line = f.line > 0 ? "第\(f.line)行" : "整个文件"
                    out += "    \(line.padding(toLength: 7, withPad: " ", startingAt: 0)) \(paint(f.severity.chinese, f.severity)) [\(f.rule)] \(f.message)\n"
                    if !f.key.isEmpty { out += "             记录：\(f.key)\n" }
                }
            }
        }
        if findings.isEmpty { out += "\n没有发现问题。\n" }
        out += "\n共检查 \(records) 条记录：错误 \(errors) 条，警告 \(warnings) 条，提示 \(infos) 条。\n"
        return out
    }
}
