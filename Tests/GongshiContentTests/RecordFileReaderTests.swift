import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

@Suite("RecordFileReader")
struct RecordFileReaderTests {
    func read(_ kind: RecordKind, _ text: String, name: String = "data.csv") -> (
        records: [SourceRecord], findings: [Finding], rows: Int
    ) {
        let dir = TempDir()
        let path = dir.write(name, text)
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(kind: kind, path: path, file: "Content/\(kind.rawValue)/\(name)") {
            records.append($0)
        }
        return (records, r.findings, r.rows)
    }

    @Test("licensing header by Chinese names, in any order")
    func chineseHeader() throws {
        let text = """
            许可决定日期,行政相对人名称,行政相对人类别,统一社会信用代码,行政许可决定文书号,许可机关
            2026-11-20,周村区某某商行有限公司,法人及非法人组织,91512081MA62K0260E,周市监许〔2026〕1号,区市场监管局

            """
        let r = read(.xzxk, text)
        #expect(r.findings.isEmpty)
        #expect(r.rows == 1)
        let rec = try #require(r.records.first)
        #expect(rec.kind == .xzxk)
        #expect(rec.line == 2)
        #expect(rec.file == "Content/xzxk/data.csv")
        #expect(rec[.entityName] == "周村区某某商行有限公司")
        #expect(rec[.licenceDate] == "2026-11-20")
        #expect(rec[.licenceDocumentNumber] == "周市监许〔2026〕1号")
        #expect(rec[.licensingAuthority] == "区市场监管局")
        #expect(rec[.licenceContent] == "")
        #expect(rec.values.count == RecordSchema.licensing.fields.count)
        let schema = RecordSchema.licensing
        #expect(rec.present[schema.index(of: Field.licensingAuthority)!])
        #expect(!rec.present[schema.index(of: Field.licenceContent)!])
    }

    @Test("licensing header by XK_ codes, case-insensitive")
    func licensingCodes() throws {
        let text = """
            XK_XDR_MC,xk_xdr_lb,XK_XDR_SHXYM,XK_WSH,XK_XKWS,XK_XKLB,XK_NR,XK_JDRQ,XK_YXQZI,XK_XKJG,XK_XKJGDM,XK_ZT,BZ
            周村区某某商行,法人及非法人组织,91512081MA62K0260E,周市监许〔2026〕1号,食品经营许可证,普通,预包装食品,2026/11/20,2031/11/19,区市场监管局,11370306MB2851742D,0,无
            """
        let r = read(.xzxk, text)
        #expect(r.findings.isEmpty)
        let rec = try #require(r.records.first)
        #expect(rec[.entityName] == "周村区某某商行")
        #expect(rec[.entityCategory] == "法人及非法人组织")
        #expect(rec[.licenceDocumentName] == "食品经营许可证")
        #expect(rec[.validUntil] == "2031/11/19")
        #expect(rec[.status] == "0")
        #expect(rec[.remarks] == "无")
    }

    @Test("penalty header by CF_ codes")
    func penaltyCodes() throws {
        let text = """
            CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_GSJZQ,CF_CFJG,CF_YZCD,CF_SJLY
            某某公司,法人及非法人组织,91110000600037341L,张三,周市监罚〔2026〕12号,销售过期食品,经查,《食品安全法》,罚款,罚款2000元,0.2,2026-11-20,2027-11-20,区市场监管局,严重,区市场监管局
            """
        let r = read(.xzcf, text)
        #expect(r.findings.isEmpty)
        let rec = try #require(r.records.first)
        #expect(rec[.penaltyDocumentNumber] == "周市监罚〔2026〕12号")
        #expect(rec[.fineAmount] == "0.2")
        #expect(rec[.publicityEnd] == "2027-11-20")
        #expect(rec[.severity] == "严重")
        #expect(rec[.dataSource] == "区市场监管局")
        #expect(rec[.legalRepresentative] == "张三")
    }

    @Test("full-width and half-width brackets in headers are the same column")
    func bracketFolding() throws {
        let r = read(.xzcf, "行政相对人名称,罚款金额(万元)\n某某公司,0.5\n")
        #expect(r.findings.isEmpty)
        #expect(r.records.first?[.fineAmount] == "0.5")
    }

    @Test("an unknown column is an unknown-column warning on line 1 and is ignored")
    func unknownColumn() throws {
        let r = read(.xzxk, "行政相对人名称,许可机关名称,许可机关\n甲,乙,区市场监管局\n")
        let f = try #require(r.findings.first)
        #expect(r.findings.count == 1)
        #expect(f.rule == "unknown-column")
        #expect(f.severity == .warning)
        #expect(f.line == 1)
        #expect(f.file == "Content/xzxk/data.csv")
        #expect(f.message.contains("许可机关名称"))
        #expect(r.records.count == 1)
        #expect(r.records.first?[.licensingAuthority] == "区市场监管局")
    }

    @Test("a column given twice is reported and only the first is read")
    func duplicateColumn() throws {
        let r = read(.xzxk, "行政相对人名称,XK_XDR_MC\n甲,乙\n")
        #expect(r.findings.map(\.rule) == ["unknown-column"])
        #expect(r.records.first?[.entityName] == "甲")
    }

    @Test("wrong column count is bad-file at that line; the other rows are read")
    func wrongColumnCount() throws {
        let text = "行政相对人名称,行政相对人类别,许可机关\n甲,法人及非法人组织,区市场监管局\n乙,法人及非法人组织,区市场,监管局\n丙,自然人\n丁,法人及非法人组织,区市场监管局\n"
        let r = read(.xzxk, text)
        #expect(r.findings.map(\.rule) == ["bad-file", "bad-file"])
        #expect(r.findings.map(\.line) == [3, 4])
        #expect(r.findings.allSatisfy { $0.severity == .error && $0.file == "Content/xzxk/data.csv" })
        #expect(r.records.map(\.line) == [2, 5])
        #expect(r.records.map { $0[.entityName] } == ["甲", "丁"])
        #expect(r.rows == 4)
    }

    @Test("a trailing empty field beyond the header is tolerated")
    func trailingComma() throws {
        let r = read(.xzxk, "行政相对人名称,许可机关\n甲,区市场监管局,\n")
        #expect(r.findings.isEmpty)
        #expect(r.records.count == 1)
    }

    @Test("a malformed CSV row is bad-file at its line")
    func malformedRow() throws {
        let r = read(.xzxk, "行政相对人名称,许可机关\n\"甲\"乙,区市场监管局\n丙,区市场监管局\n")
        #expect(r.findings.map(\.rule) == ["bad-file"])
        #expect(r.findings.first?.line == 2)
        #expect(r.records.map { $0[.entityName] } == ["丙"])
    }

    @Test("line numbers count records, not physical lines")
    func lineNumbers() throws {
        let r = read(.xzcf, "行政相对人名称,违法事实\n甲,\"第一行\n第二行\"\n\n乙,x\n")
        #expect(r.records.map(\.line) == [2, 4])
        #expect(r.records.first?[.violationFacts] == "第一行\n第二行")
    }

    @Test("codes are upper-cased and trimmed; text is trimmed but keeps its case")
    func codesUpperCased() throws {
        let text =
            "行政相对人名称,统一社会信用代码,工商注册号,许可机关统一社会信用代码,许可内容\n　Abc商行 , 91512081ma62k0260e ,abc123, 11370306mb2851742d ,Wine & beer\n"
        let r = read(.xzxk, text)
        let rec = try #require(r.records.first)
        #expect(rec[.entityName] == "Abc商行")
        #expect(rec[.creditCode] == "91512081MA62K0260E")
        #expect(rec[.registrationNumber] == "ABC123")
        #expect(rec[.licensingAuthorityCode] == "11370306MB2851742D")
        #expect(rec[.licenceContent] == "Wine & beer")
    }

    @Test("list files use the list columns")
    func listFile() throws {
        let text =
            "名单类型,名单名称,主体名称,主体类别,统一社会信用代码,列入日期,认定部门,认定依据\n黑名单,失信被执行人,某某公司,法人及非法人组织,91512081ma62k0260e,2026-11-02,区法院,发改财金〔2016〕141号\n"
        let r = read(.mingdan, text)
        #expect(r.findings.isEmpty)
        let rec = try #require(r.records.first)
        #expect(rec[.listType] == "黑名单")
        #expect(rec[.creditCode] == "91512081MA62K0260E")
        #expect(rec[.listingBasis] == "发改财金〔2016〕141号")
    }

    @Test("an empty file is bad-file on line 0")
    func emptyFile() throws {
        let r = read(.xzxk, "")
        #expect(r.findings.map(\.rule) == ["bad-file"])
        #expect(r.findings.first?.line == 0)
        #expect(r.rows == 0)
    }

    @Test("an undecodable file is bad-file")
    func undecodable() throws {
        let dir = TempDir()
        let path = dir.write("x.csv", data: Data("行政相对人名称\n".utf8) + Data([0xFF, 0xFE, 0xFF, 0x0A]))
        let r = RecordFileReader.read(kind: .xzxk, path: path, file: "Content/xzxk/x.csv") { _ in }
        #expect(r.findings.contains { $0.rule == "bad-file" && $0.severity == .error })
    }

    @Test("a GB18030 data file is read")
    func gbFile() throws {
        let dir = TempDir()
        let text = "行政相对人名称,许可机关\n周村区某某商行,区市场监管局\n"
        let path = dir.write("gb.csv", data: try #require(text.data(using: gb18030)))
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(kind: .xzxk, path: path, file: "Content/xzxk/gb.csv") { records.append($0) }
        #expect(r.findings.isEmpty)
        #expect(records.first?[.entityName] == "周村区某某商行")
    }
}
