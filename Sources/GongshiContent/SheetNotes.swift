import GongshiModel

/// What a worksheet's cells leave unsaid, told once per sheet rather than at every row: formula cells
/// the workbook holds no result of, and ranges merged across rows (Excel keeps the value in the first
/// cell only, so the rows under it read as empty there).
struct SheetNotes {
    private var formulaRows = 0
    private var formulaLine = 0
    private var formulaColumns: [String] = []
    private var merges: [String] = []
    private var mergeCount = 0

    /// A row whose cells of `columns` (their names) are formulas without a saved result.
    mutating func formulas(_ columns: [String], line: Int) {
        guard !columns.isEmpty else { return }
        formulaRows += 1
        if formulaLine == 0 { formulaLine = line }
        for c in columns where !formulaColumns.contains(c) && formulaColumns.count < 3 { formulaColumns.append(c) }
    }

    /// The sheet's ranges merged across rows: the first few, and how many.
    mutating func merged(_ refs: [String], count: Int) {
        merges = refs
        mergeCount = count
    }

    /// The warnings to give, for the sheet `sheet` of `file`.
    func findings(file: String, sheet: String) -> [Finding] {
        var out: [Finding] = []
        if formulaRows > 0 {
            out.append(
                Finding(
                    rule: "bad-file", severity: .warning, file: file, line: formulaLine, sheet: sheet,
                    message:
                        "「\(formulaColumns.joined(separator: "」「"))」是公式，但工作簿中没有保存计算结果（共 \(formulaRows) 行，从第\(formulaLine)行起），按空值读取：请在 Excel 或 WPS 中打开并保存后再导出"
                ))
        }
        if mergeCount > 0 {
            out.append(
                Finding(
                    rule: "bad-file", severity: .warning, file: file, line: 0, sheet: sheet,
                    message:
                        "工作表「\(sheet)」有 \(mergeCount) 处跨行合并的单元格（如 \(merges.joined(separator: "、"))）：合并区域中除第一行外都按空值读取，可能因此缺少必填字段；请取消合并，在每一行填写"
                ))
        }
        return out
    }
}
