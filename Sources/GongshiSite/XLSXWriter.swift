import Foundation
import ZIPFoundation

/// Writes a one-sheet Excel workbook (`.xlsx`) for the open data.
///
/// Every cell is a text cell (inline string, format `@`) except the columns named numeric, so that
/// Excel and LibreOffice never turn a 统一社会信用代码 or 工商注册号 into `9.137E+17` or drop leading
/// zeros. The bytes are deterministic: fixed part order, fixed ZIP timestamps, no volatile metadata.
enum XLSXWriter {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// 1980-01-01 00:00:00 UTC, the first time a ZIP entry can carry.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)
    /// Excel refuses longer text in one cell.
    static let maxCellLength = 32_767

    static func workbook(sheet: String, header: [String], rows: [[String]], numericColumns: Set<Int>) throws -> [UInt8]
    {
        try workbook(sheet: sheet, header: header, count: rows.count, row: { rows[$0] }, numericColumns: numericColumns)
    }

    /// The workbook of `count` rows, asked for one at a time: the sheet is made twice as it is
    /// compressed (once to know its size, which the archive needs first, then for its bytes), so
    /// memory holds the compressed workbook and one piece of the sheet, never the whole sheet.
    static func workbook(
        sheet: String, header: [String], count: Int, row: (Int) -> [String], numericColumns: Set<Int>
    ) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ bytes: [UInt8]) throws {
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        try add("[Content_Types].xml", Array(contentTypes.utf8))
        try add("_rels/.rels", Array(packageRels.utf8))
        try add("xl/workbook.xml", Array(workbookXML(sheet: sheet).utf8))
        try add("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8))
        try add("xl/styles.xml", Array(styles.utf8))
        let letters = (0..<max(header.count, 1)).map(columnName)
        // Piece 0 is the head and the header row, pieces 1...count the rows, count + 1 the tail.
        func piece(_ i: Int) -> [UInt8] {
            if i == 0 { return Array(sheetHead.utf8) + rowXML(1, header, headerRow: true, letters, numericColumns) }
            if i <= count { return rowXML(i + 1, row(i - 1), headerRow: false, letters, numericColumns) }
            return Array(sheetTail.utf8)
        }
        var size = 0
        for i in 0...(count + 1) { size += piece(i).count }
        var pending: [UInt8] = []
        var pendingStart = 0  // the sheet offset of pending[0]
        var next = 0
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), modificationDate: timestamp,
            compressionMethod: .deflate
        ) { position, length in
            // The archive asks for consecutive ranges, in order.
            let start = Int(position)
            if start > pendingStart {
                pending.removeFirst(min(start - pendingStart, pending.count))
                pendingStart = start
            }
            while pendingStart + pending.count < start + length && next <= count + 1 {
                pending += piece(next)
                next += 1
            }
            let from = start - pendingStart
            return Data(pending[from..<min(from + length, pending.count)])
        }
        return [UInt8](archive.data ?? Data())
    }

    static func sheetXML(header: [String], rows: [[String]], numericColumns: Set<Int>) -> [UInt8] {
        let letters = (0..<max(header.count, 1)).map(columnName)
        var out = Array(sheetHead.utf8) + rowXML(1, header, headerRow: true, letters, numericColumns)
        for (k, cells) in rows.enumerated() { out += rowXML(k + 2, cells, headerRow: false, letters, numericColumns) }
        return out + Array(sheetTail.utf8)
    }

    static let sheetHead =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(mainNS)\">"
        + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        + "</sheetView></sheetViews><sheetData>"
    static let sheetTail = "</sheetData></worksheet>\n"

    /// Row `n` of the sheet: a cell per non-empty value, numbers in the numeric columns, text elsewhere.
    static func rowXML(_ n: Int, _ cells: [String], headerRow: Bool, _ letters: [String], _ numericColumns: Set<Int>)
        -> [UInt8]
    {
        var out: [UInt8] = []
        out.reserveCapacity(64 + cells.count * 96)
        let number = Array(String(n).utf8)
        out += "<row r=\"".utf8
        out += number
        out += "\">".utf8
        for (i, v) in cells.enumerated() where !v.isEmpty && i < letters.count {
            out += "<c r=\"".utf8
            out += letters[i].utf8
            out += number
            if !headerRow, numericColumns.contains(i), isPlainNumber(v) {
                out += "\"><v>".utf8
                out += v.utf8
                out += "</v></c>".utf8
            } else {
                out += (headerRow ? "\" t=\"inlineStr\" s=\"2\">" : "\" t=\"inlineStr\" s=\"1\">").utf8
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
        return out
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

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
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

    /// Style 1: text format (`@`, number format 49); style 2: text, bold (the header row).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(mainNS)">\
        <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>

        """
}
