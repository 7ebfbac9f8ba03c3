import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

@Suite("Header matching, aliases, columns: maps and sidecars")
struct HeaderMappingTests {
    func read(
        _ kind: RecordKind, _ text: String, name: String = "data.csv", sidecar: String? = nil,
        columns: [String: Field] = [:]
    ) -> (records: [SourceRecord], findings: [Finding]) {
        let dir = TempDir()
        let path = dir.write(name, text)
        if let sidecar { dir.write((name as NSString).deletingPathExtension + ".yml", sidecar) }
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(
            kind: kind, path: path, file: "Content/\(kind.rawValue)/\(name)", columns: columns
        ) { records.append($0) }
        return (records, r.findings)
    }

    @Test("case, spaces (full-width too), bracket style and the national code prefix are ignored")
    func normalisation() {
        let s = RecordSchema.licensing
        #expect(s.index(of: "行政相对人代码_2 (工商注册号)") == s.index(of: "工商注册号"))
        #expect(s.index(of: "行政相对人代码_1（统一社会信用代码）") == s.index(of: "统一社会信用代码"))
        #expect(s.index(of: "行政相对人\u{3000}名称") == s.index(of: "行政相对人名称"))
        #expect(s.index(of: " xk_xdr_mc ") == s.index(of: "行政相对人名称"))
        #expect(RecordSchema.penalty.index(of: "罚款金额 ( 万元 )") == RecordSchema.penalty.index(of: "罚款金额（万元）"))
        #expect(s.index(of: "行政相对人名") == nil)
    }

    @Test("a template's note after a column's name is read past; a unit is part of the name")
    func notesAfterNames() {
        let cf = RecordSchema.penalty
        #expect(cf.index(of: "行政处罚决定书文号（必填）") == cf.index(of: "行政处罚决定书文号"))
        #expect(cf.index(of: "处罚决定日期(格式:YYYY/MM/DD)") == cf.index(of: "处罚决定日期"))
        #expect(cf.index(of: "处罚机关【必填】") == cf.index(of: "处罚机关"))
        #expect(cf.index(of: "备注（选填，如：简易程序）") == cf.index(of: "备注"))
        #expect(cf.index(of: "罚款金额（万元）（必填）") == cf.index(of: "罚款金额（万元）"))
        // Not a note: a unit, or words that are no fill-in advice.
        #expect(cf.index(of: "罚款金额（元）") == nil)
        #expect(cf.index(of: "处罚机关（盖章）") == nil)
    }

    @Test("aliases of §8.2 and v1 codes name their v2.0 column")
    func aliases() {
        let xk = RecordSchema.licensing
        let cf = RecordSchema.penalty
        let md = RecordSchema.list
        let pairs: [(RecordSchema, String, String)] = [
            (xk, "行政许可决定书文号", "行政许可决定文书号"), (xk, "许可截止日期", "有效期至"), (xk, "XK_JZQ", "有效期至"),
            (xk, "数据来源", "数据来源单位"), (xk, "XK_XDR_TYPE", "行政相对人类别"), (xk, "XK_XDR", "行政相对人名称"),
            (xk, "XK_XZJG", "许可机关"), (xk, "XK_XDR_ZDM", "组织机构代码"), (xk, "XK_XDR_GSDJ", "工商注册号"),
            (xk, "XK_XDR_SFZ", "证件号码"), (xk, "XK_FR", "法定代表人"),
            (cf, "CF_SXYZCD", "失信严重程度"), (cf, "CF_XDR_TYPE", "行政相对人类别"), (cf, "CF_XZJG", "处罚机关"),
            (cf, "CF_XDR_ZDM", "组织机构代码"), (cf, "CF_XDR_GSDJ", "工商注册号"), (cf, "CF_XDR_SFZ", "证件号码"),
            (cf, "CF_FR", "法定代表人"), (cf, "数据来源", "数据来源单位"), (cf, "CF_JG", "处罚内容"),
            (md, "企业名称", "主体名称"), (md, "统一信用代码", "统一社会信用代码"), (md, "工商注册号", "工商注册号"),
            (md, "组织机构代码", "组织机构代码"), (md, "案号", "案号"), (md, "执行法院", "执行法院"),
            (md, "认定文书号", "认定文书号"), (md, "执行依据文号", "执行依据文号"),
            (md, "生效法律文书确定的义务", "生效法律文书确定的义务"), (md, "被执行人的履行情况", "被执行人的履行情况"),
        ]
        for (schema, alias, name) in pairs {
            #expect(schema.index(of: alias).map { schema.fields[$0].name } == name, "\(alias)")
        }
    }

    @Test("no two fields of a schema share a name or alias")
    func aliasesAreUnique() {
        for schema in [RecordSchema.licensing, .penalty, .list] {
            var seen: [String: String] = [:]
            for f in schema.fields {
                for n in f.headers(in: schema.kind) {
                    let k = RecordSchema.normalizeHeader(n)
                    #expect(seen[k] == nil || seen[k] == f.name, "\(n) in \(schema.kind)")
                    seen[k] = f.name
                }
            }
        }
    }

    @Test("suggestions for unknown headers")
    func suggestions() {
        #expect(RecordSchema.penalty.suggestion(for: "处罚机关名称") == "处罚机关")
        #expect(RecordSchema.licensing.suggestion(for: "许可决定日") == "许可决定日期")
        #expect(RecordSchema.licensing.suggestion(for: "联系电话") == nil)
        // A header naming a code is hinted to a code column, never to a name.
        #expect(RecordSchema.penalty.suggestion(for: "行政相对人代码") == "统一社会信用代码")
        #expect(RecordSchema.penalty.suggestion(for: "处罚机关代码") == "处罚机关统一社会信用代码")
        #expect(RecordSchema.licensing.suggestion(for: "许可机关代码") == "许可机关统一社会信用代码")
        #expect(RecordSchema.list.suggestion(for: "主体代码") == "统一社会信用代码")
        #expect(RecordSchema.penalty.suggestion(for: "行政区划代码") == nil)
        #expect(RecordSchema.penalty.suggestion(for: "处罚代码") == nil)
        #expect(RecordSchema.penalty.suggestion(for: "数据来源单位代码") == "数据来源单位统一社会信用代码")
        // An enumerated field's code is the field, which reads codes (01–04, 1/3).
        #expect(RecordSchema.penalty.suggestion(for: "行政相对人类别代码") == "行政相对人类别")
        #expect(RecordSchema.penalty.suggestion(for: "失信严重程度代码") == "失信严重程度")
        #expect(RecordSchema.list.suggestion(for: "名单类型代码") == nil)
    }

    @Test("a CSV with the old header and aliases is read; an unknown header warns with a suggestion")
    func csvAliases() throws {
        let r = read(.xzcf, "行政相对人名称,CF_SXYZCD,处罚机关名称\r\n某公司,严重,区市场监管局\r\n")
        #expect(r.records.first?[.severity] == "严重")
        let f = try #require(r.findings.first)
        #expect(f.rule == "unknown-column" && f.message.contains("您是否指「处罚机关」"))
        #expect(f.sheet == "")
    }

    @Test("CR CR LF is one line end; rows of empty cells are skipped")
    func crcrlf() {
        let r = read(.xzcf, "行政相对人名称,处罚机关\r\r\n甲公司,区市场监管局\r\r\n,\r\r\n乙公司,区市场监管局\r\r\n")
        #expect(r.findings.isEmpty)
        #expect(r.records.map(\.line) == [2, 4])
    }

    @Test("a columns: map renames a department's header; the map wins over the schema")
    func columnsMap() {
        let r = read(
            .xzcf, "单位名称,处罚机关名称\n甲公司,区市场监管局\n",
            columns: [
                RecordSchema.normalizeHeader("处罚机关名称"): .penaltyAuthority,
                RecordSchema.normalizeHeader("单位 名称"): .entityName,
            ])
        #expect(r.findings.isEmpty)
        #expect(r.records.first?[.penaltyAuthority] == "区市场监管局")
        #expect(r.records.first?[.entityName] == "甲公司")
    }

    @Test("a sidecar fills empty columns (aliases, unquoted dates) and may map columns for its file")
    func sidecar() throws {
        let side = """
            名单类型: 黑名单
            名单名称: 失信被执行人
            认定部门: 区法院
            列入日期: 2026-11-20
            columns:
              发布单位: 数据来源单位
            """
        let r = read(
            .mingdan, "企业名称,统一信用代码,列入日期,发布单位\n甲公司,91370306ma3rx7k2xu,,区法院\n乙公司,91370306MA3RX8L538,2026-11-21,区法院\n",
            sidecar: side)
        #expect(r.findings.isEmpty)
        #expect(r.records.count == 2)
        let a = r.records[0]
        let b = r.records[1]
        #expect(a[.listName] == "失信被执行人" && a[.listType] == "黑名单" && a[.listingAuthority] == "区法院")
        #expect(a[.subjectName] == "甲公司" && a[.creditCode] == "91370306MA3RX7K2XU")
        #expect(a[.listedOn] == "2026-11-20")
        #expect(b[.listedOn] == "2026-11-21")
        #expect(a[.dataSource] == "区法院")
        #expect(a.present[RecordSchema.list.index(of: Field.listName)!])
    }

    @Test("sidecar problems are findings on the sidecar with their line; the good keys still apply")
    func sidecarProblems() throws {
        let side = "名单名称: 失信被执行人\n认定部门名称: 区法院\nlist:\n  - a\n"
        let r = read(.mingdan, "企业名称\n甲公司\n", sidecar: side)
        #expect(r.records.first?[.listName] == "失信被执行人")
        let f = r.findings.filter { $0.file == "Content/mingdan/data.yml" }
        #expect(f.count == 2)
        #expect(f.contains { $0.line == 2 && $0.message.contains("认定部门") })
        #expect(f.contains { $0.line == 3 })
        let broken = read(.mingdan, "企业名称\n甲公司\n", sidecar: "a: [\n")
        #expect(broken.findings.contains { $0.file == "Content/mingdan/data.yml" && $0.rule == "bad-file" })
    }

    @Test(
        "site.yml columns: parsed per kind; duplicate keys after normalisation and unknown targets are errors with their line"
    )
    func siteColumns() throws {
        let base = "title: 信用周村\nbaseURL: https://example.gov.cn/\n"
        let s = try SettingsReader.read(
            text: base + "columns:\n  xzcf:\n    处罚机关名称: 处罚机关\n    XDR: CF_XDR_MC\n", file: "site.yml")
        #expect(s.columns[.xzcf]?[RecordSchema.normalizeHeader("处罚机关名称")] == .penaltyAuthority)
        #expect(s.columns[.xzcf]?["XDR"] == .entityName)
        do {
            _ = try SettingsReader.read(
                text: base + "columns:\n  xzcf:\n    处罚机关名称: 处罚机关\n    处罚机关 名称: 处罚机关\n", file: "site.yml")
            Issue.record("duplicate key accepted")
        } catch { #expect(error.line == 6) }
        do {
            _ = try SettingsReader.read(text: base + "columns:\n  xzxk:\n    发证机关: 发证单位\n", file: "site.yml")
            Issue.record("unknown target accepted")
        } catch { #expect(error.line == 5 && error.message.contains("发证单位")) }
        do {
            _ = try SettingsReader.read(text: base + "columns:\n  xzzz:\n    a: b\n", file: "site.yml")
            Issue.record("unknown kind accepted")
        } catch { #expect(error.line == 4) }
    }
}
