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

/// Rows whose number of cells differs from the header's.
@Suite("CSV row width")
struct CSVRowWidthTests {
    let shape = CSVRowShapeTests()
    static let header = CSVRowShapeTests.header
    static func row(_ n: Int, fact: String = "逾期申报", end: String = "") -> String {
        CSVRowShapeTests.row(n, fact: fact).dropLast() + end + "\n"
    }

    @Test("an English comma in a value plus trailing empty cells: an error naming the counts, not shifted values")
    func commaInValue() throws {
        let r = shape.read(Self.header + Self.row(2) + Self.row(3, fact: "逾期申报,情节较轻", end: ",") + Self.row(4))
        #expect(r.records.map(\.line) == [2, 4])
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1)
        #expect(f.line == 3 && f.severity == .error)
        #expect(f.message.hasPrefix("本行有 8 列，表头有 6 列"))
        #expect(f.message.contains("未加引号的英文逗号"))
    }

    @Test("1,000 unquoted before a trailing comma is the same error, not a bad date")
    func thousands() throws {
        let line = "示范区3号公司,91370306MA3J0000XQ,示税罚〔2026〕3号,逾期申报,1,000,区税务局,\n"
        let r = shape.read(Self.header + Self.row(2) + line)
        #expect(r.records.map(\.line) == [2])
        #expect(r.findings.map(\.message).first?.hasPrefix("本行有 8 列，表头有 6 列") == true)
    }

    @Test("every line ending with the same empty cells is an exporter's way: read")
    func everyLineEndsWithCommas() {
        let r = shape.read(Self.header + Self.row(2, end: ",,") + Self.row(3, end: ",,") + Self.row(4, end: ",,"))
        #expect(r.findings.isEmpty)
        #expect(r.records.map(\.line) == [2, 3, 4])
        #expect(r.records.last?[.penaltyAuthority] == "区税务局")
    }

    @Test("a header ending with commas like its rows; a single data row with one trailing comma")
    func headerEndsWithCommas() {
        let a = shape.read(Self.header.dropLast() + ",\n" + Self.row(2, end: ",") + Self.row(3))
        #expect(a.findings.isEmpty && a.records.count == 2)
        let b = shape.read(Self.header + Self.row(2, end: ","))
        #expect(b.findings.isEmpty && b.records.count == 1)
    }

    @Test("the first data row alone wider than the others: an error")
    func firstRowWider() {
        // 处罚机关 left empty: the cells beyond the header are empty too.
        let line = "示范区2号公司,91370306MA3J0000XQ,示税罚〔2026〕2号,逾期,申报,2026-11-26,,\n"
        let r = shape.read(Self.header + line + Self.row(3) + Self.row(4))
        #expect(r.records.map(\.line) == [3, 4])
        #expect(r.findings.map(\.line) == [2])
    }

    @Test("a first data row of several lines and ending in commas, as the rows after it: all are read")
    func multiLineFirstRow() {
        let first = "示范区2号公司,91370306MA3J0000XQ,示税罚〔2026〕2号,\"逾期\n申报\",2026-11-26,区税务局,,\n"
        let r = shape.read(Self.header + first + Self.row(4, end: ",,") + Self.row(5, end: ",,"))
        // A quoted cell over two lines is one row, as Excel numbers them.
        #expect(r.records.map(\.line) == [2, 3, 4])
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }

    @Test("a file whose header is not recognised and whose only data row ends in a comma keeps that row")
    func unrecognisedHeaderOneRow() {
        let r = shape.read("甲,乙,丙\n1,2,3,\n")
        #expect(r.records.count == 1)
    }

    @Test("a row with a cell missing")
    func narrower() {
        let line = "示范区3号公司,91370306MA3J0000XQ,示税罚〔2026〕3号,2026-11-26,区税务局\n"
        let r = shape.read(Self.header + Self.row(2) + line)
        #expect(r.findings.map(\.message).first?.hasPrefix("本行有 5 列，表头有 6 列：缺少 1 列") == true)
    }
}
