import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

/// Rows that exporters and clerks add around the data: a title above the header, a total under it,
/// and the `*` that templates put on required column names.
@Suite("Title rows, total rows and starred headers, in CSV and workbooks alike")
struct TitleAndTotalRowTests {
    func read(_ kind: RecordKind, _ text: String) -> (records: [SourceRecord], findings: [Finding], rows: Int) {
        let dir = TempDir()
        let path = dir.write("data.csv", text)
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(kind: kind, path: path, file: "Content/\(kind.rawValue)/data.csv") {
            records.append($0)
        }
        return (records, r.findings, r.rows)
    }

    static let listHeader = "统一社会信用代码,主体名称,列入日期,名单类型"

    @Test("a CSV title line above the header is skipped with an info; rows keep their Excel row numbers")
    func csvTitleLine() {
        let text =
            "淄博市2026年度纳税信用A级纳税人名单,,,\n\(Self.listHeader)\n"
            + "91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n91370303MA3C4L7Q2X,乙公司,2026-07-01,红名单\n"
        let r = read(.mingdan, text)
        #expect(r.records.count == 2)
        #expect(r.records.map(\.line) == [3, 4])
        #expect(r.records.first?[.subjectName] == "甲公司")
        #expect(!r.findings.contains { $0.severity != .info }, "\(r.findings.map(\.message))")
        let info = r.findings.first { $0.rule == "bad-file" && $0.severity == .info }
        #expect(info?.line == 1 && info?.message.contains("淄博市2026年度纳税信用A级纳税人名单") == true)
    }

    @Test("a CSV title line without trailing commas is a title too (the file is not lost)")
    func csvTitleLineAlone() {
        let r = read(.mingdan, "名单\n\(Self.listHeader)\n91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n")
        #expect(r.records.count == 1)
        #expect(!r.findings.contains { $0.rule == "bad-file" && $0.severity == .error })
    }

    @Test("a note of several cells above the header is skipped with an info; the rows under the header are read")
    func csvNoteAboveHeader() {
        let text =
            "填报单位：区市场监管局,填报日期：2026-11-24,,\n\(Self.listHeader)\n"
            + "91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n"
        let r = read(.mingdan, text)
        #expect(r.records.map(\.line) == [3])
        #expect(r.findings.map(\.severity) == [.info])
        #expect(r.findings.first?.line == 1 && r.findings.first?.message.contains("说明行") == true)
    }

    @Test("a CSV cell written =\"…\" (to keep Excel from making it a number) is read as the text inside")
    func csvFormulaWrappedText() {
        let r = read(.mingdan, "\(Self.listHeader)\n\"=\"\"91370303MA3C4L7Q1X\"\"\",=\"甲公司\",2026-07-01,红名单\n")
        #expect(r.records.first?[.creditCode] == "91370303MA3C4L7Q1X")
        #expect(r.records.first?[.subjectName] == "甲公司")
        #expect(CellText.unwrapped("=\"0123\"") == "0123" && CellText.unwrapped("=SUM(A1)") == "=SUM(A1)")
    }

    @Test("a template's row of field codes or 必填/选填 under the header is skipped with an info")
    func headerAnnotationRow() {
        for note in [Self.listHeader, "必填,必填,必填,选填", "必填,主体名称,,选填"] {
            let r = read(.mingdan, "\(Self.listHeader)\n\(note)\n91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n")
            #expect(r.records.map(\.line) == [3], "\(note)")
            #expect(
                r.findings.map(\.severity) == [.info] && r.findings.first?.line == 2, "\(r.findings.map(\.message))")
        }
    }

    @Test("a CSV separated by tabs or semicolons is one clear whole-file error")
    func otherSeparators() {
        for sep in ["\t", ";"] {
            let header = Self.listHeader.replacingOccurrences(of: ",", with: sep)
            let row = "91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单".replacingOccurrences(of: ",", with: sep)
            let r = read(.mingdan, "\(header)\n\(row)\n")
            #expect(r.records.isEmpty)
            #expect(r.findings.count == 1 && r.findings.first?.line == 0, "\(r.findings.map(\.message))")
            #expect(r.findings.first?.message.contains("不是逗号") == true)
        }
    }

    @Test("a CSV header closed by a trailing comma: rows without it are read")
    func csvHeaderTrailingComma() {
        let r = read(.mingdan, "\(Self.listHeader),\n91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n")
        #expect(r.records.count == 1)
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
        let wide = read(.mingdan, "\(Self.listHeader),,,\n91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单,\n")
        #expect(wide.records.count == 1 && wide.findings.isEmpty)
    }

    @Test("a CSV whose first row is an unrecognised header still reads it as the header")
    func csvUnknownHeaderStays() {
        let r = read(.mingdan, "甲,乙\n1,2\n")
        #expect(r.findings.filter { $0.rule == "unknown-column" }.count == 2)
        #expect(r.records.count == 1)
    }

    @Test(
        "total rows (合计 / 共5家 / 总计 with sums) are not records: an info, not an error",
        arguments: [
            "合计,共5家,,", "总计：5家,,,", "共5家,,,", ",合计,,", "合计,,,12.5", "小计, ,, ",
            // Whitespace before the word, ASCII or not (the first letter is checked before anything else).
            " 合计,,,", "\u{3000}总计,,,", "\t, 共计12条,,",
        ])
    func totalRows(footer: String) {
        let text = "\(Self.listHeader)\n91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n\(footer)\n"
        let r = read(.mingdan, text)
        #expect(r.records.count == 1)
        #expect(r.rows == 1)
        #expect(r.findings.count == 1)
        #expect(r.findings.first?.severity == .info && r.findings.first?.line == 3)
    }

    @Test(
        "rows that only look like totals are records",
        arguments: [
            "91370303MA3C4L7Q1X,合计商贸有限公司,2026-07-01,红名单", "91370303MA3C4L7Q1X,共5家,2026-07-01,红名单",
        ])
    func notTotals(row: String) {
        let r = read(.mingdan, "\(Self.listHeader)\n\(row)\n")
        #expect(r.records.count == 1)
        #expect(r.findings.isEmpty)
    }

    @Test("a total row of a worksheet is an info, not a missing-field record")
    func workbookTotalRow() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "Sheet1",
                rows: [
                    (1, ["信用山东 严重失信主体名单 导出"]), (2, ["序号", "企业名称", "统一社会信用代码", "列入日期", "名单类型"]),
                    (3, ["1", "甲公司", "91370303MA3C4L7Q1X", "2026-07-01", "黑名单"]), (4, ["合计", "共1家"]),
                ])
        ])
        var recs: [SourceRecord] = []
        let r = RecordFileReader.readWorkbook(kind: .mingdan, data: try wb.data(), file: "Content/mingdan/a.xlsx") {
            recs.append($0)
        }
        #expect(recs.count == 1)
        let infos = r.findings.filter { $0.rule == "bad-file" && $0.severity == .info }
        #expect(infos.map(\.line) == [1, 4])
        #expect(infos.allSatisfy { $0.sheet == "Sheet1" })
        // 序号 is a row number: neither a warning nor a hint that turns it into 案号.
        #expect(!r.findings.contains { $0.rule == "unknown-column" }, "\(r.findings.map(\.message))")
    }

    @Test("a leading or trailing * (a template's required-field mark) is ignored in headers")
    func starredHeaders() {
        let s = RecordSchema.penalty
        #expect(s.index(of: "*行政相对人名称") == s.index(of: "行政相对人名称"))
        #expect(s.index(of: "行政相对人名称*") == s.index(of: "行政相对人名称"))
        #expect(s.index(of: "＊行政处罚决定书文号") == s.index(of: "行政处罚决定书文号"))
        #expect(s.index(of: "*") == nil)
        let r = read(.mingdan, "*统一社会信用代码,*主体名称,列入日期*,名单类型\n91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n")
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
        #expect(r.records.first?[.subjectName] == "甲公司")
    }

    @Test("row-number and note columns get no did-you-mean hint; real misspellings still do")
    func noHintForBookkeepingColumns() {
        for h in ["序号", "编号", "说明", "NO"] {
            #expect(RecordSchema.list.suggestion(for: h) == nil, "\(h)")
            #expect(RecordSchema.penalty.suggestion(for: h) == nil, "\(h)")
        }
        #expect(RecordSchema.penalty.suggestion(for: "处罚机关名称") == "处罚机关")
    }

    @Test("a column numbering the rows (序号, No.) is read past without a warning; a note column still warns")
    func rowNumberColumnsAreNoUnknownColumn() {
        let text = "序号,No.,说明,统一社会信用代码,主体名称,列入日期,名单类型\n1,1,据报,91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n"
        let r = read(.mingdan, text)
        #expect(r.records.first?[.subjectName] == "甲公司")
        let unknown = r.findings.filter { $0.rule == "unknown-column" }.map(\.message)
        #expect(unknown.count == 1 && unknown.first?.contains("「说明」") == true, "\(unknown)")
    }
}
