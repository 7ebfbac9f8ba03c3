import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

@Suite("XLSXReader and workbooks through RecordFileReader")
struct XLSXReaderTests {
    static let header: [String?] = ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "行政许可决定文书号", "许可决定日期", "许可机关"]

    func events(_ wb: WorkbookFixture) throws -> [XLSXEvent] {
        var out: [XLSXEvent] = []
        try XLSXReader.read(data: try wb.data()) { out.append($0) }
        return out
    }

    func records(_ wb: WorkbookFixture, kind: RecordKind = .xzxk, columns: [String: Field] = [:])
        throws -> (records: [SourceRecord], findings: [Finding], rows: Int)
    {
        var recs: [SourceRecord] = []
        let r = RecordFileReader.readWorkbook(
            kind: kind, data: try wb.data(), file: "Content/xzxk/a.xlsx", columns: columns
        ) { recs.append($0) }
        return (recs, r.findings, r.rows)
    }

    @Test("cells: shared and inline strings, numbers, booleans; empty rows skipped, Excel row numbers kept")
    func cells() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "数据",
                rows: [
                    (1, ["甲", "i:乙 & 丙", "n:42", "n:0.2", "b:1", nil, "n:370306600123455"]),
                    (2, []),
                    (5, [nil, "x"]),
                ])
        ])
        let ev = try events(wb)
        #expect(ev.count == 3)
        guard case .sheet(let name, let hidden, let d1904) = ev[0] else {
            Issue.record("no sheet")
            return
        }
        #expect(name == "数据" && !hidden && !d1904)
        guard case .row(let r1) = ev[1], case .row(let r5) = ev[2] else {
            Issue.record("no rows")
            return
        }
        #expect(r1.line == 1)
        #expect(r1.cells == ["甲", "乙 & 丙", "42", "0.2", "TRUE", "", "370306600123455"])
        #expect(r1.numbers[2] == 42 && r1.numbers[0] == nil && r1.numbers[4] == nil)
        #expect(r5.line == 5)
        #expect(r5.cells == ["", "x"])
    }

    @Test("numbers as Excel shows them: 15 significant digits, no exponent; error values are empty cells")
    func numbersAndErrors() throws {
        #expect(SheetHandler.format(0.30000000000000004, written: "0.30000000000000004") == "0.3")
        #expect(SheetHandler.format(5.0000000000000002E-5, written: "5.0000000000000002E-5") == "0.00005")
        #expect(SheetHandler.format(1234.5, written: "1234.5") == "1234.5")
        #expect(SheetHandler.format(-0.1, written: "-0.1") == "-0.1")
        #expect(SheetHandler.format(370_306_600_123_455, written: "370306600123455") == "370306600123455")
        // Past 15 digits Excel has already lost digits: the stored text is kept (and the reader warns).
        #expect(SheetHandler.format(1.13700000004E+17, written: "1.13700000004E+17") == "1.13700000004E+17")
        let wb = WorkbookFixture(sheets: [.init(name: "数据", rows: [(1, ["甲", "e:#N/A", "n:0.30000000000000004"])])])
        guard case .row(let r) = try events(wb)[1] else {
            Issue.record("no row")
            return
        }
        #expect(r.cells == ["甲", "", "0.3"])
    }

    @Test("a code of more than 15 digits stored as a number is said to be beyond repair")
    func codeStoredAsNumber() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "数据", rows: [(1, Self.header), (2, ["某公司", "02", "n:9.13703E+17", "文号1", "2026-11-20", "机关"])])
        ])
        let r = try records(wb)
        let warning = try #require(r.findings.first { $0.rule == "bad-file" })
        #expect(warning.severity == .warning && warning.line == 2 && warning.message.contains("以数字保存"))
        #expect(r.records.count == 1)
    }

    @Test("formulas without a saved result and ranges merged across rows are said once per sheet")
    func formulasAndMerges() throws {
        var sheet = WorkbookFixture.Sheet(
            name: "数据",
            rows: [
                (1, Self.header), (2, ["某公司", "02", "", "文号1", "f:TODAY()", "机关"]),
                (3, ["乙公司", "02", "", "文号2", "f:TODAY()"]),
            ])
        sheet.merges = ["F2:F3", "A5:B5"]
        let r = try records(WorkbookFixture(sheets: [sheet]))
        #expect(r.records.count == 2)
        let said = r.findings.filter { $0.rule == "bad-file" && $0.severity == .warning }
        #expect(said.count == 2, "\(r.findings.map(\.message))")
        #expect(said.contains { $0.line == 2 && $0.message.contains("许可决定日期") && $0.message.contains("共 2 行") })
        #expect(said.contains { $0.line == 0 && $0.message.contains("1 处跨行合并") && $0.message.contains("F2:F3") })
    }

    @Test("Excel error values (#REF!, #N/A) are read as empty and said once per sheet")
    func errorValues() throws {
        let sheet = WorkbookFixture.Sheet(
            name: "数据",
            rows: [
                (1, Self.header), (2, ["某公司", "02", "", "文号1", "e:#REF!", "机关"]),
                (3, ["乙公司", "02", "", "文号2", "2026-11-20", "机关"]), (4, ["丙公司", "02", "", "文号3", "e:#N/A", "机关"]),
            ])
        let r = try records(WorkbookFixture(sheets: [sheet]))
        #expect(r.records.count == 3)
        #expect(r.records.first?[.licenceDate] == "")
        let said = r.findings.filter { $0.rule == "bad-file" && $0.message.contains("错误值") }
        #expect(said.count == 1)
        #expect(said.first?.line == 2 && said.first?.message.contains("「许可决定日期」") == true)
        #expect(said.first?.message.contains("共 2 行") == true)
    }

    @Test("a sheet cut short is read up to where it ends, and said")
    func cutSheet() throws {
        var sheet = WorkbookFixture.Sheet(
            name: "数据", rows: [(1, Self.header), (2, ["某公司", "02", "", "文号1", "2026-11-20", "机关"]), (3, ["乙公司"])])
        sheet.cut = true
        let r = try records(WorkbookFixture(sheets: [sheet]))
        #expect(r.records.map(\.line) == [2])
        let bad = try #require(r.findings.first { $0.rule == "bad-file" })
        #expect(bad.severity == .error && bad.sheet == "数据" && bad.message.contains("不完整"))
    }

    @Test("Excel serial dates: 1900 system with its fictitious 1900-02-29, and the 1904 system")
    func serialDates() {
        #expect(XLSXReader.dateString(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSXReader.dateString(serial: 59, date1904: false) == "1900-02-28")
        #expect(XLSXReader.dateString(serial: 60, date1904: false) == nil)
        #expect(XLSXReader.dateString(serial: 61, date1904: false) == "1900-03-01")
        #expect(XLSXReader.dateString(serial: 46_346.75, date1904: false) == "2026-11-20")
        #expect(XLSXReader.dateString(serial: 0, date1904: true) == "1904-01-01")
        #expect(XLSXReader.dateString(serial: 44_884, date1904: true) == "2026-11-20")
        #expect(XLSXReader.dateString(serial: 0, date1904: false) == nil)
        #expect(XLSXReader.dateString(serial: 20_261_120, date1904: false) == nil)
    }

    @Test(
        "a worksheet becomes records: serial numbers in date columns are dates, line is the Excel row, sheet is named")
    func workbookRecords() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "许可",
                rows: [
                    (1, Self.header),
                    (3, ["某某有限公司", "02", "91370306ma3rx7k2xu", "周市监许〔2026〕1号", "n:46346", "区市场监管局"]),
                    (4, ["另一公司", "02", "91370306MA3RX8L5", "周市监许〔2026〕2号", "20261121", "区市场监管局"]),
                ])
        ])
        let r = try records(wb)
        #expect(r.findings.isEmpty)
        #expect(r.rows == 2)
        #expect(r.records.map(\.line) == [3, 4])
        #expect(r.records.allSatisfy { $0.sheet == "许可" && $0.file == "Content/xzxk/a.xlsx" })
        #expect(r.records[0][.licenceDate] == "2026-11-20")
        #expect(r.records[0][.creditCode] == "91370306MA3RX7K2XU")
        #expect(r.records[1][.licenceDate] == "20261121")
        #expect(LocalDate(parsing: r.records[1][.licenceDate])?.description == "2026-11-21")
    }

    @Test("a year typed alone in a date cell (2026, 2026.11) is its text, a bad date; not a day of 1905")
    func yearNotSerial() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "S",
                rows: [
                    (1, Self.header), (2, ["甲公司", "02", "", "文号1", "n:2026", "机关"]),
                    (3, ["乙公司", "02", "", "文号2", "n:2026.11", "机关"]),
                ])
        ])
        let r = try records(wb)
        #expect(r.records.map { $0[.licenceDate] } == ["2026", "2026.11"])
        #expect(r.records.allSatisfy { LocalDate(parsing: $0[.licenceDate]) == nil })
    }

    @Test("the 1904 date system of a workbook is honoured")
    func date1904() throws {
        var wb = WorkbookFixture(sheets: [
            .init(name: "S", rows: [(1, Self.header), (2, ["甲公司", "02", "", "文号", "n:44884", "机关"])])
        ])
        wb.date1904 = true
        #expect(try records(wb).records.first?[.licenceDate] == "2026-11-20")
    }

    @Test("a sheet with data but no header row is a bad-file naming the sheet; a title row above the header is allowed")
    func sheetWithoutHeader() throws {
        let wb = WorkbookFixture(sheets: [
            .init(name: "导出", rows: [(2, ["本表由系统导出", "2026-11"]), (3, ["甲", "乙"])]),
            .init(
                name: "数据",
                rows: [(1, ["2026年11月行政许可信息"]), (2, Self.header), (3, ["某公司", "02", "", "文号1", "2026-11-20", "机关"])]),
            .init(name: "空表", rows: []),
            .init(name: "字典", hidden: true, rows: [(1, ["01"]), (2, ["02"])]),
        ])
        let r = try records(wb)
        #expect(r.records.count == 1)
        #expect(r.records.first?.sheet == "数据")
        let bad = r.findings.filter { $0.rule == "bad-file" && $0.severity != .info }
        #expect(bad.count == 2)
        // The title row is skipped, and said.
        let title = r.findings.filter { $0.rule == "bad-file" && $0.severity == .info }
        #expect(title.count == 1 && title.first?.sheet == "数据" && title.first?.line == 1)
        let visible = try #require(bad.first { $0.sheet == "导出" })
        #expect(visible.severity == .error && visible.line == 2 && visible.message.contains("工作表「导出」"))
        let hidden = try #require(bad.first { $0.sheet == "字典" })
        #expect(hidden.severity == .warning)
    }

    @Test("a sheet with a note row above its header is read; a sheet without a header says how many rows it had")
    func noteAboveHeaderInSheet() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "数据",
                rows: [
                    (1, ["填报单位：区市场监管局", "填报日期：2026-11-24"]), (2, Self.header),
                    (3, ["某公司", "02", "", "文号1", "2026-11-20", "机关"]),
                ]),
            .init(name: "Sheet2", rows: [(1, ["本表由系统导出", "2026-11"]), (2, ["甲", "乙"]), (3, ["丙", "丁"])]),
            .init(name: "填表说明", rows: [(1, ["字段", "说明", "是否必填"]), (2, ["行政相对人名称", "全称", "必填"])]),
            .init(name: "补报（说明：11月新增）", rows: [(1, ["当事人", "代码"]), (2, ["甲公司", "91370306MA3E000051"])]),
        ])
        let r = try records(wb)
        #expect(r.records.map(\.line) == [3])
        let note = try #require(r.findings.first { $0.sheet == "数据" })
        #expect(note.severity == .info && note.line == 1)
        let rejected = try #require(r.findings.first { $0.sheet == "Sheet2" })
        #expect(rejected.severity == .error && rejected.line == 1)
        #expect(rejected.message.contains(Finding.wholeTableUnread) && rejected.message.contains("3 行"))
        #expect(rejected.message.contains("如「行政相对人名称」"))
        #expect(rejected.message.hasSuffix("如果是数据，请在数据上方加一行列名；如果不是（说明、代码表），可删除该工作表"))
        // A sheet named as instructions is no data: an info.
        let notes = try #require(r.findings.first { $0.sheet == "填表说明" })
        #expect(notes.severity == .info && notes.message.contains("按其名称是说明"), "\(notes.message)")
        // A sheet whose name only mentions 说明 may be data: still an error.
        let mentions = try #require(r.findings.first { $0.sheet == "补报（说明：11月新增）" })
        #expect(mentions.severity == .error)
        for name in ["填写说明", "填报说明（必读）", "填表说明1", "代码对照表", " 数据项说明 "] {
            #expect(TableMapper.isNotesSheet(name), "\(name)")
        }
        #expect(!TableMapper.isNotesSheet("补报数据（说明）") && !TableMapper.isNotesSheet("2026年11月"))
        // A list's sheet names a list's column.
        let list = WorkbookFixture(sheets: [.init(name: "名单", rows: [(1, ["甲", "乙"]), (2, ["丙", "丁"])])])
        var none: [SourceRecord] = []
        let l = RecordFileReader.readWorkbook(kind: .mingdan, data: try list.data(), file: "l.xlsx") { none.append($0) }
        #expect(l.findings.first?.message.contains("如「主体名称」") == true)
    }

    @Test("a sheet of text, one filled cell a row (填表说明), is skipped with an info, not an error")
    func textSheet() throws {
        let wb = WorkbookFixture(sheets: [
            .init(name: "数据", rows: [(1, Self.header), (2, ["某公司", "02", "", "文号1", "2026-11-20", "机关"])]),
            .init(
                name: "填表说明",
                rows: [(1, ["填表说明"]), (2, ["1. 日期填写格式为 YYYY-MM-DD"]), (4, [nil, "2. 金额以万元为单位"])]),
        ])
        let r = try records(wb)
        #expect(r.records.map(\.line) == [2])
        let notes = r.findings.filter { $0.sheet == "填表说明" }
        #expect(notes.count == 1, "\(notes.map(\.message))")
        #expect(notes.first?.severity == .info && notes.first?.message.contains("说明") == true)
    }

    @Test("unknown headers of a sheet carry the sheet and a did-you-mean hint")
    func unknownHeaderInSheet() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "处罚",
                rows: [
                    (1, ["行政相对人名称", "处罚机关名称", "行政处罚决定书文号"]),
                    (2, ["某公司", "区市场监管局", "文号"]),
                ])
        ])
        var recs: [SourceRecord] = []
        let r = RecordFileReader.readWorkbook(kind: .xzcf, data: try wb.data(), file: "f.xlsx") { recs.append($0) }
        let f = try #require(r.findings.first { $0.rule == "unknown-column" })
        #expect(f.sheet == "处罚" && f.line == 1)
        #expect(f.message.contains("您是否指「处罚机关」"))
        #expect(recs.first?[.penaltyAuthority] == "")
    }

    @Test("an old binary .xls (OLE2) is a bad-file asking for .xlsx or CSV; a broken zip is a bad-file")
    func oldBinary() throws {
        let dir = TempDir()
        let path = dir.write(
            "old.xls", data: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)))
        let r = RecordFileReader.read(kind: .xzcf, path: path, file: "Content/xzcf/old.xls") { _ in }
        #expect(r.findings.count == 1)
        #expect(
            r.findings[0].rule == "bad-file" && r.findings[0].message.contains(".xlsx")
                && r.findings[0].message.contains("CSV"))
        let broken = dir.write("b.xlsx", data: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]))
        let b = RecordFileReader.read(kind: .xzcf, path: broken, file: "Content/xzcf/b.xlsx") { _ in }
        #expect(b.findings.map(\.rule) == ["bad-file"])
        let html = dir.write("c.xls", "<html><table><tr><td>1</td></tr></table></html>")
        #expect(
            RecordFileReader.read(kind: .xzcf, path: html, file: "c.xls") { _ in }.findings.map(\.rule) == ["bad-file"])
    }

    @Test("a workbook file on disk is read like bytes")
    func fromDisk() throws {
        let dir = TempDir()
        let wb = WorkbookFixture(sheets: [
            .init(name: "S", rows: [(1, Self.header), (2, ["甲公司", "02", "", "文号", "2026-11-20", "机关"])])
        ])
        let path = dir.write("x.xlsx", data: try wb.data())
        var recs: [SourceRecord] = []
        let r = RecordFileReader.read(kind: .xzxk, path: path, file: "Content/xzxk/x.xlsx") { recs.append($0) }
        #expect(r.findings.isEmpty)
        #expect(recs.map(\.line) == [2])
    }

    @Test("garbage after a ZIP signature is a bad-file finding, never a crash or a record")
    func garbage() {
        // A fixed sequence (xorshift), so a failure is reproduced by running the test again.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        for _ in 0..<50 {
            let bytes = [0x50, 0x4B, 0x03, 0x04] + (0..<200).map { _ in next() }
            var records = 0
            let r = RecordFileReader.readWorkbook(kind: .xzxk, data: Data(bytes), file: "g.xlsx") { _ in records += 1 }
            #expect(records == 0)
            #expect(r.findings.contains { $0.rule == "bad-file" && $0.severity == .error })
        }
    }

    @Test("Excel's escapes of control characters in strings")
    func unescape() {
        #expect(XLSXReader.unescapeExcel("a_x000D_b_x005F_x000D_") == "a\rb_x000D_")
    }
}
