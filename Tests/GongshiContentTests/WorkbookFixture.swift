import Foundation
import ZIPFoundation

/// Builds small `.xlsx` workbooks for tests with ZIPFoundation: sheets of cells written as the given
/// XML (`s:` shared string, `i:` inline string, `n:` number, `b:` boolean, `e:` error value, `f:` a
/// formula without its result, plain text as a shared string).
struct WorkbookFixture {
    struct Sheet {
        var name: String
        var hidden = false
        /// Row number → cells from column A; nil leaves a cell out.
        var rows: [(Int, [String?])]
        /// The sheet's XML ends before its last row, its closing tags missing, as a workbook cut short
        /// leaves it.
        var cut = false
        /// Merged ranges (`F2:F3`), written after the sheet's data as Excel writes them.
        var merges: [String] = []
        /// Rows written with `hidden="1"`, as Excel hides them by hand or with a filter.
        var hiddenRows: Set<Int> = []
        /// `state="veryHidden"` (shown only from the VBA editor) rather than `hidden`.
        var veryHidden = false
    }

    var sheets: [Sheet]
    var date1904 = false

    func data() throws -> Data {
        var shared: [String] = []
        func sst(_ s: String) -> Int {
            if let i = shared.firstIndex(of: s) { return i }
            shared.append(s)
            return shared.count - 1
        }
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = []
        var sheetXML: [String] = []
        for sheet in sheets {
            var x = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>"
            for (r, cells) in sheet.rows {
                x += "<row r=\"\(r)\"\(sheet.hiddenRows.contains(r) ? " hidden=\"1\"" : "")>"
                for (c, cell) in cells.enumerated() {
                    guard let cell else { continue }
                    let ref = String(UnicodeScalar(UInt8(65 + c))) + String(r)
                    if cell.hasPrefix("n:") {
                        x += "<c r=\"\(ref)\"><v>\(cell.dropFirst(2))</v></c>"
                    } else if cell.hasPrefix("f:") {
                        x += "<c r=\"\(ref)\"><f>\(esc(String(cell.dropFirst(2))))</f></c>"
                    } else if cell.hasPrefix("e:") {
                        x += "<c r=\"\(ref)\" t=\"e\"><v>\(esc(String(cell.dropFirst(2))))</v></c>"
                    } else if cell.hasPrefix("b:") {
                        x += "<c r=\"\(ref)\" t=\"b\"><v>\(cell.dropFirst(2))</v></c>"
                    } else if cell.hasPrefix("i:") {
                        x +=
                            "<c r=\"\(ref)\" t=\"inlineStr\"><is><r><t>\(esc(String(cell.dropFirst(2))))</t></r></is></c>"
                    } else {
                        x += "<c r=\"\(ref)\" t=\"s\"><v>\(sst(String(cell)))</v></c>"
                    }
                }
                x += "</row>"
            }
            if sheet.cut, let last = x.range(of: "<row", options: .backwards) {
                sheetXML.append(String(x[..<last.lowerBound]))
                continue
            }
            let merged =
                sheet.merges.isEmpty
                ? ""
                : "<mergeCells count=\"\(sheet.merges.count)\">"
                    + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
            sheetXML.append(x + "</sheetData>" + merged + "</worksheet>")
        }
        let sheetList = sheets.enumerated().map { i, s in
            "<sheet name=\"\(esc(s.name))\" sheetId=\"\(i + 1)\"\(s.veryHidden ? " state=\"veryHidden\"" : s.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(i + 1)\"/>"
        }.joined()
        parts.append(
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
            ))
        parts.append(
            (
                "_rels/.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ))
        parts.append(
            (
                "xl/workbook.xml",
                "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>"
            ))
        var rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
            ))
        for (i, x) in sheetXML.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", x)) }
        parts.append(
            (
                "xl/sharedStrings.xml",
                "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">" + shared.map { "<si><t>\(esc($0))</t></si>" }.joined()
                    + "</sst>"
            ))
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let d = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate)
            { pos, size in
                d.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return archive.data ?? Data()
    }
}
