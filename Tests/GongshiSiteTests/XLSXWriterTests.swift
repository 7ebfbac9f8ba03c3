import Foundation
import GongshiContent
import Testing
import ZIPFoundation

@testable import GongshiSite

@Suite("XLSXWriter")
struct XLSXWriterTests {
    func part(_ bytes: [UInt8], _ path: String) throws -> String {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive[path])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("codes are text cells, amounts numbers, text escaped; bytes are deterministic")
    func writesTextCells() throws {
        let header = ["行政相对人名称", "统一社会信用代码", "罚款金额（万元）"]
        let rows = [["A&B <公司>", "913703061658853012", "0.2"], ["_x000D_ 公司\u{1}", "370306600123455", "约2万"]]
        let a = try XLSXWriter.workbook(sheet: "行政处罚", header: header, rows: rows, numericColumns: [2])
        let b = try XLSXWriter.workbook(sheet: "行政处罚", header: header, rows: rows, numericColumns: [2])
        #expect(a == b)
        let sheet = try part(a, "xl/worksheets/sheet1.xml")
        // No cell or row references: a row's XML is the same wherever it stands.
        #expect(!sheet.contains(" r=\""))
        #expect(sheet.contains("</row><row><c t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">A&amp;B"))
        #expect(sheet.contains("<c t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">913703061658853012</t>"))
        #expect(sheet.contains("<c><v>0.2</v></c>"))
        #expect(sheet.contains("<t xml:space=\"preserve\">约2万</t>"))
        #expect(sheet.contains("A&amp;B &lt;公司&gt;"))
        #expect(sheet.contains("_x005F_x000D_ 公司_x0001_"))
        #expect(try part(a, "xl/workbook.xml").contains("name=\"行政处罚\""))
        #expect(try part(a, "xl/styles.xml").contains("numFmtId=\"49\""))
    }

    @Test func plainNumbers() {
        #expect(XLSXWriter.isPlainNumber("0.2") && XLSXWriter.isPlainNumber("-3") && XLSXWriter.isPlainNumber("12"))
        #expect(
            !XLSXWriter.isPlainNumber("1e5") && !XLSXWriter.isPlainNumber("1.") && !XLSXWriter.isPlainNumber("")
                && !XLSXWriter.isPlainNumber("1.2.3") && !XLSXWriter.isPlainNumber("9137030616588530123"))
    }

    @Test("a date column holds Excel dates shown yyyy-mm-dd; anything else in it stays text")
    func dates() throws {
        let header = ["处罚决定日期", "有效期至"]
        let rows = [["2026-11-24", "长期"], ["1899-12-31", "2031-11-22"]]
        let book = try XLSXWriter.workbook(
            sheet: "行政处罚", header: header, rows: rows, numericColumns: [], dateColumns: [0, 1])
        let sheet = try part(book, "xl/worksheets/sheet1.xml")
        // 2026-11-24 is day 46350 of Excel's 1900 system; 2031-11-22 day 48174.
        #expect(
            sheet.contains(
                "<row><c s=\"3\"><v>46350</v></c><c t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">长期</t>"))
        #expect(sheet.contains("1899-12-31"), "before Excel's calendar: text")
        #expect(sheet.contains("<c s=\"3\"><v>48174</v></c>"))
        #expect(try part(book, "xl/styles.xml").contains(#"<numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>"#))
        // Wide enough for the date: a number too wide for its column shows as ########.
        #expect(sheet.contains(#"<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2""#))
    }

    @Test("every column is as wide as what it usually holds: codes, names and free text wider than the default")
    func widths() throws {
        let header = ["行政相对人名称", "统一社会信用代码", "违法事实", "罚款金额（万元）", "处罚决定日期", "备注"]
        let sheet = String(
            decoding: XLSXWriter.sheetXML(header: header, rows: [], numericColumns: [3], dateColumns: [4]),
            as: UTF8.self)
        let widths = ["30", "22", "40", "18", "12", "10"]
        for (i, w) in widths.enumerated() {
            #expect(
                sheet.contains("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"),
                "\(header[i])")
        }
    }

    @Test("a sheet larger than the archive's read size is made row by row, the same bytes as made whole")
    func streamsLargeSheets() throws {
        let header = ["行政相对人名称", "统一社会信用代码", "罚款金额（万元）"]
        let rows = (0..<3000).map { ["淄博周村第\($0)号<公司>", String(format: "91370306MA%08dX", $0), "\($0 % 97).5"] }
        let whole = XLSXWriter.sheetXML(header: header, rows: rows, numericColumns: [2])
        #expect(whole.count > 4 * 16_384)
        let book = try XLSXWriter.workbook(sheet: "行政处罚", header: header, rows: rows, numericColumns: [2])
        #expect(try part(book, "xl/worksheets/sheet1.xml") == String(decoding: whole, as: UTF8.self))
    }

    @Test("an empty cell keeps the cells after it in their columns, as a spreadsheet reader sees them")
    func emptyCellsKeepColumns() throws {
        let header = ["行政相对人名称", "工商注册号", "罚款金额（万元）", "页面"]
        let rows = [["甲公司", "", "1.5", "https://x.example/a/"], ["", "", "", "https://x.example/b/"]]
        let book = try XLSXWriter.workbook(sheet: "行政处罚", header: header, rows: rows, numericColumns: [2])
        #expect(try part(book, "xl/worksheets/sheet1.xml").contains("<row><c/><c/><c/><c t=\"inlineStr\""))
        var read: [XLSXRow] = []
        try XLSXReader.read(data: Data(book)) { event in
            if case .row(let r) = event { read.append(r) }
        }
        #expect(read.map(\.line) == [1, 2, 3])
        #expect(
            read.map(\.cells) == [
                header, ["甲公司", "", "1.5", "https://x.example/a/"], ["", "", "", "https://x.example/b/"],
            ])
        #expect(read[1].numbers[2] == 1.5)
    }
}
