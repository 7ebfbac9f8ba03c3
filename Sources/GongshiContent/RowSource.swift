import Foundation
import GongshiModel

/// One row of a data file as its format delivers it, before columns are mapped.
struct RawRow {
    /// The row number the user sees (CSV: header = 1; workbook: Excel's row number).
    var line: Int
    let cells: [String]
    /// Numeric workbook cells (nil for text, and for every CSV cell).
    let numbers: [Double?]
    /// Why the row is malformed (CSV quoting), when it is.
    let problem: String?
    /// Columns of formula cells with no saved result (workbooks).
    var emptyFormulas: [Int] = []
    /// Columns of cells holding an Excel error value (workbooks).
    var errorValues: [Int] = []
    /// Line breaks inside quoted cells (CSV): the physical lines the row spans beyond its first.
    var extraLines = 0
    /// Hidden in the workbook (a row Excel does not show): read like any other, and said.
    var hidden = false
}

/// How one table of rows is laid out: a CSV file is one table, a workbook one per worksheet.
struct TableInfo {
    /// The worksheet's name; empty for CSV.
    let sheet: String
    let hidden: Bool
    let date1904: Bool
    /// CSV: the first row is the header and every row must be as wide as it. Workbook: the first
    /// non-empty row with at least two recognised headers (after title rows of one cell), and
    /// rows may be narrower or wider (Excel stores no empty cells).
    let isWorkbook: Bool
}

enum RowEvent {
    case table(TableInfo)
    case row(RawRow)
    /// A worksheet's ranges merged across rows (the first ``XLSXReader/keptMerges``) and how many,
    /// after its rows.
    case merges(ranges: [MergedRange], count: Int)
}

/// A data file format that ``RecordFileReader`` maps to records: every format goes through the
/// same header matching, `columns:` maps, sidecar defaults and row checks.
protocol RowSource {
    /// Delivers the tables and their rows in order. Throws ``RowSourceError`` when the file (or a
    /// worksheet) cannot be read further; events delivered before stay delivered.
    func read(_ onEvent: (RowEvent) throws -> Void) throws
}

/// Why a data file, or one worksheet of it, could not be read.
struct RowSourceError: Error {
    let line: Int
    let sheet: String
    let message: String
}

/// CSV files through ``CSVReader`` (UTF-8 or GB18030, streamed).
struct CSVRowSource: RowSource {
    let path: String

    func read(_ onEvent: (RowEvent) throws -> Void) throws {
        try onEvent(.table(TableInfo(sheet: "", hidden: false, date1904: false, isWorkbook: false)))
        do {
            try CSVReader.read(path: path) { row in
                try onEvent(
                    .row(
                        RawRow(
                            line: row.line, cells: row.fields, numbers: [], problem: row.problem,
                            extraLines: row.extraLines)))
            }
        } catch let e as CSVFileError {
            throw RowSourceError(line: e.line, sheet: "", message: e.message)
        }
    }
}

/// Excel workbooks through ``XLSXReader``, from a file or (for fuzzing and tests) from bytes.
struct XLSXRowSource: RowSource {
    enum Input {
        case path(String)
        case data(Data)
    }
    let input: Input

    func read(_ onEvent: (RowEvent) throws -> Void) throws {
        func forward(_ e: XLSXEvent) throws {
            switch e {
            case .sheet(let name, let hidden, let date1904):
                try onEvent(.table(TableInfo(sheet: name, hidden: hidden, date1904: date1904, isWorkbook: true)))
            case .row(let r):
                try onEvent(
                    .row(
                        RawRow(
                            line: r.line, cells: r.cells, numbers: r.numbers, problem: nil,
                            emptyFormulas: r.emptyFormulas, errorValues: r.errorValues, hidden: r.hidden)))
            case .merges(let ranges, let count):
                try onEvent(.merges(ranges: ranges, count: count))
            }
        }
        do {
            switch input {
            case .path(let p): try XLSXReader.read(path: p, forward)
            case .data(let d): try XLSXReader.read(data: d, forward)
            }
        } catch let e as XLSXError {
            throw RowSourceError(line: 0, sheet: e.sheet, message: e.message)
        }
    }
}

/// What the first bytes of a data file say it is.
enum FileSignature {
    case zip, ole2, other

    init(path: String) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            self = .other
            return
        }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 8)) ?? Data()
        self.init(head: head)
    }

    init(head: Data) {
        let b = [UInt8](head.prefix(8))
        if b.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = .zip
        } else if b == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            self = .ole2
        } else {
            self = .other
        }
    }
}
