import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

/// Rows that a stray English quote joins into one record, and rows whose cells do not match the header.
@Suite("CSV row shape")
struct CSVRowShapeTests {
    static let header = "行政相对人名称,统一社会信用代码,行政处罚决定书文号,违法事实,处罚决定日期,处罚机关\n"

    static func row(_ n: Int, fact: String = "逾期申报") -> String {
        "示范区\(n)号公司,91370306MA3J0000XQ,示税罚〔2026〕\(n)号,\(fact),2026-11-26,区税务局\n"
    }

    func read(_ text: String) -> (records: [SourceRecord], findings: [Finding]) {
        let dir = TempDir()
        let path = dir.write("a.csv", text)
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(kind: .xzcf, path: path, file: "Content/xzcf/a.csv") { records.append($0) }
        return (records, r.findings)
    }

    @Test("a quote opened in one row and closed in a later one: one error for those rows; later rows keep their line")
    func twoStrayQuotes() throws {
        let text =
            Self.header + Self.row(2) + Self.row(3, fact: "\"逾期申报") + Self.row(4) + Self.row(5)
            + Self.row(6, fact: "逾期申报\"") + Self.row(7)
        let r = read(text)
        #expect(r.records.map(\.line) == [2, 7])
        #expect(r.records.map { $0[.entityName] } == ["示范区2号公司", "示范区7号公司"])
        let f = try #require(r.findings.first { $0.rule == "bad-file" })
        #expect(f.severity == .error && f.line == 3)
        #expect(f.message.hasPrefix("第3行至第6行：第3行「违法事实」以英文引号开头，引号未配对"))
        #expect(f.message.contains("均未读取"))
    }

    @Test("a quote never closed: the rows it swallowed are named")
    func unterminated() throws {
        let r = read(Self.header + Self.row(2) + Self.row(3, fact: "\"逾期申报") + Self.row(4) + Self.row(5))
        #expect(r.records.map(\.line) == [2])
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1)
        #expect(f.line == 3 && f.message.hasPrefix("第3行至第5行："))
        #expect(f.message.contains("直到文件末尾都没有结束引号"))
    }

    @Test("text after a closing quote several lines down joins those rows")
    func textAfterClosingQuote() throws {
        let r = read(
            Self.header + Self.row(2, fact: "\"逾期申报") + Self.row(3, fact: "逾期申报\"一次") + Self.row(4))
        #expect(r.records.map(\.line) == [4])
        let f = try #require(r.findings.first)
        #expect(f.line == 2 && f.message.hasPrefix("第2行至第3行："))
    }

    @Test("a legitimately quoted cell of several lines is one row; later rows are numbered as Excel shows them")
    func legitimateMultiLineCell() throws {
        let cell = "\"逾期申报：\n1. 2026年9月,10月\n2. 2026年11月\""
        let r = read(Self.header + Self.row(2, fact: cell) + Self.row(3))
        #expect(r.findings.isEmpty)
        #expect(r.records.map(\.line) == [2, 3])
        #expect(r.records.first?[.violationFacts] == "逾期申报：\n1. 2026年9月,10月\n2. 2026年11月")
    }
}
