import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

/// Headers over two rows: a group cell (「行政相对人代码」) in the first, the fields it groups in the second.
@Suite("headers over two rows")
struct TwoRowHeaderTests {
    /// 序号, 名称, 类别, 行政相对人代码 (D, grouping D–F), 文号, 机关: the group's text is in D only.
    static let header: [String?] = ["序号", "行政相对人名称", "行政相对人类别", "行政相对人代码", nil, nil, "行政处罚决定书文号", "处罚机关"]
    static let codes: [String?] = [nil, nil, nil, "统一社会信用代码", "工商注册号", "组织机构代码"]

    static func data(_ n: Int) -> [String?] {
        ["n:\(n)", "示范区\(n)号公司", "法人及非法人组织", "91370306MA3E00005\(n)", "/", nil, "示税罚〔2026〕\(n)号", "区税务局"]
    }

    func records(_ rows: [(Int, [String?])], merges: [String] = []) throws -> (
        records: [SourceRecord], findings: [Finding]
    ) {
        var sheet = WorkbookFixture.Sheet(name: "处罚", rows: rows)
        sheet.merges = merges
        var recs: [SourceRecord] = []
        let r = RecordFileReader.readWorkbook(
            kind: .xzcf, data: try WorkbookFixture(sheets: [sheet]).data(), file: "Content/xzcf/a.xlsx"
        ) { recs.append($0) }
        return (recs, r.findings)
    }

    func csv(_ text: String) -> (records: [SourceRecord], findings: [Finding]) {
        let dir = TempDir()
        let path = dir.write("a.csv", text)
        var recs: [SourceRecord] = []
        let r = RecordFileReader.read(kind: .xzcf, path: path, file: "Content/xzcf/a.csv") { recs.append($0) }
        withExtendedLifetime(dir) {}
        return (recs, r.findings)
    }

    @Test("the row under a group cell completes the header: the codes are read, and the row is no record")
    func groupCell() throws {
        let r = try records([(1, Self.header), (2, Self.codes), (3, Self.data(1)), (4, Self.data(2))])
        #expect(r.records.map(\.line) == [3, 4])
        #expect(r.records.first?[.creditCode] == "91370306MA3E000051")
        #expect(r.records.first?[.registrationNumber] == "/")
        #expect(r.records.first?[.penaltyDocumentNumber] == "示税罚〔2026〕1号")
        let info = try #require(r.findings.first { $0.severity == .info })
        #expect(info.rule == "bad-file" && info.line == 2 && info.sheet == "处罚")
        #expect(info.message.hasPrefix("表头分两行：第2行的「统一社会信用代码」等补全了表头"))
        // The group's name is no unknown column now, and 序号 numbers the rows: no warning at all.
        #expect(!r.findings.contains { $0.rule == "unknown-column" })
        #expect(r.findings.count == 1, "\(r.findings.map(\.message))")
    }

    @Test("a group cell closing the header: the second row names columns past the first row's end")
    func groupAtTheEnd() throws {
        let header: [String?] = ["行政相对人名称", "行政处罚决定书文号", "行政相对人代码"]
        let second: [String?] = [nil, nil, "统一社会信用代码", "税务登记号", "其他代码"]
        let data: [String?] = ["甲公司", "示税罚〔2026〕1号", "91370306MA3E000051", "370306000000001", "x"]
        let r = try records([(1, header), (2, second), (3, data)])
        #expect(r.records.map(\.line) == [3])
        #expect(r.records.first?[.creditCode] == "91370306MA3E000051")
        #expect(r.records.first?[.taxRegistrationNumber] == "370306000000001")
        // A name of the second row that is no field is an unknown column, said at its row.
        let unknown = r.findings.filter { $0.rule == "unknown-column" }
        #expect(unknown.count == 1 && unknown.first?.line == 2 && unknown.first?.message.contains("其他代码") == true)
    }

    @Test("generic names under a group (法定代表人 over 姓名/证件类型/证件号码, 处罚机关 over 名称/统一社会信用代码)")
    func genericNamesUnderGroups() throws {
        let header: [String?] = [
            "行政相对人名称", "行政相对人代码", nil, "法定代表人", nil, nil, "行政处罚决定书文号", "处罚机关", nil, "处罚决定日期",
        ]
        let second: [String?] = [nil, "统一社会信用代码", "工商注册号", "姓名", "证件类型", "证件号码", nil, "名称", "统一社会信用代码", nil]
        let data: [String?] = [
            "甲公司", "91370306MA3E000051", "/", "王某", "身份证", "370303199001011234", "示税罚〔2026〕1号", "区税务局",
            "11370306004310380L", "2026-11-20",
        ]
        let r = try records([(1, header), (2, second), (3, data)])
        #expect(r.records.map(\.line) == [3], "\(r.findings.map(\.message))")
        let rec = try #require(r.records.first)
        #expect(rec[.creditCode] == "91370306MA3E000051")
        #expect(rec[.legalRepresentative] == "王某")
        #expect(rec[.legalRepresentativeIDType] == "身份证")
        #expect(rec[.legalRepresentativeIDNumber] == "370303199001011234")
        #expect(rec[.penaltyAuthority] == "区税务局")
        #expect(rec[.penaltyAuthorityCode] == "11370306004310380L")
        #expect(!r.findings.contains { $0.severity != .info }, "\(r.findings.map(\.message))")
        // A group written with a note in brackets is the field all the same.
        var noted = header
        noted[3] = "法定代表人（负责人）"
        let n = try records([(1, noted), (2, second), (3, data)])
        #expect(n.records.first?[.legalRepresentative] == "王某", "\(n.findings.map(\.message))")
        #expect(n.records.first?[.legalRepresentativeIDNumber] == "370303199001011234")
        #expect(n.records.first?[.idNumber] == "")
        noted[3] = "法定代表人或负责人"
        let m = try records([(1, noted), (2, second), (3, data)])
        #expect(m.records.first?[.legalRepresentative] == "王某", "\(m.findings.map(\.message))")
        #expect(m.records.first?[.idNumber] == "")
    }

    @Test("a row of codes or 必填/选填 under a full header stays a note, as before")
    func annotationRow() throws {
        let header: [String?] = ["行政相对人名称", "统一社会信用代码", "行政处罚决定书文号"]
        let r = try records([
            (1, header), (2, ["CF_XDR_MC", "CF_XDR_SHXYM", "必填"]), (3, ["甲公司", "91370306MA3E000051", "文号1"]),
        ])
        #expect(r.records.map(\.line) == [3])
        let info = try #require(r.findings.first)
        #expect(r.findings.count == 1 && info.line == 2 && info.message.contains("表头下的说明行"))
    }

    @Test("a data row under a header with unknown or empty columns is a record, not a second header row")
    func dataRowStaysData() throws {
        let r = try records([(1, Self.header), (2, Self.data(1)), (3, Self.data(2))])
        #expect(r.records.map(\.line) == [2, 3])
        #expect(!r.findings.contains { $0.severity == .info })
        // With the header on one row the group's name is unknown, and said (序号 numbers rows: not said).
        let unknown = r.findings.filter { $0.rule == "unknown-column" }.map(\.message)
        #expect(unknown.count == 1 && unknown.first?.contains("行政相对人代码") == true, "\(unknown)")
        // A row under the header with data in its known columns and a field's name in an unknown one is data.
        var odd = Self.data(3)
        odd[0] = "统一社会信用代码"
        #expect(try records([(1, Self.header), (2, odd)]).records.map(\.line) == [2])
    }

    @Test("cells merged across the two header rows draw no merged-cell warning; a range reaching the data does")
    func mergesInTheHeader() throws {
        let headerMerges = ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:G2", "H1:H2"]
        let rows = [(1, Self.header), (2, Self.codes), (3, Self.data(1)), (4, Self.data(2))]
        let clean = try records(rows, merges: headerMerges)
        #expect(!clean.findings.contains { $0.rule == "bad-file" && $0.severity == .warning })
        #expect(clean.records.count == 2)
        let reaching = try records(rows, merges: headerMerges + ["H3:H4"])
        let said = try #require(reaching.findings.first { $0.rule == "bad-file" && $0.severity == .warning })
        #expect(said.message.contains("1 处跨行合并") && said.message.contains("H3:H4"))
        #expect(!said.message.contains("A1:A2"))
        // A header on one row: a range over it and the first data row takes a value from the data.
        let oneRow = try records([(1, Self.header), (2, Self.data(1))], merges: ["A1:A2"])
        #expect(oneRow.findings.contains { $0.severity == .warning && $0.message.contains("A1:A2") })
    }

    @Test("a CSV file's header over two lines is completed alike")
    func csvTwoLines() {
        let text =
            "行政相对人名称,行政相对人代码,,行政处罚决定书文号\n,统一社会信用代码,工商注册号,\n"
            + "甲公司,91370306MA3E000051,,示税罚〔2026〕1号\n"
        let r = csv(text)
        #expect(r.records.map(\.line) == [3], "\(r.findings.map(\.message))")
        #expect(r.records.first?[.creditCode] == "91370306MA3E000051")
        #expect(r.findings.map(\.severity) == [.info], "\(r.findings.map(\.message))")
    }
}
