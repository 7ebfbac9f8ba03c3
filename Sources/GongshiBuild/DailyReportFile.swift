import Foundation
import GongshiModel
import GongshiRules

/// The build report a webmaster forwards: `Content/baogao/YYYY-MM-DD.md`, beside the ledger, written
/// by every build that writes the ledger. It lists the ledger events of the date and what was withheld.
public enum DailyReportFile {
    /// `Content/baogao/2026-11-25.md`.
    public static func relativePath(for date: LocalDate) -> String { "Content/baogao/\(date).md" }

    /// The report as Markdown (tables a mail program or a Markdown viewer shows as they are).
    /// - Parameter unreadable: data files this build could not read: a withdrawn record no row has may
    ///   be in one of them rather than deleted.
    public static func markdown(
        _ report: DailyReport, siteTitle: String, departments: [Department], unreadable: [String] = []
    ) -> String {
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var s = "# \(siteTitle) · \(report.date.chinese)构建报告\n\n"
        s += "构建日期 \(report.date)：首次公示 \(report.published.count) 条，"
        if !report.republished.isEmpty { s += "撤回后重新公示 \(report.republished.count) 条，" }
        s += "更新 \(report.updated.count) 条，"
        s += "撤回 \(report.withdrawn.count) 条，"
        if !report.imported.isEmpty { s += "导入原系统已公示的记录 \(report.imported.count) 条，" }
        s += "不予公示 \(report.withheldCount) 条。"
        s += "以上各项与台账（Content/ledger.csv）中该日期的记录一致。\n"

        /// What the 数据位置 of a withdrawn item no row has says: deleted, unless a file of its kind could
        /// not be read.
        func missing(_ kind: RecordKind) -> String {
            let files = unreadable.filter { $0.hasPrefix("Content/\(kind.rawValue)/") }
            return files.isEmpty
                ? "数据中已无此记录（已删除）"
                : "数据中未找到：已删除，或在无法读取的文件中（\(files.joined(separator: "、"))，见 gongshi check）"
        }
        /// - Parameter withdrawn: the table of 撤回, whose items may be missing from the data.
        func table(_ items: [DailyReport.Item], withdrawn: Bool = false) -> String {
            var t = "| 类型 | 主体名称 | 文书号或名单 | 部门 | 记录键 | 数据位置 |\n|---|---|---|---|---|---|\n"
            for i in items {
                let dept = i.department.isEmpty ? "" : (names[i.department] ?? i.department)
                let place =
                    i.file.isEmpty
                    ? (withdrawn ? missing(i.kind) : "") : Finding.place(file: i.file, sheet: i.sheet, line: i.line)
                t +=
                    "| " + [i.kind.title, i.name, i.document, dept, i.key, place].map(cell).joined(separator: " | ")
                    + " |\n"
            }
            return t
        }
        for (title, items) in report.eventSections {
            let note = title == "撤回后重新公示" ? "：台账记为公示，首次公示日期不变" : ""
            s += "\n## \(title)（\(items.count) 条）\(note)\n\n"
            // A withdrawn key no row has any more: the department deleted it from its export.
            s += items.isEmpty ? "无。\n" : table(items, withdrawn: title == "撤回")
        }
        if !report.imported.isEmpty {
            s += "\n## 导入（\(report.imported.count) 条）：本站启用前由原系统公示，公示日期不详\n\n" + table(report.imported)
        }
        s += "\n## 不予公示（\(report.withheldCount) 条）\n\n"
        if report.withheld.isEmpty { s += "无。\n" }
        for g in report.withheld {
            let why = g.isError ? DailyReportFile.errorAdvice[g.rule] ?? "数据有错误，请相关部门更正后重新构建" : "按公示规则不予公示"
            s += "### \(RuleTitles.title(g.rule))（\(g.rule)）\(g.items.count) 条：\(why)\n\n"
            s += table(g.items) + "\n"
        }
        s += "\n详细原因和修改方法：`gongshi check --date \(report.date)`。\n"
        return s
    }

    /// What to do about rows an error withholds, where the data is not what is wrong, by rule id: each
    /// rule's own ``RuleInfo/reportAdvice`` (red-black-conflict: revoke the 荣誉).
    static let errorAdvice = Dictionary(
        allRules.compactMap { info in info.reportAdvice.map { (info.id, $0) } }, uniquingKeysWith: { a, _ in a })

    /// A table cell: one line, pipes escaped. Replaced on bytes (a cell with nothing to replace is
    /// returned as it is), not by Foundation's search: a province's report has a million cells.
    static func cell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\r", with: " ").replacingAll("\n", with: " ")
    }

    /// Writes the report beside the ledger (replacing one of the same date: a later build of the same
    /// date knows all of that date's events); returns its path relative to the site.
    public static func write(
        _ report: DailyReport, site: String, siteTitle: String,
        departments: [Department], unreadable: [String] = []
    ) throws(SiteError) -> String {
        let rel = relativePath(for: report.date)
        let path = (site as NSString).appendingPathComponent(rel)
        let text = markdown(report, siteTitle: siteTitle, departments: departments, unreadable: unreadable)
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SiteError(file: rel, message: "无法写入构建报告：\(error.localizedDescription)。请检查 Content/ 文件夹的写入权限和磁盘空间")
        }
        return rel
    }
}
