import Foundation
import GongshiModel

/// Reading one data row of a table into a record.
extension TableMapper {
    /// Reads a data row (not a note, total or blank row) into a record, or says why it cannot be read.
    mutating func record(_ row: RawRow, _ onRecord: (SourceRecord) -> Void) {
        rows += 1
        if row.hidden { notes.hiddenRow(line: row.line) }
        if !table.isWorkbook, let joined = shape.joinedRows(row) {
            findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: row.line, message: joined))
            shape.withhold(row)
            return
        }
        if let problem = row.problem {
            findings.append(.malformedRow(file: file, line: row.line, problem))
            return
        }
        var cells = row.cells
        if !table.isWorkbook {
            for i in cells.indices where cells[i].utf8.first == 0x3D { cells[i] = CellText.unwrapped(cells[i]) }
            if let problem = shape.widthProblem(&cells) {
                findings.append(
                    Finding(rule: "bad-file", severity: .error, file: file, line: row.line, message: problem))
                return
            }
        }
        var values = [String](repeating: "", count: schema.fields.count)
        for (i, raw) in cells.enumerated() where i < mapping.count {
            guard let idx = mapping[i] else { continue }
            let field = schema.fields[idx]
            var v = field.normalize(raw)
            if field.role == .date, i < row.numbers.count, let serial = row.numbers[i],
                let date = XLSXReader.cellDate(serial: serial, date1904: table.date1904)
            {
                v = date
            }
            // A code of more than 15 digits stored as a number: Excel has already replaced its last digits.
            if field.role == .code || field.role == .secret, i < row.numbers.count, let n = row.numbers[i],
                abs(n) >= 1e15
            {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .warning, file: file, line: row.line, sheet: table.sheet,
                        message:
                            "「\(field.name)」在 Excel 中以数字保存，超过 15 位的数字已被 Excel 改写，无法还原：请将该列设为「文本」格式后重新填写"
                    ))
            }
            if v1Categories.contains(i), let n = Int(v), v.count == 1, (0..<LicenceCategory.allCases.count).contains(n)
            {
                v = LicenceCategory.allCases[n].rawValue
            }
            // v1 codes in 处罚类别 (4, 3；1) are codes under any header: as text they say nothing.
            if field == .penaltyKinds { v = CellText.penaltyKindName(v) }
            values[idx] = v
        }
        if let k2 = secondKinds, k2 < cells.count, let idx = schema.index(of: .penaltyKinds) {
            let more = CellText.penaltyKindName(Field.penaltyKinds.normalize(cells[k2]))
            if !more.isEmpty { values[idx] = values[idx].isEmpty ? more : values[idx] + "；" + more }
        }
        for (idx, v) in defaults where values[idx].isEmpty { values[idx] = v }
        notes.formulas(fieldNames(row.emptyFormulas), line: row.line)
        notes.errorValues(fieldNames(row.errorValues), line: row.line)
        onRecord(
            SourceRecord(kind: kind, values: values, file: file, line: row.line, sheet: table.sheet, present: present))
    }

    /// The names of the fields the columns `columns` hold (columns no field is mapped to left out).
    private func fieldNames(_ columns: [Int]) -> [String] {
        columns.compactMap { $0 < mapping.count ? mapping[$0].map { schema.fields[$0].name } : nil }
    }
}

extension Finding {
    /// The error on a CSV row the parser could not read (`problem` says why): the row is not read.
    static func malformedRow(file: String, line: Int, _ problem: String) -> Finding {
        Finding(rule: "bad-file", severity: .error, file: file, line: line, message: "CSV 格式错误：\(problem)，该行未读取")
    }
}
