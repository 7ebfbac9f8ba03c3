import GongshiModel

/// Writes a one-sheet Excel workbook (`.xlsx`) for the open data.
///
/// Every cell is a text cell (inline string, format `@`) except the columns named numeric (numbers) and
/// date (`YYYY-MM-DD` values as Excel dates, format `yyyy-mm-dd`, so that date filters and sorting work),
/// so that Excel and LibreOffice never turn a 统一社会信用代码 or 工商注册号 into `9.137E+17` or drop
/// leading zeros. The bytes are deterministic: fixed part order, fixed ZIP timestamps, no volatile metadata.
///
/// Rows and cells carry no references (`r="B2"`, optional in SpreadsheetML: a row follows the one
/// before, a cell the one before it, an empty cell is written `<c/>`), so a row's XML does not depend
/// on where it stands, and the sheet is deflated in pieces of rows that an incremental build keeps
/// (see ``OpenDataPieces``) even when new records come before them.
enum XLSXWriter {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Excel refuses longer text in one cell.
    static let maxCellLength = 32_767

    /// The workbook of `rows` (in one piece).
    static func workbook(
        sheet: String, header: [String], rows: [[String]], numericColumns: Set<Int>, dateColumns: Set<Int> = []
    ) throws -> [UInt8] {
        var raw: [UInt8] = []
        for cells in rows { rowXML(cells, headerRow: false, header.count, numericColumns, dateColumns, into: &raw) }
        return try ZIPFile.bytes(
            entries(
                sheet: sheet, header: header, numericColumns: numericColumns, dateColumns: dateColumns,
                rows: [DeflatedPiece(compressing: raw)])
        )
    }

    /// The archive's entries: the fixed parts, then the sheet joined from `rows`, pieces of rows'
    /// XML (``rowXML(_:headerRow:_:_:into:)``) in order, between its head and its tail.
    static func entries(
        sheet: String, header: [String], numericColumns: Set<Int>, dateColumns: Set<Int> = [], rows: [DeflatedPiece]
    ) throws -> [ZIPFile.Entry] {
        var head = Array(sheetHead(header: header, dateColumns: dateColumns).utf8)
        rowXML(header, headerRow: true, header.count, numericColumns, into: &head)
        let first = try DeflatedPiece(compressing: head)
        let last = try DeflatedPiece(compressing: Array(sheetTail.utf8))
        return [
            try ZIPFile.Entry("[Content_Types].xml", Array(contentTypes.utf8)),
            try ZIPFile.Entry("_rels/.rels", Array(packageRels.utf8)),
            try ZIPFile.Entry("xl/workbook.xml", Array(workbookXML(sheet: sheet).utf8)),
            try ZIPFile.Entry("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8)),
            try ZIPFile.Entry("xl/styles.xml", Array(styles.utf8)),
            ZIPFile.Entry("xl/worksheets/sheet1.xml", pieces: [first] + rows + [last]),
        ]
    }

    static func sheetXML(header: [String], rows: [[String]], numericColumns: Set<Int>, dateColumns: Set<Int> = [])
        -> [UInt8]
    {
        var out = Array(sheetHead(header: header, dateColumns: dateColumns).utf8)
        rowXML(header, headerRow: true, header.count, numericColumns, into: &out)
        for cells in rows { rowXML(cells, headerRow: false, header.count, numericColumns, dateColumns, into: &out) }
        return out + Array(sheetTail.utf8)
    }

    /// The sheet's start: the header row frozen, and each column as wide as what it holds usually needs
    /// (``width(of:isDate:)``), the rows being written in pieces after it.
    static func sheetHead(header: [String], dateColumns: Set<Int>) -> String {
        let widths = header.indices.map {
            "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(width(of: header[$0], isDate: dateColumns.contains($0)))\" customWidth=\"1\"/>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(mainNS)\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "</sheetView></sheetViews>" + (widths.isEmpty ? "" : "<cols>" + widths.joined() + "</cols>")
            + "<sheetData>"
    }
    static let sheetTail = "</sheetData></worksheet>\n"

    /// A column's width in Excel's character units, from its header: a date needs 12 for `yyyy-mm-dd`
    /// (narrower, Excel shows `########`); an 18-character code or a document number 22; a name 30; a
    /// free text (事实, 内容, 依据 …) 40; anything else its header's width, at least 10. The default of
    /// about 8 cut every name and code off.
    static func width(of header: String, isDate: Bool) -> Int {
        if isDate { return 12 }
        if header.hasSuffix("代码") || header.hasSuffix("号") { return 22 }
        if header.hasSuffix("名称") { return 30 }
        if ["事实", "内容", "依据", "事由", "说明", "范围", "履行情况", "义务"].contains(where: { header.contains($0) }) {
            return 40
        }
        let display = header.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        return min(24, max(10, display + 2))
    }

    /// A row of the sheet, appended to `out`: its first `columns` cells, numbers in the numeric columns,
    /// dates in the date columns, text elsewhere, an empty cell before a later value as `<c/>` (keeping
    /// the later one in its column).
    static func rowXML(
        _ cells: [String], headerRow: Bool, _ columns: Int, _ numericColumns: Set<Int>,
        _ dateColumns: Set<Int> = [], into out: inout [UInt8]
    ) {
        // No reserveCapacity here: reserving a little more than the count on every row grew the buffer
        // to exactly that size each time (no doubling), copying a piece's whole sheet once per row.
        out += "<row>".utf8
        var empties = 0
        for (i, v) in cells.prefix(columns).enumerated() {
            if v.isEmpty {
                empties += 1
                continue
            }
            for _ in 0..<empties { out += "<c/>".utf8 }
            empties = 0
            if !headerRow, numericColumns.contains(i), isPlainNumber(v) {
                out += "<c><v>".utf8
                out += v.utf8
                out += "</v></c>".utf8
            } else if !headerRow, dateColumns.contains(i), let serial = excelSerial(v) {
                out += "<c s=\"3\"><v>".utf8
                out += String(serial).utf8
                out += "</v></c>".utf8
            } else {
                out += (headerRow ? "<c t=\"inlineStr\" s=\"2\">" : "<c t=\"inlineStr\" s=\"1\">").utf8
                out += "<is><t xml:space=\"preserve\">".utf8
                // Most cells hold nothing to escape or cut: their bytes go in as they are.
                let plain =
                    v.utf8.count <= maxCellLength
                    && !v.utf8.contains { $0 < 0x20 || $0 == 38 || $0 == 60 || $0 == 62 || $0 == 95 || $0 == 0xEF }
                if plain { out += v.utf8 } else { out += escape(v).utf8 }
                out += "</t></is></c>".utf8
            }
        }
        out += "</row>".utf8
    }

    /// Excel's day number of a `YYYY-MM-DD` date (days since 1899-12-30, the 1900 date system), for
    /// dates Excel shows as such (from 1900-03-01); nil for anything else, which stays text.
    static func excelSerial(_ s: String) -> Int? {
        // Read from its ten bytes: every date cell of a province's workbooks passes here, and the general
        // date reader (with its other forms) and a description to compare made strings for each.
        var parts = (year: 0, month: 0, day: 0)
        var count = 0
        for b in s.utf8 {
            count += 1
            if count == 5 || count == 8 {
                guard b == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard count <= 10, b >= 48 && b <= 57 else { return nil }
            let digit = Int(b) - 48
            if count <= 4 {
                parts.year = parts.year * 10 + digit
            } else if count <= 7 {
                parts.month = parts.month * 10 + digit
            } else {
                parts.day = parts.day * 10 + digit
            }
        }
        guard count == 10, let d = LocalDate(year: parts.year, month: parts.month, day: parts.day) else { return nil }
        return d.excelSerial
    }

    static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0
        var dots = 0
        for (i, c) in s.unicodeScalars.enumerated() {
            if c == "-" && i == 0 { continue }
            if c == "." {
                dots += 1
                continue
            }
            guard ("0"..."9").contains(c) else { return false }
            digits += 1
        }
        return digits > 0 && digits <= 15 && dots <= 1 && !s.hasSuffix(".") && !s.hasPrefix(".")
    }

    /// XML text escaping; control characters XML cannot hold become Excel's `_xHHHH_`, and a literal
    /// `_x` that would read as such an escape is itself escaped.
    static func escape(_ raw: String) -> String {
        var s = raw
        if s.utf16.count > maxCellLength {
            s = String(s.utf16.prefix(maxCellLength)) ?? String(s.prefix(maxCellLength / 2))
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "_" where i + 1 < scalars.count && scalars[i + 1] == "x": out += "_x005F_"
            default:
                if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" || u.value == 0xFFFE || u.value == 0xFFFF {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>

        """

    static let packageRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relNS)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>

        """

    static func workbookXML(sheet: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="\(mainNS)" xmlns:r="\(relNS)"><sheets><sheet name="\(escape(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>

        """
    }

    static let workbookRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relNS)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relNS)/styles" Target="styles.xml"/>\
        </Relationships>

        """

    /// Style 1: text format (`@`, number format 49); style 2: text, bold (the header row); style 3: a
    /// date shown `yyyy-mm-dd`.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(mainNS)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>

        """
}
