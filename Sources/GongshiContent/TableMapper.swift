import Foundation
import GongshiModel

/// Turns the rows of one table (a CSV file or a worksheet) into ``SourceRecord``s: finds and maps
/// the header, checks row widths (CSV), converts Excel serial numbers in date columns, fills empty
/// cells from sidecar defaults, and words the findings of reading.
struct TableMapper {
    let kind: RecordKind
    let schema: RecordSchema
    let file: String
    /// Normalised header → standard field: the sidecar's map over `site.yml`'s.
    let columns: [String: Field]
    let defaults: [Int: String]

    var findings: [Finding] = []
    var rows = 0
    private(set) var table = TableInfo(sheet: "", hidden: false, date1904: false, isWorkbook: false)
    var sawHeader = false
    var mapping: [Int?] = []
    var present: [Bool] = []
    /// CSV: the header's columns and the line numbers of rows after joined ones.
    var shape = CSVRowShape()
    /// Columns of the v1 审批类别 (XK_SPLB), whose codes 0–5 count from 0 where 许可类别's 01–06 count from 1.
    var v1Categories: Set<Int> = []
    /// The v1 处罚类别2 (CF_CFLB2): the kinds past the first, joined to 处罚类别.
    var secondKinds: Int?
    /// The next row is the first under the header (a template may annotate the header there, or
    /// continue it: a header over two rows).
    var firstUnderHeader = false
    /// The header row's cells: a second header row names the columns they leave empty or unknown.
    var headerCells: [String] = []
    /// Which fields a column already holds: a second column of one is said and not read.
    var mapped: [Bool] = []
    /// The header's bookkeeping columns (序号, 编号 …), by column: a row filled in these alone is no record.
    var numbering: [Bool] = []
    /// The header's warnings about its columns, with the column, held until the row under it is read:
    /// a second header row may name a column the first leaves unknown.
    var heldHeaderFindings: [(column: Int, finding: Finding)] = []
    /// The header's last row (its second, or a row of codes under it): ranges merged across rows that
    /// end on it or above take no value from the data.
    var headerEnd = 0
    /// Formula cells without a result and merged ranges, said once for the table at its end.
    var notes = SheetNotes()
    var unknownColumns = 0
    /// A workbook table without a usable header: its rows are not read.
    private(set) var rejected = false
    /// The first row of a worksheet seen before its header (a title row, or the row that was not a header).
    private var firstLine = 0
    /// Title rows seen above the header, reported when the header is found.
    var titles: [Finding] = []
    /// Rows of several cells above the header that are not one (a note such as 「填报单位：…　填报日期：…」),
    /// held until a header is found among the next ones (they are then notes) or is not (see ``lookAhead``).
    private var candidates: [RawRow] = []
    /// Rows of the table with something in them, for the message of a table that cannot be read
    /// (of a hidden sheet with a header: those under it).
    private var filledRows = 0
    /// The header row of a hidden worksheet, which is not read (0: none).
    private var hiddenHeaderLine = 0
    /// The most filled cells of a row above the header (or of every row, when none is found): a sheet
    /// of one filled cell a row is text (填表说明), not a table.
    private var widest = 0
    /// How many rows of several cells a header is looked for in: a table whose header is not among them
    /// is read from its first such row (a CSV file) or not at all (a worksheet).
    static let lookAhead = 10

    init(kind: RecordKind, file: String, columns: [String: Field], defaults: [Int: String]) {
        self.kind = kind
        self.schema = kind.schema
        self.file = file
        self.columns = columns
        self.defaults = defaults
    }

    mutating func begin(_ info: TableInfo) {
        table = info
        sawHeader = false
        rejected = false
        mapping = []
        present = [Bool](repeating: false, count: schema.fields.count)
        for idx in defaults.keys { present[idx] = true }
        shape = CSVRowShape()
        firstLine = 0
        titles = []
        candidates = []
        filledRows = 0
        hiddenHeaderLine = 0
        widest = 0
        v1Categories = []
        secondKinds = nil
        firstUnderHeader = false
        headerCells = []
        numbering = []
        mapped = [Bool](repeating: false, count: schema.fields.count)
        heldHeaderFindings = []
        headerEnd = 0
        notes = SheetNotes()
    }

    /// A worksheet's ranges merged across rows, after its rows: those that reach its data are said
    /// (the rows under their first read as empty there); those within the header (a header over two
    /// rows) are not.
    mutating func merged(_ ranges: [MergedRange], count: Int) {
        var shown: [String] = []
        var reaching = count - ranges.count
        for r in ranges where r.lastRow > headerEnd {
            reaching += 1
            if shown.count < 3 { shown.append(r.ref) }
        }
        if reaching > 0 { notes.merged(shown, count: reaching) }
    }

    /// Ends a table: one whose header was never found is read from its first row of several cells (a CSV
    /// file) or reported whole (a worksheet with rows but no header): never skipped silently.
    mutating func endTable(_ onRecord: (SourceRecord) -> Void) {
        releaseHeaderFindings()
        if let first = shape.flush() { record(first, onRecord) }
        if hiddenHeaderLine > 0 {
            findings.append(
                SheetNotes.hiddenSheet(file: file, sheet: table.sheet, line: hiddenHeaderLine, rows: filledRows))
        } else {
            findings += notes.findings(file: file, sheet: table.sheet)
        }
        notes = SheetNotes()
        if !sawHeader && !rejected && !candidates.isEmpty && !table.isWorkbook {
            settleWithoutHeader(onRecord)
            // The rows replayed may leave one waiting, as the only data row.
            if let first = shape.flush() { record(first, onRecord) }
            return
        }
        guard table.isWorkbook, !sawHeader, !rejected, firstLine > 0 else { return }
        rejectSheet(line: candidates.first?.line ?? firstLine)
    }

    /// No header among the first rows: a CSV file's first row after its titles is its header, whatever
    /// it holds (unknown columns are said), and the rows held after it are its data; a worksheet's rows
    /// are not read.
    private mutating func settleWithoutHeader(_ onRecord: (SourceRecord) -> Void) {
        guard !table.isWorkbook else { return rejectSheet(line: candidates.first?.line ?? firstLine) }
        let held = candidates
        candidates = []
        readHeader(held[0])
        for r in held.dropFirst() { row(r, onRecord) }
        releaseHeaderFindings()
    }

    /// Names of a worksheet of instructions rather than data (填表说明, 注意事项, 代码表): the whole name
    /// but for a note in brackets or a number after it (填报说明（必读）, 填表说明1), since a sheet of
    /// data may mention them (补报数据（说明：11月新增）).
    static let notesSheetNames: Set<String> = [
        "说明", "填表说明", "填报说明", "填写说明", "字段说明", "数据项说明", "指标说明", "使用说明", "导入说明", "模板说明",
        "代码说明", "注意事项", "填表须知", "填报须知", "填写须知", "代码表", "代码对照表", "字典", "数据字典",
    ]

    /// Whether a worksheet's name is one of ``notesSheetNames``.
    static func isNotesSheet(_ sheet: String) -> Bool {
        var name = Substring(sheet.trimmingWhitespace())
        if let open = name.firstIndex(where: { $0 == "（" || $0 == "(" }), name.last == "）" || name.last == ")" {
            name = name[..<open]
        }
        while let last = name.last, last.isNumber { name = name.dropLast() }
        return notesSheetNames.contains(String(name).trimmingWhitespace())
    }

    private mutating func rejectSheet(line: Int) {
        rejected = true
        candidates = []
        // Text a line a row (填表说明, 注意事项): nothing in it could be a record.
        if widest <= 1 && !table.hidden {
            titles = []
            findings.append(
                skipped(line, "工作表「\(table.sheet)」没有表头，每行只有一格文字，是说明而不是数据表，未读取（其中 \(filledRows) 行有内容）"))
            return
        }
        // A template's own sheet of instructions (填表说明: a table of field names, meanings and
        // whether each is required), named as such: no data to lose.
        if !table.hidden && Self.isNotesSheet(table.sheet) {
            titles = []
            findings.append(
                skipped(line, "工作表「\(table.sheet)」没有表头，按其名称是说明而不是数据表，未读取（其中 \(filledRows) 行有内容）"))
            return
        }
        // A hidden sheet without a header is usually a template's lookup list, not data.
        findings.append(
            Finding(
                rule: "bad-file", severity: table.hidden ? .warning : .error, file: file, line: line,
                sheet: table.sheet,
                message:
                    "工作表「\(table.sheet)」\(table.hidden ? "（隐藏）" : "")有数据，但前 \(Self.lookAhead) 行中没有表头（至少要有两个可识别的列名，如「\(kind.entityNameField.name)」），\(Finding.wholeTableUnread)（其中 \(filledRows) 行有内容）。如果是数据，请在数据上方加一行列名；如果不是（说明、代码表），可删除该工作表"
            )
        )
    }

    /// The info on a row of this table that is not a record and is skipped (a title, a note, a total, a
    /// header's second row): it withholds nothing.
    func skipped(_ line: Int, _ message: String) -> Finding {
        Finding(rule: "bad-file", severity: .info, file: file, line: line, sheet: table.sheet, message: message)
    }

    /// The standard field index a header stands for: the `columns:` maps first, then the schema.
    func field(for header: String) -> Int? {
        if let target = columns[RecordSchema.normalizeHeader(header)] { return schema.index(of: target) }
        return schema.index(of: header)
    }

    mutating func row(_ raw: RawRow, _ onRecord: (SourceRecord) -> Void) {
        var row = raw
        row.line += shape.lineShift
        let blank = row.cells.allSatisfy { $0.trimmingWhitespace().isEmpty }
        if !blank { filledRows += 1 }
        if rejected { return }
        if !sawHeader {
            if blank { return }
            if firstLine == 0 { firstLine = row.line }
            widest = max(widest, row.cells.count { !$0.trimmingWhitespace().isEmpty })
            let recognised = row.cells.filter { field(for: $0) != nil }.count
            if !table.isWorkbook, row.cells.count == 1,
                let separator = HeaderRow.otherSeparator(row.cells[0], { field(for: $0) })
            {
                rejected = true
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: file, line: 0,
                        message: "文件的列用\(separator)分隔，不是逗号，无法读取：请在 Excel 或 WPS 中另存为「CSV UTF-8（逗号分隔）」"))
                return
            }
            // One filled cell above the header is a title (「2026年11月行政许可信息」); keep looking. A CSV
            // file may have a single column, so there the cell must not be a header.
            if recognised < (table.isWorkbook ? 2 : 1) && candidates.isEmpty {
                if let title = HeaderRow.title(row.cells) {
                    // Said once the header is found: a sheet without one is reported as a whole.
                    titles.append(skipped(row.line, "「\(title)」是标题行，不是表头，已跳过（表头为其下的第一行）"))
                    return
                }
            }
            guard recognised >= 2 else {
                // Not a header: held while the header is looked for in the next rows.
                candidates.append(row)
                if candidates.count >= Self.lookAhead { settleWithoutHeader(onRecord) }
                return
            }
            // A hidden sheet with a header is a draft or an old copy more often than data to publish:
            // not read, and said with how many rows it holds.
            if table.isWorkbook && table.hidden {
                rejected = true
                candidates = []
                titles = []
                hiddenHeaderLine = row.line
                filledRows = 0
                return
            }
            // Rows held above the header are notes, not records.
            for note in candidates {
                titles.append(skipped(note.line, "「\(HeaderRow.joined(note.cells))」在表头上方，是说明行，不是表头也不是记录，已跳过"))
            }
            candidates = []
            // Another kind's table in this kind's folder: its columns would be read as this kind's, and
            // "did you mean" hints would map one kind's fields onto the other's.
            if let other = otherKind(of: row.cells) {
                rejected = true
                findings += titles
                titles = []
                findings.append(wrongFolder(other, row))
                return
            }
            readHeader(row)
            return
        }
        // A row of nothing but empty cells is not a record (Excel exports end in ,,,,,, lines).
        if blank && row.problem == nil { return }
        // The second row of a header, or the fields' codes or 必填/选填 under it, is no record.
        if firstUnderHeader {
            firstUnderHeader = false
            if readUnderHeader(row) { return }
        }
        // A total row under the data (合计 / 共5家) is not a record.
        if row.problem == nil, let total = HeaderRow.total(row.cells) {
            findings.append(skipped(row.line, "「\(total)」是合计行，不是记录，未读取"))
            return
        }
        // Notes under the data (填表说明：…, 制表人：张三) are not records either.
        if row.problem == nil, let note = HeaderRow.note(row.cells) {
            findings.append(skipped(row.line, "「\(note)」是表格下方的说明行（填表说明、制表人等），不是记录，未读取"))
            return
        }
        // Nor is a row with nothing but its number: a template numbered ahead of the data (1, 2, … 50).
        if row.problem == nil && holdsOnlyNumbering(row.cells) { return }
        if !table.isWorkbook {
            let (wait, due) = shape.admit(row)
            if let due { record(due, onRecord) }
            if wait { return }
        }
        record(row, onRecord)
    }
}
