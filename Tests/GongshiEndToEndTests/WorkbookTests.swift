import Foundation
import Testing
import ZIPFoundation

@Suite("Excel workbooks in and out")
struct WorkbookTests {
    /// A workbook of inline-string and number cells; `nil` leaves a cell out.
    static func workbook(_ sheets: [(String, [[String?]])]) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = [
            (
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            )
        ]
        var list = ""
        var rels = ""
        for (i, (name, rows)) in sheets.enumerated() {
            list += "<sheet name=\"\(name)\" sheetId=\"\(i + 1)\" r:id=\"s\(i)\"/>"
            rels += "<Relationship Id=\"s\(i)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/s\(i).xml\"/>"
            var x = "<worksheet xmlns=\"\(main)\"><sheetData>"
            for (r, cells) in rows.enumerated() {
                x += "<row r=\"\(r + 1)\">"
                for (c, v) in cells.enumerated() {
                    guard let v else { continue }
                    let ref = String(UnicodeScalar(UInt8(65 + c))) + String(r + 1)
                    x +=
                        v.hasPrefix("n:")
                        ? "<c r=\"\(ref)\"><v>\(v.dropFirst(2))</v></c>"
                        : "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>"
                }
                x += "</row>"
            }
            parts.append(("xl/worksheets/s\(i).xml", x + "</sheetData></worksheet>"))
        }
        parts.append(
            ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(list)</sheets></workbook>"))
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
            ))
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let d = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate)
            { p, n in
                d.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        return archive.data ?? Data()
    }

    static func sheetXML(_ path: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    func site() throws -> String {
        let site = try Gongshi.site("basic")
        let header: [String?] = [
            "行政相对人名称", "行政相对人类别", "行政相对人代码_1 (统一社会信用代码)", "法定代表人", "行政许可决定文书名称",
            "行政许可决定书文号", "许可类别", "许可内容", "许可决定日期", "许可截止日期", "许可机关",
            "许可机关统一社会信用代码", "处理人电话",
        ]
        let row: [String?] = [
            "周村表格测试有限公司", "02", "91370306MA3RX7K2XU", "孔祥瑞", "食品经营许可决定书", "周市监许〔2026〕901号", "01",
            "预包装食品销售", "n:46349", "n:48174", "区市场监管局", "11370306004000024A", "12345",
        ]
        let data = try Self.workbook([("说明", [["本表说明", "第二格"]]), ("许可", [header, [], row])])
        try data.write(to: URL(fileURLWithPath: site + "/Content/xzxk/2026-11-daochu.xlsx"))
        return site
    }

    @Test func checkNamesTheSheetAndTheExcelRow() throws {
        let site = try site()
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let ours = findings.filter { ($0["file"] as? String) == "Content/xzxk/2026-11-daochu.xlsx" }
        let bad = try #require(ours.first { $0["rule"] as? String == "bad-file" })
        #expect(bad["sheet"] as? String == "说明")
        #expect(bad["line"] as? Int == 1)
        let unknown = try #require(ours.first { $0["rule"] as? String == "unknown-column" })
        #expect(unknown["sheet"] as? String == "许可")
        #expect(findings.contains { $0["file"] as? String == "Content/xzcf/2026-11.csv" && $0["sheet"] == nil })
        let text = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25"])
        #expect(text.stdout.contains("[说明] 第1行"))
    }

    @Test func buildPublishesTheWorkbookRowAndWritesExcelOpenData() throws {
        let site = try site()
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0, "\(r.stderr)")
        let pub = site + "/Public"
        let csv = Gongshi.read(pub + "/data/xzxk.csv")
        #expect(csv.contains("周村表格测试有限公司"))
        #expect(csv.contains("2026-11-23"))  // serial 46349
        #expect(csv.contains("2031-11-22"))  // serial 48174, under the alias 许可截止日期
        #expect(!csv.contains("12345"))  // an unknown column is never published
        for kind in ["xzxk", "xzcf", "mingdan"] {
            #expect(FileManager.default.fileExists(atPath: pub + "/data/\(kind).xlsx"))
        }
        let sheet = try Self.sheetXML(pub + "/data/xzxk.xlsx")
        #expect(sheet.contains("t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">91370306MA3RX7K2XU</t>"))
        #expect(sheet.contains("周村表格测试有限公司"))
        // Same input, same bytes.
        let first = FileManager.default.contents(atPath: pub + "/data/xzcf.xlsx")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        #expect(FileManager.default.contents(atPath: pub + "/data/xzcf.xlsx") == first)
    }
}
