import GongshiModel

/// What a worksheet's cells leave unsaid, told once per sheet rather than at every row: formula cells
/// the workbook holds no result of, ranges merged across rows (Excel keeps the value in the first
/// cell only, so the rows under it read as empty there), and rows Excel does not show.
struct SheetNotes {
    /// Rows whose cells of some columns read as empty though Excel shows something there: how many,
    /// the first, and the first three columns (their names).
    struct CellTally {
        private(set) var rows = 0
        private(set) var firstLine = 0
        private(set) var columns: [String] = []

        mutating func add(_ names: [String], line: Int) {
            guard !names.isEmpty else { return }
            rows += 1
            if firstLine == 0 { firstLine = line }
            for c in names where !columns.contains(c) && columns.count < 3 { columns.append(c) }
        }

        /// 「处罚决定日期」「罚款金额（万元）」
        var named: String { "「" + columns.joined(separator: "」「") + "」" }
    }

    private var formulas = CellTally()
    private var errors = CellTally()
    private var merges: [String] = []
    private var mergeCount = 0
    /// Hidden rows read as records: the first ``hiddenListed`` row numbers, and how many.
    private var hiddenLines: [Int] = []
    private var hiddenCount = 0
    static let hiddenListed = 20

    /// A row whose cells of `columns` (their names) are formulas without a saved result.
    mutating func formulas(_ columns: [String], line: Int) { formulas.add(columns, line: line) }

    /// A row whose cells of `columns` (their names) hold an Excel error value (#REF!, #N/A …).
    mutating func errorValues(_ columns: [String], line: Int) { errors.add(columns, line: line) }

    /// A hidden row read as a record: a row hidden by a filter is still the department's data, so it
    /// is published, but a clerk who hid it may have meant to withhold it.
    mutating func hiddenRow(line: Int) {
        hiddenCount += 1
        if hiddenLines.count < Self.hiddenListed { hiddenLines.append(line) }
    }

    /// The sheet's ranges merged across rows: the first few, and how many.
    mutating func merged(_ refs: [String], count: Int) {
        merges = refs
        mergeCount = count
    }

    /// The warnings to give, for the sheet `sheet` of `file`.
    func findings(file: String, sheet: String) -> [Finding] {
        var out: [Finding] = []
        // Cells read as empty though Excel shows something: what they are, where, and what to do.
        func said(_ t: CellTally, _ what: String, _ todo: String) {
            guard t.rows > 0 else { return }
            out.append(
                Finding(
                    rule: "bad-file", severity: .warning, file: file, line: t.firstLine, sheet: sheet,
                    message: "\(t.named)\(what)（共 \(t.rows) 行，从第\(t.firstLine)行起），按空值读取：\(todo)"))
        }
        said(formulas, "是公式，但工作簿中没有保存计算结果", "请在 Excel 或 WPS 中打开并保存后再导出")
        said(
            errors, "中是 Excel 的错误值（如 #REF!、#N/A、#VALUE!，公式引用失效或无法计算）", "请在原表中修正公式或填写数值后再导出")
        if mergeCount > 0 {
            out.append(
                Finding(
                    rule: "bad-file", severity: .warning, file: file, line: 0, sheet: sheet,
                    message:
                        "工作表「\(sheet)」有 \(mergeCount) 处跨行合并的单元格（如 \(merges.joined(separator: "、"))）：合并区域中除第一行外都按空值读取，可能因此缺少必填字段；请取消合并，在每一行填写"
                ))
        }
        if let first = hiddenLines.first {
            let lines = hiddenLines.map(String.init).joined(separator: "、")
            let more = hiddenCount > hiddenLines.count ? "等 \(hiddenCount) 行" : ""
            out.append(
                Finding(
                    rule: "bad-file", severity: .warning, file: file, line: first, sheet: sheet,
                    message:
                        "工作表「\(sheet)」第\(lines)行\(more)在 Excel 中是隐藏行（可能是筛选后隐藏的），仍作为记录读取并公示：隐藏不能使记录不公示，某行如不应公示，请删除该行"
                ))
        }
        return out
    }

    /// The warning for a hidden (or very hidden) worksheet with a header, whose rows are not read:
    /// a sheet someone hid is a draft or an old copy more often than data to publish.
    /// - Parameter rows: rows under the header with something in them.
    static func hiddenSheet(file: String, sheet: String, line: Int, rows: Int) -> Finding {
        Finding(
            rule: "bad-file", severity: .warning, file: file, line: line, sheet: sheet,
            message:
                "工作表「\(sheet)」是隐藏的工作表，表头下有 \(rows) 行有内容，均未读取、不公示：如需公示，请在 Excel 或 WPS 中右键工作表标签选择「取消隐藏」，保存后重新构建；如不需要，可删除该工作表"
        )
    }
}
