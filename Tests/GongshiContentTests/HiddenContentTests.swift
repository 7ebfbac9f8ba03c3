import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

@Suite("hidden worksheets and hidden rows of a workbook")
struct HiddenContentTests {
    static let header = XLSXReaderTests.header

    static func data(_ n: Int) -> [String?] {
        ["示范区\(n)号公司", "02", "", "示市监许〔2026〕\(n)号", "2026-11-20", "区市场监管局"]
    }

    func records(_ sheets: [WorkbookFixture.Sheet]) throws -> (records: [SourceRecord], findings: [Finding]) {
        var recs: [SourceRecord] = []
        let r = RecordFileReader.readWorkbook(
            kind: .xzxk, data: try WorkbookFixture(sheets: sheets).data(), file: "Content/xzxk/a.xlsx"
        ) { recs.append($0) }
        return (recs, r.findings)
    }

    /// Neither a whole table unread (an error's words) nor a file left out: `check` and `build` count
    /// the finding as the warning it is.
    func isPlainWarning(_ f: Finding) -> Bool {
        f.severity == .warning && f.line > 0 && !f.message.contains(Finding.wholeTableUnread)
            && !f.message.contains(Finding.dataFileUnread)
    }

    @Test("the reader says which rows are hidden")
    func rowFlag() throws {
        var sheet = WorkbookFixture.Sheet(name: "数据", rows: [(1, Self.header), (2, Self.data(1)), (3, Self.data(2))])
        sheet.hiddenRows = [3]
        var rows: [XLSXRow] = []
        try XLSXReader.read(data: try WorkbookFixture(sheets: [sheet]).data()) {
            if case .row(let r) = $0 { rows.append(r) }
        }
        #expect(rows.map(\.hidden) == [false, false, true])
    }

    @Test("a hidden sheet with a header is not read, and said with its name, its rows and 取消隐藏")
    func hiddenSheetWithHeader() throws {
        var draft = WorkbookFixture.Sheet(
            name: "草稿（勿用）", rows: [(1, ["2026年11月（草稿）"]), (2, Self.header), (3, Self.data(8)), (5, Self.data(9))])
        draft.hidden = true
        let r = try records([.init(name: "11月", rows: [(1, Self.header), (2, Self.data(1))]), draft])
        #expect(r.records.map(\.sheet) == ["11月"])
        #expect(r.findings.count == 1, "\(r.findings.map(\.message))")
        let f = try #require(r.findings.first)
        #expect(f.rule == "bad-file" && f.sheet == "草稿（勿用）" && f.line == 2 && isPlainWarning(f))
        #expect(f.message.contains("「草稿（勿用）」") && f.message.contains("2 行") && f.message.contains("取消隐藏"))
    }

    @Test("a very hidden sheet with a header is not read either")
    func veryHiddenSheet() throws {
        var sheet = WorkbookFixture.Sheet(name: "旧数据", rows: [(1, Self.header), (2, Self.data(1))])
        sheet.veryHidden = true
        let r = try records([sheet])
        #expect(r.records.isEmpty)
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1 && isPlainWarning(f) && f.message.contains("1 行"))
    }

    @Test("a hidden sheet without a header stays a lookup list: a warning as before")
    func hiddenSheetWithoutHeader() throws {
        var lookup = WorkbookFixture.Sheet(name: "字典", rows: [(1, ["01", "法人及非法人组织"]), (2, ["02", "自然人"])])
        lookup.hidden = true
        let r = try records([.init(name: "数据", rows: [(1, Self.header), (2, Self.data(1))]), lookup])
        #expect(r.records.count == 1)
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1 && f.severity == .warning && f.message.contains(Finding.wholeTableUnread))
    }

    @Test("hidden rows are read and published, with one warning per sheet listing them")
    func hiddenRows() throws {
        var sheet = WorkbookFixture.Sheet(
            name: "11月", rows: [(1, Self.header)] + (2...6).map { ($0, Self.data($0)) } + [(7, ["合计", "共5家"])])
        sheet.hiddenRows = [1, 3, 5, 7]
        let r = try records([sheet])
        #expect(r.records.map(\.line) == [2, 3, 4, 5, 6])
        let said = r.findings.filter { $0.severity == .warning }
        #expect(said.count == 1, "\(r.findings.map(\.message))")
        let f = try #require(said.first)
        // The hidden header and total row are no records: only the rows published are listed.
        #expect(f.rule == "bad-file" && f.sheet == "11月" && f.line == 3 && isPlainWarning(f))
        #expect(f.message.contains("第3、5行在 Excel 中是隐藏行") && f.message.contains("删除该行"))
    }

    @Test("more than 20 hidden rows: the first 20 are listed, then how many")
    func manyHiddenRows() throws {
        var sheet = WorkbookFixture.Sheet(name: "数据", rows: [(1, Self.header)] + (2...31).map { ($0, Self.data($0)) })
        sheet.hiddenRows = Set(2...31)
        let r = try records([sheet])
        #expect(r.records.count == 30)
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1)
        #expect(f.message.contains("第" + (2...21).map(String.init).joined(separator: "、") + "行等 30 行"))
    }

    @Test("an ordinary workbook gets neither warning")
    func ordinary() throws {
        let r = try records([
            .init(name: "11月", rows: [(1, Self.header), (2, Self.data(1)), (3, Self.data(2))]),
            .init(name: "12月", rows: [(1, Self.header), (2, Self.data(3))]),
        ])
        #expect(r.records.count == 3)
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }
}
