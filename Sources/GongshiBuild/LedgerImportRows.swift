import Foundation
import GongshiContent
import GongshiModel
import GongshiRules

extension LedgerImport {
    /// The rows of a CSV file or of every worksheet of a workbook, by the four column names.
    static func readRows(path: String, shown: String) throws(SiteError) -> [Row] {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "xls" {
            throw SiteError(file: shown, message: "这是旧版 Excel（.xls）文件，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）后再导入")
        }
        var rows: [Row] = []
        var header: [String: Int] = [:]
        var sheet = ""
        var date1904 = false
        var inferredKind = ""
        func cell(_ cells: [String], _ name: String) -> String {
            guard let i = header[name], i < cells.count else { return "" }
            return cells[i].trimmingWhitespace()
        }
        /// Takes a header row; false when the row names none of the columns.
        func takeHeader(_ cells: [String]) -> Bool {
            header = [:]
            for (i, raw) in cells.enumerated() {
                let h = RecordSchema.normalizeHeader(raw)
                for (name, aliases) in columns
                where header[name] == nil && aliases.contains(where: { RecordSchema.normalizeHeader($0) == h }) {
                    header[name] = i
                }
            }
            return header["文书号"] != nil && header["公示日期"] != nil
        }
        func add(_ line: Int, _ cells: [String], _ numbers: [Double?]) {
            guard cells.contains(where: { !$0.trimmingWhitespace().isEmpty }) else { return }
            var kind = cell(cells, "类型")
            // Without a 类型 column, the national code of the number column says which kind it is.
            if kind.isEmpty { kind = inferredKind }
            let dateIndex = header["公示日期"] ?? -1
            let serial = dateIndex >= 0 && dateIndex < numbers.count ? numbers[dateIndex] : nil
            rows.append(
                Row(
                    place: Finding.place(file: shown, sheet: sheet, line: line), kind: kind,
                    authority: cell(cells, "机关"), document: cell(cells, "文书号"), date: cell(cells, "公示日期"),
                    serial: serial, date1904: date1904))
        }
        func inferKind(_ cells: [String]) {
            let names = Set(cells.map { RecordSchema.normalizeHeader($0) })
            func has(_ field: Field, _ kind: RecordKind) -> Bool {
                field.headers(in: kind).contains { names.contains(RecordSchema.normalizeHeader($0)) }
            }
            inferredKind =
                has(.licenceDocumentNumber, .xzxk) ? "xzxk" : has(.penaltyDocumentNumber, .xzcf) ? "xzcf" : ""
        }
        do {
            if ext == "xlsx" {
                var waiting = true
                try XLSXReader.read(path: path) { event in
                    switch event {
                    case .sheet(let name, _, let is1904):
                        sheet = name
                        date1904 = is1904
                        waiting = true
                    case .row(let r):
                        if waiting {
                            if takeHeader(r.cells) {
                                waiting = false
                                inferKind(r.cells)
                            }
                            return
                        }
                        add(r.line, r.cells, r.numbers)
                    case .merges:
                        break  // an import lists one record a row: a merged range is not read into others
                    }
                }
            } else {
                var first = true
                try CSVReader.read(path: path) { row in
                    if first {
                        first = false
                        guard takeHeader(row.fields) else {
                            throw SiteError(
                                file: shown, line: row.line,
                                message: "表头应有「文书号」和「公示日期」列（可另有「类型」「机关」，或用 XK_WSH / CF_WSH 等代码）")
                        }
                        inferKind(row.fields)
                        return
                    }
                    if let problem = row.problem {
                        rows.append(Row(place: "\(shown) 第\(row.line)行", problem: problem))
                        return
                    }
                    add(row.line, row.fields, [])
                }
            }
        } catch let e as SiteError {
            throw e
        } catch let e as CSVFileError {
            throw SiteError(file: shown, line: e.line, message: e.message)
        } catch let e as XLSXError {
            throw SiteError(file: shown, message: (e.sheet.isEmpty ? "" : "[\(e.sheet)] ") + e.message)
        } catch {
            throw SiteError(file: shown, message: IOFailure.describe(error, path: path, doing: "读取"))
        }
        return rows
    }
}

/// The records of the site's data by kind and 文书号, to match the rows of an import against.
struct RecordIndex {
    struct Candidate {
        let key: String
        let authority: String
        let department: String
        let digest: String
        let decided: LocalDate?
    }

    enum Match {
        case record(key: String, digest: String, decided: LocalDate?)
        case none(String)
    }

    private var byDocument: [String: [Candidate]] = [:]

    init(_ p: Publication) {
        // A revoked record is both a withdrawal notice and a withheld row: one candidate.
        var added = Set<String>()
        func add(_ kind: RecordKind, _ key: String, _ department: String, _ digest: String, _ decided: LocalDate?) {
            guard added.insert(key).inserted, let (authority, document) = RecordContext.keyParts(key) else { return }
            let c = Candidate(key: key, authority: authority, department: department, digest: digest, decided: decided)
            byDocument[kind.rawValue + "|" + DocumentNumber.normalize(document), default: []].append(c)
        }
        for r in p.records { add(r.kind, r.key, r.department.code, r.digest, r.decisionDate) }
        for n in p.withdrawals { add(n.kind, n.key, n.department.code, n.digest, n.decisionDate) }
        for w in p.withheld where w.kind != .mingdan { add(w.kind, w.key, w.department, "", w.decided) }
    }

    /// The record a row names: the same kind and 文书号, and the same authority (by name, or by the
    /// department its name, alias, 统一社会信用代码 or closest name stands for).
    func match(kind: RecordKind, authority: String, document: String, departments: DepartmentIndex) -> Match {
        guard !document.isEmpty else { return .none("缺少文书号") }
        let candidates = byDocument[kind.rawValue + "|" + DocumentNumber.normalize(document)] ?? []
        guard !candidates.isEmpty else { return .none("数据中没有\(kind.title)「\(document)」") }
        if let c = candidates.first(where: { $0.authority == authority }) {
            return .record(key: c.key, digest: c.digest, decided: c.decided)
        }
        // By name or alias, by the department's 统一社会信用代码 (SPEC §1.2), else the closest name.
        let dept =
            departments.byName[authority]?.code ?? departments.byCode[Field.foldedCode(authority)]?.code
            ?? departments.closest(to: authority)?.code
        let same = candidates.filter { (dept != nil && $0.department == dept) || authority.isEmpty }
        if same.count == 1, let c = same.first { return .record(key: c.key, digest: c.digest, decided: c.decided) }
        let known = candidates.map(\.authority).joined(separator: "、")
        return .none(
            authority.isEmpty
                ? "「\(document)」对应多条记录（机关：\(known)），请填写机关"
                : "机关「\(authority)」与数据中的「\(known)」对不上（可在 departments.csv 的「别名」列中登记）")
    }
}
