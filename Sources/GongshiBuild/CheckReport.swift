import Foundation
import GongshiContent
import GongshiModel
import GongshiRules
import GongshiSite

/// The result of `gongshi check`: findings (optionally of one department) and their counts.
public struct CheckReport: Sendable {
    public let date: LocalDate
    public let findings: [Finding]
    public let records: Int
    public let departments: [Department]
    /// The department each data file carries the records of, when only one: the text report files a
    /// finding about the file itself (a title row, an unknown column) under it, not 未对应到部门.
    var fileOwners: [String: String] = [:]

    public var errors: Int { findings.filter { $0.severity == .error || $0.severity == .fatal }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var infos: Int { findings.filter { $0.severity == .info }.count }

    /// Reads and judges the site. Throws ``SiteError`` when it cannot be judged at all.
    /// - Parameters:
    ///   - department: a department's 编码, 名称 or alias: only its findings.
    ///   - severities: only findings of these levels (all when nil); the summary counts what is shown.
    public static func make(
        site root: String, date: LocalDate, department: String? = nil,
        severities: Set<Finding.Level>? = nil
    ) throws(SiteError) -> CheckReport {
        let site = try SiteReader.read(root: root, streaming: true)
        let judgement = Judge.judge(site, date: date, keepPublication: false)
        // Theme files that a build would refuse to publish (links out of the site, FIFOs …).
        var findings =
            judgement.findings + ThemeAssets.templateFindings(root: root) + ThemeAssets.scan(root: root).findings
        // Date values where the build gives none (the theme's syntax is the build's to report).
        if let theme = try? ThemeReader.read(root: root) {
            findings += TemplateDate.check(templates: theme.templates, undated: TemplateSet.undated)
            findings += ThemeReader.missingAssets(theme.templates, assets: Set(theme.assets.map(\.path)))
        }
        var records = judgement.rowsRead
        if let asked = department {
            let dept = try resolveDepartment(asked, in: site.departments)
            findings = judgement.findings(ofDepartment: dept.code)
            records = judgement.rowsByDepartment[dept.code] ?? 0
        }
        if let levels = severities {
            findings = findings.filter {
                levels.contains($0.severity) || ($0.severity == .fatal && levels.contains(.error))
            }
        }
        var report = CheckReport(date: date, findings: findings, records: records, departments: site.departments)
        var owners: [String: [String]] = [:]
        for (code, files) in judgement.filesByDepartment { for f in files { owners[f, default: []].append(code) } }
        report.fileOwners = owners.compactMapValues { $0.count == 1 ? $0[0] : nil }
        return report
    }

    /// The department a user named by 编码, 名称 or alias; a Chinese error listing the known ones otherwise.
    public static func resolveDepartment(_ asked: String, in departments: [Department]) throws(SiteError) -> Department
    {
        if let d = departments.first(where: { $0.code == asked }) ?? departments.first(where: { $0.isNamed(asked) }) {
            return d
        }
        let known = departments.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
        throw SiteError(file: "Content/departments.csv", message: "没有编码、名称或别名为「\(asked)」的部门（已有：\(known)）")
    }

    /// The JSON object of SPEC §4, keys sorted, one object. Written directly: JSONSerialization
    /// spends ~0.2 ms per finding, 20 s for the 100 000 findings of a header of 100 000 columns.
    public func json() -> String {
        var out = "{\n  \"date\" : \(Escape.json(date.description)),\n  \"findings\" : ["
        out.reserveCapacity(64 + findings.count * 256)
        for (i, f) in findings.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"department\" : \(Escape.json(f.department)),\n"
            if !f.entity.isEmpty { out += "      \"entity\" : \(Escape.json(f.entity)),\n" }
            out += "      \"file\" : \(Escape.json(f.file)),\n"
            out += "      \"key\" : \(Escape.json(f.key)),\n"
            out += "      \"line\" : \(f.line),\n"
            out += "      \"message\" : \(Escape.json(f.message)),\n"
            out += "      \"rule\" : \(Escape.json(f.rule)),\n"
            out += "      \"severity\" : \(Escape.json(f.severity.rawValue))"
            // A finding on a workbook names its sheet.
            if !f.sheet.isEmpty { out += ",\n      \"sheet\" : \(Escape.json(f.sheet))" }
            // The finding that keeps its record off the site (one per withheld record).
            out += ",\n      \"withholds\" : \(f.withholds)\n"
            out += "    }"
        }
        out += findings.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"summary\" : {\n    \"errors\" : \(errors),\n    \"infos\" : \(infos),\n"
        out += "    \"records\" : \(records),\n    \"warnings\" : \(warnings)\n  }\n}\n"
        return out
    }

    /// The group of the site's own files (calendars, registries, articles, templates): a webmaster's
    /// matter, not a department's. No department code is empty or starts with a NUL.
    static let siteFiles = "\u{0}site"

    /// The group of a finding with no department and no owning department: a data file's rows of no
    /// known department (""), or one of the site's own files.
    static func unowned(_ file: String) -> String {
        RecordKind.isInDataFolder(file) ? "" : siteFiles
    }

    /// The order of the report's groups: departments by code, then data of no department, then the
    /// site's own files.
    static func groupPrecedes(_ a: String, _ b: String) -> Bool {
        func rank(_ group: String) -> Int { group == siteFiles ? 2 : group.isEmpty ? 1 : 0 }
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b
    }

    /// The Chinese text report: errors first, then warnings, then notices; within each, by department
    /// and file, with line numbers; one summary line.
    public func text(color: Bool = false) -> String {
        var out = "gongshi check · 构建日期 \(date)（\(date.chinese)）\n"
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func paint(_ s: String, _ level: Finding.Level) -> String {
            guard color else { return s }
            switch level {
            case .error, .fatal: return "\u{1B}[31m\(s)\u{1B}[0m"
            case .warning: return "\u{1B}[33m\(s)\u{1B}[0m"
            case .info: return "\u{1B}[36m\(s)\u{1B}[0m"
            }
        }
        let levels: [(String, Set<Finding.Level>, Finding.Level)] = [
            ("错误（不予公示或须立即纠正）", [.fatal, .error], .error),
            ("警告（请核对）", [.warning], .warning),
            ("提示", [.info], .info),
        ]
        // Everything quoted from the site is made safe for a terminal: no control sequences.
        func safe(_ s: String) -> String { DisplayText.terminalSafe(s) }
        for (heading, members, level) in levels {
            let shown = findings.filter { members.contains($0.severity) }
            guard !shown.isEmpty else { continue }
            out += "\n" + paint("━━ \(heading)：\(shown.count) 条", level) + "\n"
            var groups: [String: [Finding]] = [:]
            for f in shown {
                groups[f.department.isEmpty ? fileOwners[f.file] ?? Self.unowned(f.file) : f.department, default: []]
                    .append(f)
            }
            let order = groups.keys.sorted(by: Self.groupPrecedes)
            for dept in order {
                let list = groups[dept] ?? []
                out +=
                    dept == Self.siteFiles
                    ? "■ 全站（节假日、部门名录、文章、模板等）\n"
                    : dept.isEmpty ? "■ 未对应到部门\n" : "■ \(safe(names[dept] ?? dept))（\(safe(dept))）\n"
                var byFile: [String: [Finding]] = [:]
                for f in list { byFile[f.file, default: []].append(f) }
                for file in byFile.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                    out += "  \(safe(file))\n"
                    let inFile = byFile[file] ?? []
                    // Under the file's heading a workbook's finding names the sheet and the row: [工作表] 第N行.
                    let places = inFile.map { f in
                        f.sheet.isEmpty ? f.lineText : "[\(safe(f.sheet))] \(f.lineText)"
                    }
                    // Padded by terminal columns, so 整个工作表 and 第12行 line up; 记录 sits under the severity.
                    let width = max(9, places.map(DisplayText.columns).max() ?? 0)
                    let recordIndent = String(repeating: " ", count: 4 + width + 1)
                    for (f, line) in zip(inFile, places) {
                        let place = DisplayText.padded(line, toColumns: width)
                        out +=
                            "    \(place) \(paint(f.severity.chinese, f.severity)) [\(safe(f.rule))] \(safe(f.message))\n"
                        if !f.key.isEmpty {
                            let entity = f.entity.isEmpty ? "" : "（\(safe(f.entity))）"
                            out += "\(recordIndent)记录：\(safe(DisplayText.cut(f.key, to: 200)))\(entity)\n"
                        }
                    }
                }
            }
        }
        if findings.isEmpty { out += "\n没有发现问题。\n" }
        out += "\n共检查 \(records) 条记录：错误 \(errors) 条，警告 \(warnings) 条，提示 \(infos) 条。\n"
        return out
    }
}
