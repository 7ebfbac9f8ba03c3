import Foundation
import GongshiModel

/// Reading the header row of a table: which column holds which field.
extension TableMapper {
    /// Takes `row` as the table's header: maps its columns to fields (the `columns:` maps first), and
    /// says columns that are unknown or given twice.
    mutating func readHeader(_ row: RawRow) {
        sawHeader = true
        firstUnderHeader = true
        findings += titles
        titles = []
        // Empty cells closing a CSV header (a trailing comma, or ,,, to the used width) are no columns:
        // rows need not have them.
        let width = (row.cells.lastIndex { !$0.trimmingWhitespace().isEmpty } ?? -1) + 1
        if !table.isWorkbook { shape = CSVRowShape(header: row.cells, width: width) }
        var seen = Set<Int>()
        for (i, raw) in row.cells.enumerated() {
            let name = raw.trimmingWhitespace()
            let h = RecordSchema.normalizeHeader(name)
            if kind == .xzcf && (h == "CF_CFLB2" || h == "处罚类别2") && secondKinds == nil {
                secondKinds = i
                v1PenaltyKinds.insert(i)
                schema.index(of: .penaltyKinds).map { present[$0] = true }
                mapping.append(nil)
                continue
            }
            if let idx = field(for: name), !seen.contains(idx) {
                if kind == .xzxk && (h == "XK_SPLB" || h == "审批类别") { v1Categories.insert(i) }
                if kind == .xzcf && (h == "CF_CFLB1" || h == "处罚类别1") { v1PenaltyKinds.insert(i) }
                mapping.append(idx)
                seen.insert(idx)
                present[idx] = true
                continue
            }
            mapping.append(nil)
            // A trailing comma, or an empty Excel header cell.
            if name.isEmpty && (i >= width || table.isWorkbook) { continue }
            let msg: String
            if field(for: name) != nil {
                msg = "列「\(name)」重复出现，只读取第一列"
            } else {
                // Hints for the first columns only: a header of 100 000 columns stays linear and cheap.
                unknownColumns += 1
                let hint =
                    unknownColumns > 200
                    ? "" : schema.suggestion(for: name).map { "。您是否指「\($0)」？（可在 site.yml 的 columns 中对应）" } ?? ""
                msg = "未知的列「\(name.isEmpty ? "（空列名）" : name)」：不属于\(kind.title)数据标准，已忽略\(hint)"
            }
            findings.append(
                Finding(
                    rule: "unknown-column", severity: .warning, file: file, line: row.line, sheet: table.sheet,
                    message: msg))
        }
    }
}
