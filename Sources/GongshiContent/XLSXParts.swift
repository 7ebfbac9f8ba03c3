import Foundation

/// `_rels/*.rels`: relationship id → target part and type.
struct RelationshipsHandler: XMLStreamHandler {
    struct Item {
        let id: String
        let target: String
        let type: String
    }
    var items: [Item] = []

    mutating func start(_ name: Substring, _ tag: XMLTag, selfClosing: Bool) throws {
        guard name == "Relationship" else { return }
        items.append(
            Item(
                id: tag.attribute("Id") ?? "", target: tag.attribute("Target") ?? "", type: tag.attribute("Type") ?? "")
        )
    }
    mutating func end(_ name: Substring) throws {}
    mutating func text(_ text: String) throws {}
}

/// `xl/workbook.xml`: the worksheets in workbook order and the date system.
struct WorkbookHandler: XMLStreamHandler {
    struct Sheet {
        let name: String
        let relationship: String
        let hidden: Bool
    }
    var sheets: [Sheet] = []
    var date1904 = false

    mutating func start(_ name: Substring, _ tag: XMLTag, selfClosing: Bool) throws {
        switch name {
        case "sheet":
            let state = tag.attribute("state") ?? "visible"
            sheets.append(
                Sheet(
                    name: tag.attribute("name") ?? "", relationship: tag.attribute("id") ?? "",
                    hidden: state != "visible"))
        case "workbookPr":
            let v = (tag.attribute("date1904") ?? "").lowercased()
            date1904 = v == "1" || v == "true"
        default: break
        }
    }
    mutating func end(_ name: Substring) throws {}
    mutating func text(_ text: String) throws {}
}

/// `xl/sharedStrings.xml`: the table text cells point into (`<si>`, rich-text runs joined,
/// phonetic guides `<rPh>` left out).
struct SharedStringsHandler: XMLStreamHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    mutating func start(_ name: Substring, _ tag: XMLTag, selfClosing: Bool) throws {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }
    mutating func end(_ name: Substring) throws {
        switch name {
        case "si": strings.append(XLSXReader.unescapeExcel(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
    mutating func text(_ text: String) throws { if inText { current += text } }
}

/// `xl/worksheets/sheetN.xml`: cells gathered a row at a time; finished non-empty rows wait in
/// `finished` until the reader hands them on after the current chunk.
struct SheetHandler: XMLStreamHandler {
    let strings: [String]
    let sheet: String
    var finished: [XLSXRow] = []

    private var line = 0
    /// The row being read is hidden (`hidden="1"`): by hand or by a filter.
    private var rowHidden = false
    /// Inside a `<row>`: a damaged sheet may close a row it never opened, or hold cells outside rows.
    private var inRow = false
    private var cells: [String] = []
    private var numbers: [Double?] = []
    private var column = -1
    private var type = ""
    private var value = ""
    private var inline = ""
    private var capture: Capture = .none
    private var inPhonetic = false
    /// `</worksheet>` was read: a sheet cut short (a damaged file) ends without it.
    private(set) var complete = false
    /// The cell being read holds a formula; the row's formula cells with no saved result.
    private var formula = false
    private var emptyFormulas: [Int] = []
    private var errorValues: [Int] = []
    /// Merged ranges spanning rows (the first ``XLSXReader/keptMerges``, and how many): the cells
    /// under the first are empty.
    private(set) var verticalMerges: [MergedRange] = []
    private(set) var verticalMergeCount = 0

    private enum Capture { case none, value, inline }

    init(strings: [String], sheet: String) {
        self.strings = strings
        self.sheet = sheet
    }

    mutating func start(_ name: Substring, _ tag: XMLTag, selfClosing: Bool) throws {
        switch name {
        case "row":
            let r = tag.attribute("r").flatMap { Int($0) } ?? (line + 1)
            guard r > line, r <= 1_048_576 else { throw XLSXError(sheet: sheet, message: "工作表「\(sheet)」的行号无效（\(r)）") }
            line = r
            inRow = true
            rowHidden = tag.attribute("hidden").map { $0 == "1" || $0 == "true" } ?? false
            cells.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
            emptyFormulas.removeAll(keepingCapacity: true)
            errorValues.removeAll(keepingCapacity: true)
            column = -1
        case "c":
            if let ref = tag.attribute("r") {
                guard let c = SheetHandler.column(of: ref), c < XLSXReader.maxColumns else {
                    throw XLSXError(sheet: sheet, message: "工作表「\(sheet)」第\(line)行的单元格位置无效（\(ref)）")
                }
                column = c
            } else {
                column += 1
            }
            type = tag.attribute("t") ?? "n"
            value = ""
            inline = ""
            formula = false
        case "f": formula = true
        case "mergeCell":
            if let ref = tag.attribute("ref"), let colon = ref.firstIndex(of: ":"),
                let top = Int(String(ref[..<colon].filter(\.isNumber))),
                let bottom = Int(String(ref[ref.index(after: colon)...].filter(\.isNumber))), top != bottom
            {
                verticalMergeCount += 1
                if verticalMerges.count < XLSXReader.keptMerges {
                    verticalMerges.append(MergedRange(ref: ref, lastRow: max(top, bottom)))
                }
            }
        case "v": capture = .value
        case "is": capture = .inline
        case "rPh": inPhonetic = true
        default: break
        }
    }

    mutating func end(_ name: Substring) throws {
        switch name {
        case "v": capture = .none
        case "is": capture = .none
        case "rPh": inPhonetic = false
        case "c": try endCell()
        case "worksheet": complete = true
        case "row":
            while let last = cells.last, last.allSatisfy({ $0.isWhitespace }) {
                cells.removeLast()
                numbers.removeLast()
            }
            if inRow && !cells.isEmpty {
                finished.append(
                    XLSXRow(
                        line: line, cells: cells, numbers: numbers, emptyFormulas: emptyFormulas,
                        errorValues: errorValues, hidden: rowHidden))
            }
            inRow = false
            cells.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
        default: break
        }
    }

    mutating func text(_ text: String) throws {
        switch capture {
        case .value: value += text
        case .inline: if !inPhonetic { inline += text }
        case .none: break
        }
    }

    private mutating func endCell() throws {
        guard column >= 0 else { return }
        if formula && value.isEmpty && inline.isEmpty { emptyFormulas.append(column) }
        var text: String
        var number: Double?
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(i) else {
                throw XLSXError(sheet: sheet, message: "工作表「\(sheet)」第\(line)行引用了不存在的共享字符串")
            }
            text = strings[i]
        case "inlineStr": text = XLSXReader.unescapeExcel(inline)
        case "str": text = XLSXReader.unescapeExcel(value)
        // An error value (#N/A, #REF! …) is no data: the cell counts as empty, and the sheet's notes say so.
        case "e":
            text = ""
            errorValues.append(column)
        case "b": text = value.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE"
        case "d": text = String(value.prefix(10))  // ISO 8601 date cell: the date part
        default:
            let v = Double(value) != nil ? value : value.trimmingCharacters(in: .whitespaces)
            number = Double(v)
            text = number.map { SheetHandler.format($0, written: v) } ?? v
        }
        if text.isEmpty && number == nil { return }
        while cells.count <= column {
            cells.append("")
            numbers.append(nil)
        }
        cells[column] = text
        numbers[column] = number
    }

    /// A number as Excel shows it: integers without `.0` or exponent (a 15-digit 工商注册号 stored as
    /// a number stays whole), others to Excel's 15 significant digits, without an exponent (0.3, not
    /// the 0.30000000000000004 a formula like =3000/10000 stores; 0.00005, not 5.0000000000000002E-5).
    static func format(_ x: Double, written: String) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        guard abs(x) < 1e15, abs(x) >= 1e-9, let d = Decimal(string: String(format: "%.14e", x)) else {
            return written
        }
        return "\(d)"
    }

    /// `B3` → 1; nil when the reference has no column letters.
    static func column(of ref: String) -> Int? {
        var n = 0
        var letters = 0
        for u in ref.utf8 {
            guard (65...90).contains(u) || (97...122).contains(u) else { break }
            n = n * 26 + Int((u & 0xDF) - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n - 1
    }
}
