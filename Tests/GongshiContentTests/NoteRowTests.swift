import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

/// Notes that clerks write under the data (填表说明, 注：…, 制表人 / 审核人) are not records.
@Suite("Note rows under the data")
struct NoteRowTests {
    static let header = "序号,统一社会信用代码,主体名称,列入日期,名单类型"

    @Test("notes under a CSV's data are skipped with an info, like a total row")
    func csvNotes() {
        let text =
            "\(Self.header)\n1,91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n合计,,,,\n"
            + "填表说明：罚款金额以万元为单位。,,,,\n制表人：李四,,审核人：王五,,\n注：本表自动生成,,,,\n"
            + "说明: 无,,,,\n联系电话,0533-1234567,,,\n"
        let dir = TempDir()
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(kind: .mingdan, path: dir.write("a.csv", text), file: "Content/mingdan/a.csv") {
            records.append($0)
        }
        #expect(records.map(\.line) == [2])
        #expect(r.findings.allSatisfy { $0.severity != .error }, "\(r.findings.map(\.message))")
        let notes = r.findings.filter { $0.message.contains("说明行") }
        #expect(notes.map(\.line) == [4, 5, 6, 7, 8])
        #expect(notes[1].message.contains("制表人：李四 审核人：王五"))
    }

    @Test("a row numbering the columns under the header (1, 2, 3 …) is skipped; a record starting 1 is not")
    func columnNumbers() {
        let text = "\(Self.header)\n1,2,3,4,5\n1,91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单\n"
        let dir = TempDir()
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(kind: .mingdan, path: dir.write("n.csv", text), file: "Content/mingdan/n.csv") {
            records.append($0)
        }
        #expect(records.map(\.line) == [3])
        #expect(r.findings.filter { $0.message.contains("列序号行") }.map(\.line) == [2], "\(r.findings.map(\.message))")
        #expect(HeaderRow.numbersColumns(["1", "", "2", "3"]))
        #expect(!HeaderRow.numbersColumns(["1", "2"]) && !HeaderRow.numbersColumns(["1", "3", "4"]))
        #expect(HeaderRow.numbersColumns(["１", "２", "３"]), "typed in full width")
    }

    @Test("rows with nothing but their 序号 (a template numbered ahead of the data) are no records")
    func numberedAhead() {
        let text =
            "\(Self.header),附注\n1,91370303MA3C4L7Q1X,甲公司,2026-07-01,红名单,\n2,,,,,\n3,,,,,\n4,,,,,无\n"
            + "5,,乙公司,,,\n"
        let dir = TempDir()
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(kind: .mingdan, path: dir.write("t.csv", text), file: "Content/mingdan/t.csv") {
            records.append($0)
        }
        // Row 6 names an entity: a record with fields missing, for the rules to report.
        #expect(records.map(\.line) == [2, 6])
        #expect(r.findings.allSatisfy { $0.severity != .error }, "\(r.findings.map(\.message))")
    }

    @Test("a note in a workbook: 审核人 and 填表人 in cells of their own")
    func workbookNotes() throws {
        let wb = WorkbookFixture(sheets: [
            .init(
                name: "许可信息",
                rows: [
                    (1, ["序号", "主体名称", "统一社会信用代码", "列入日期", "名单类型"]),
                    (2, ["1", "甲公司", "91370303MA3C4L7Q1X", "2026-07-01", "黑名单"]),
                    (3, [nil, nil, "填表说明：1. 日期填写格式为YYYY-MM-DD"]),
                    (4, [nil, "审核人：", "张三", "填表人：", "李四"]),
                ])
        ])
        var recs: [SourceRecord] = []
        let r = RecordFileReader.readWorkbook(kind: .mingdan, data: try wb.data(), file: "Content/mingdan/a.xlsx") {
            recs.append($0)
        }
        #expect(recs.count == 1)
        let infos = r.findings.filter { $0.severity == .info }
        #expect(infos.map(\.line) == [3, 4] && infos.allSatisfy { $0.sheet == "许可信息" })
    }

    @Test("rows that merely start with such a word are records")
    func recordsStay() {
        #expect(HeaderRow.note(["注册会计师事务所", "91370303MA3C4L7Q1X", "2026-07-01"]) == nil)
        #expect(HeaderRow.note(["说明书印刷厂", "91370303MA3C4L7Q1X"]) == nil)
        #expect(HeaderRow.note(["联系电话", "1", "2", "3", "4", "5", "6"]) == nil)
        #expect(HeaderRow.note(["甲公司", "填表说明"]) == nil)
        #expect(HeaderRow.note(["  注：见附件"]) == "注：见附件")
    }
}
