import Foundation

/// The shape a CSV file's rows must have after its header: rows that a stray English quote joined
/// into one record are told apart from a legitimately quoted cell of several lines, and the line
/// numbers of the rows after them stay those of the file.
struct CSVRowShape {
    /// The header's cells, to name the column of a message.
    private(set) var names: [String] = []
    /// Columns of the header up to its last filled cell.
    private(set) var width = 0
    /// Physical lines of joined rows already withheld: added to the row numbers of the rows after them,
    /// which the parser numbers as records.
    private(set) var lineShift = 0

    init() {}

    init(header: [String], width: Int) {
        names = header
        self.width = width
    }

    /// Why `row` is several rows joined by a quote that is not closed where it should be, or nil. The
    /// parser says so when the quote is never closed or text follows it; otherwise a quoted cell of
    /// several lines holding at least as many English commas as separate the header's columns is
    /// rows, not a value (Excel writes a cell with line breaks this way, but a 违法事实 of several
    /// paragraphs seldom holds a row's worth of English commas).
    func joinedRows(_ row: RawRow) -> String? {
        guard row.extraLines > 0 else { return nil }
        var column: Int?
        var commas = 0
        for (i, cell) in row.cells.enumerated() {
            var breaks = 0
            var inCell = 0
            for b in cell.utf8 {
                if b == 0x0A { breaks += 1 } else if b == 0x2C { inCell += 1 }
            }
            guard breaks > 0 else { continue }
            if column == nil { column = i }
            commas += inCell
        }
        guard let column else { return nil }
        let reason: String
        if let problem = row.problem {
            reason = problem.hasPrefix("引号未闭合") ? "直到文件末尾都没有结束引号" : problem
        } else if commas >= max(width - 1, 2) {
            reason = "值中有 \(commas) 个英文逗号，是其后几行的内容"
        } else {
            return nil
        }
        let name =
            column < names.count && !names[column].trimmingWhitespace().isEmpty
            ? names[column].trimmingWhitespace() : "第\(column + 1)列"
        let last = row.line + row.extraLines
        return
            "第\(row.line)行至第\(last)行：第\(row.line)行「\(name)」以英文引号开头，引号未配对（\(reason)），这 \(row.extraLines + 1) 行被连成了一条记录，均未读取：请把值中的英文引号改为中文引号，或写成成对的两个英文引号（\"\"）"
    }

    /// Counts the physical lines of a withheld joined row, so that the rows after it keep theirs.
    mutating func withhold(_ row: RawRow) {
        lineShift += row.extraLines
    }
}
