import Foundation

/// The shape a CSV file's rows must have after its header: rows that a stray English quote joined
/// into one record are told apart from a legitimately quoted cell of several lines, and the line
/// numbers of the rows after them stay those of the file; a row must have as many cells as the
/// header, or as the file's rows usually have when every line ends with the same empty cells.
struct CSVRowShape {
    /// The header's cells, to name the column of a message.
    private(set) var names: [String] = []
    /// Columns of the header up to its last filled cell.
    private(set) var width = 0
    /// Physical lines of joined rows already withheld: added to the row numbers of the rows after them,
    /// which the parser numbers as records.
    private(set) var lineShift = 0
    /// The cell count of the file's rows, known from its header when that ends with empty cells too,
    /// else from its first two data rows: some exporters end every line with commas.
    private var usual: Int?
    /// The first data row, when it is wider than the header by empty cells only: whether that is the
    /// file's way (or an English comma in a value) is known from the next row.
    private var held: RawRow?
    private var headerPadded = false

    init() {}

    init(header: [String], width: Int) {
        names = header
        self.width = width
        if header.count > width { usual = header.count }
        headerPadded = header.count > width
    }

    /// Whether `row` is to wait for the next one (see ``held``), and the row that waited, now due
    /// before `row`.
    mutating func admit(_ row: RawRow) -> (wait: Bool, due: RawRow?) {
        if usual != nil { return (false, nil) }
        if let first = held {
            held = nil
            usual = row.cells.count == first.cells.count ? first.cells.count : width
            return (false, first)
        }
        if row.problem == nil, row.cells.count > width, Self.emptyBeyond(width, row.cells) {
            held = row
            return (true, nil)
        }
        // A row the parser had trouble with does not decide the file's way: in a file whose every line ends
        // with commas it made every later row an error.
        if row.problem != nil { return (false, nil) }
        usual = width
        return (false, nil)
    }

    /// The row still waiting at the end of the file: the only data row, taken as the file's way.
    mutating func flush() -> RawRow? {
        guard let first = held else { return nil }
        held = nil
        usual = first.cells.count
        return first
    }

    /// Why a row of `cells` cannot be read for its number of cells, or nil; the empty cells every row
    /// ends with are removed.
    func widthProblem(_ cells: inout [String]) -> String? {
        let count = cells.count
        if count == width { return nil }
        let rows = usual ?? width
        // A header padded with empty cells (to the sheet's used width) allows rows as wide as it.
        let fits = headerPadded ? count <= rows : count == rows
        if fits, count > width, Self.emptyBeyond(width, cells) {
            cells.removeLast(count - width)
            return nil
        }
        let others = rows != width ? "（其他行有 \(rows) 列）" : ""
        if count > width {
            return
                "本行有 \(count) 列，表头有 \(width) 列\(others)：可能是某个值中有未加引号的英文逗号（如 1,000 或「逾期申报,情节较轻」），把一个值分成了几列，该行未读取：请把值中的英文逗号改为中文逗号，或给这个值加上英文双引号"
        }
        return
            "本行有 \(count) 列，表头有 \(width) 列\(others)：缺少 \(width - count) 列（可能少了逗号，或该行被截断），该行未读取：请按表头补齐各列"
    }

    private static func emptyBeyond(_ width: Int, _ cells: [String]) -> Bool {
        cells[width...].allSatisfy { $0.trimmingWhitespace().isEmpty }
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
