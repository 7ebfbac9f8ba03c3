import Foundation
import GongshiContent
import GongshiModel
import GongshiRules

/// `gongshi ledger import FILE`: the publication dates of a previous system (CSV or `.xlsx` with 类型,
/// 机关, 文书号, 公示日期 — names or the national codes) appended to the ledger as 导入 events, so that
/// timeliness is judged from them (SPEC §8.3). It never rewrites an event, takes the site's lock, and
/// reports every row it cannot match to a record of the site's data.
public enum LedgerImport {
    /// What one import did.
    public struct Result: Sendable {
        public var imported: [LedgerEvent] = []
        /// Rows whose record the ledger already knows (公示 or 导入): left as they are.
        public var alreadyKnown = 0
        /// Rows not imported, with where they are and why.
        public var problems: [(place: String, message: String)] = []

        /// The Chinese report printed by the command.
        public func text(file: String) -> String {
            var s = "从 \(file) 导入原系统的公示日期：导入 \(imported.count) 条，已在台账中（未改动）\(alreadyKnown) 条，"
            s += "无法导入 \(problems.count) 条。\n"
            for p in problems.prefix(200) {
                s += "  \(DisplayText.terminalSafe(p.place))：\(DisplayText.terminalSafe(p.message))\n"
            }
            if problems.count > 200 { s += "  ……另有 \(problems.count - 200) 条\n" }
            if !imported.isEmpty { s += "台账 Content/ledger.csv 已追加 \(imported.count) 条「导入」事件；下次构建按这些日期评价公示时效。\n" }
            if alreadyKnown > 0 {
                s += "已在台账中的记录已有「公示」或「导入」事件（例如启用本站后首次构建记下的「导入」），台账只追加、从不改写，这些行未导入；原系统的公示日期应在启用后首次构建之前导入。\n"
            }
            return s
        }
    }

    /// One row of the import file, as read.
    struct Row {
        let place: String
        var kind = ""
        var authority = ""
        var document = ""
        var date = ""
        var serial: Double?
        var date1904 = false
        /// Why the row could not be read (an unterminated quote): reported as it is.
        var problem: String?
    }

    /// Header names of the four columns (compared like data headers).
    static let columns: [String: [String]] = [
        "类型": ["类型", "数据类型", "记录类型", "信息类型"],
        // The authority and the document number also under every header the schema accepts for them.
        "机关": ["机关", "决定机关"] + Field.licensingAuthority.headers(in: .xzxk)
            + Field.penaltyAuthority.headers(in: .xzcf),
        "文书号": ["文书号", "决定书文号", "决定文书号"] + Field.licenceDocumentNumber.headers(in: .xzxk)
            + Field.penaltyDocumentNumber.headers(in: .xzcf),
        "公示日期": ["公示日期", "首次公示日期", "发布日期", "公开日期", "上网日期"],
    ]

    public static func run(site: String, file path: String, today: LocalDate) throws(SiteError) -> Result {
        let shown = (path as NSString).lastPathComponent
        let rows = try readRows(path: path, shown: shown)
        let lock = try SiteLock.acquire(site: site)
        defer { lock?.release() }
        try Interruption.committing { () throws(SiteError) in
            try LedgerStore.recover(site: site, out: (site as NSString).appendingPathComponent("Public"))
        }
        let data = try SiteReader.read(root: site, streaming: true)
        let judgement = Judge.judge(data, date: today)
        let history = LedgerHistory(events: data.ledger, through: LocalDate(year: 9999, month: 12, day: 31) ?? today)
        let records = RecordIndex(judgement.publication)
        let departments = DepartmentIndex(data.departments)

        var result = Result()
        // Each key imported by this file: its event's position and the row it came from.
        var seen: [String: (index: Int, place: String)] = [:]
        for row in rows {
            if let problem = row.problem {
                result.problems.append((row.place, problem))
                continue
            }
            guard let kind = kind(row) else {
                result.problems.append((row.place, "类型「\(row.kind)」无法识别，应为 行政许可/xzxk 或 行政处罚/xzcf"))
                continue
            }
            guard let date = importedDate(row) else {
                result.problems.append((row.place, "公示日期「\(row.date)」不是有效日期"))
                continue
            }
            guard date <= today else {
                result.problems.append((row.place, "公示日期 \(date) 晚于今天 \(today)"))
                continue
            }
            switch records.match(kind: kind, authority: row.authority, document: row.document, departments: departments)
            {
            case .none(let why):
                result.problems.append((row.place, why))
            case .record(let key, let digest, let decided):
                if let d = decided, date < d {
                    result.problems.append((row.place, "公示日期 \(date) 早于决定日期 \(d)"))
                    continue
                }
                if let first = seen[key] {
                    // One record twice in the file: the earlier date is its first publication.
                    let other = result.imported[first.index]
                    if other.date != date {
                        result.problems.append(
                            (
                                row.place,
                                "与 \(first.place) 是同一记录，公示日期不同（\(other.date)、\(date)）：导入较早的 \(min(date, other.date))"
                            ))
                        if date < other.date {
                            result.imported[first.index] = LedgerEvent(
                                date: date, event: .imported, kind: kind, key: key, digest: digest)
                        }
                    }
                    continue
                }
                if history[key]?.firstPublished != nil {
                    result.alreadyKnown += 1
                    continue
                }
                seen[key] = (result.imported.count, row.place)
                result.imported.append(LedgerEvent(date: date, event: .imported, kind: kind, key: key, digest: digest))
            }
        }
        result.imported.sort { ($0.date, $0.key) < ($1.date, $1.key) }
        try LedgerStore.append(site: site, events: result.imported)
        return result
    }

    static func kind(_ row: Row) -> RecordKind? {
        switch RecordSchema.normalizeHeader(row.kind) {
        case "XZXK", "行政许可", "许可", "XK", "1": return .xzxk
        case "XZCF", "行政处罚", "处罚", "CF", "2": return .xzcf
        default: return nil
        }
    }

    static func importedDate(_ row: Row) -> LocalDate? {
        if let serial = row.serial, let text = XLSXReader.cellDate(serial: serial, date1904: row.date1904) {
            return LocalDate(parsing: text)
        }
        return LocalDate(parsing: row.date)
    }
}
