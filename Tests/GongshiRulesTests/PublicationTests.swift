import GongshiModel
import Testing

@testable import GongshiRules

/// What is public on the build date, and how (SPEC §2, §7).
@Suite("Publication")
struct PublicationTests {
    @Test("a public penalty: key, id, department, entity, dates, deadline, fields")
    func penalty() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["法定代表人证件号码": IDNumber.make(birth: "19700101", sequence: "001")])])
            .judge()
        let r = try #require(j.record(penaltyKey()))
        #expect(r.kind == .xzcf)
        #expect(r.id.hasPrefix("scjgj-"))
        #expect(r.id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
        #expect(r.department.code == "scjgj")
        #expect(r.entityName == "淄博某某食品有限公司")
        #expect(r.entityCode == Fixture.companyA)
        #expect(r.category == .organization)
        #expect(r.documentNumber == "周市监罚〔2026〕1号")
        #expect(r.title == "销售超过保质期的食品")
        #expect(r.decisionDate == day("2026-11-20"))
        #expect(r.deadline == day("2026-12-01"))
        #expect(r.firstPublished == day("2026-11-25"))
        #expect(r.publicityEnd == day("2027-11-20"))
        #expect(!r.isLate && !r.underObjection)
        #expect(r.file == "Content/xzcf/a.csv" && r.line == 2)
        #expect(r.fields.map(\.name) == RecordSchema.penalty.fields.filter { $0.role != .secret }.map(\.name))
        #expect(r.field("法定代表人证件号码") == nil)
        #expect(j.rowsRead == 1)
    }

    @Test("ids are stable and differ between keys")
    func ids() throws {
        let a = try Fixture(.xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号"])]).judge()
        let b = try Fixture(.xzcf, [Row.penalty(["违法事实": "另一种写法"])]).judge("2026-11-26")
        #expect(a.record(penaltyKey())?.id == b.record(penaltyKey())?.id)
        #expect(a.record(penaltyKey())?.id != a.record(penaltyKey("周市监罚〔2026〕2号"))?.id)
    }

    @Test("status 其他 is treated as 正常 and its 状态说明 is shown")
    func other() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["当前状态": "3", "状态说明": "已履行完毕"])]).judge()
        #expect(j.findings.isEmpty)
        let r = try #require(j.record(penaltyKey()))
        #expect(r.statusNote == "已履行完毕")
        #expect(!r.underObjection)
        #expect(r.field("当前状态") == "其他")
    }

    @Test("records are ordered newest first publication first")
    func order() throws {
        var f = Fixture(.xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号", "处罚决定日期": "2026-11-24"])])
        f.ledger = ["2026-11-21,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge()
        #expect(j.publication.records.map(\.key) == [penaltyKey("周市监罚〔2026〕2号"), penaltyKey()])
    }

    @Test("a list entry: list id, red/black, dates, memorandum")
    func listEntry() throws {
        let j = try Fixture(.mingdan, [Row.black(["有效期至": "2029-11-01"])]).judge()
        let e = try #require(j.entry(listKey("失信被执行人", Fixture.companyA, "2026-11-02")))
        #expect(!e.isRed)
        #expect(e.listName == "失信被执行人")
        #expect(e.listID == "shixin-beizhixing")
        #expect(e.department.code == "fy")
        #expect(e.entityCode == Fixture.companyA)
        #expect(e.listedOn == day("2026-11-02"))
        #expect(e.validUntil == day("2029-11-01"))
        #expect(e.memorandum?.title == "关于对失信被执行人实施联合惩戒的合作备忘录")
        #expect(e.firstPublished == day("2026-11-25"))
        let red = try Fixture(.mingdan, [Row.red()]).judge()
        #expect(red.publication.listEntries.first?.isRed == true)
    }

    @Test("the list key uses 主体名称 when there is no code, and the date as YYYY-MM-DD")
    func listKeys() throws {
        let sole: [String: String] = [
            "主体名称": " 周村区某某小吃店 ", "主体类别": "个体工商户", "统一社会信用代码": "00000000000000000X",
            "法定代表人": "", "列入日期": "2026/4/1",
        ]
        let j = try Fixture(.mingdan, [Row.red(sole)]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.publication.listEntries.first?.key == listKey("纳税信用A级纳税人", "周村区某某小吃店", "2026-04-01"))
        #expect(j.publication.listEntries.first?.entityCode == "")
    }

    @Test("two 个体工商户 without code on one list and date are two entries")
    func twoSoleProprietors() throws {
        let a: [String: String] = ["主体名称": "甲小吃店", "主体类别": "个体工商户", "统一社会信用代码": "00000000000000000X", "法定代表人": ""]
        let b = a.merging(["主体名称": "乙小吃店"]) { $1 }
        let j = try Fixture(.mingdan, [Row.red(a), Row.red(b)]).judge()
        #expect(j.findings.isEmpty, "\(j.findings.map(\.message))")
        #expect(j.publication.listEntries.count == 2)
    }

    @Test("withheld records are counted with their reason")
    func withheld() throws {
        var f = Fixture(
            .xzcf, [Row.penalty(["违法事实": ""]), Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号", "处罚决定日期": "2026-12-01"])])
        f.add(.mingdan, [Row.black(["当前状态": "异议"])])
        let j = try f.judge()
        #expect(j.publication.withheld.map(\.rule).sorted() == ["future-date", "missing-field", "under-objection"])
        #expect(j.publication.withheld.allSatisfy { !$0.department.isEmpty })
    }

    @Test("draft articles are not published")
    func drafts() throws {
        var f = Fixture()
        f.files["xinwen/a.md"] = "---\ntitle: 新闻\ndate: 2026-11-20\n---\n"
        f.files["xinwen/b.md"] = "---\ntitle: 草稿\ndate: 2026-11-21\ndraft: true\n---\n"
        let j = try f.judge()
        #expect(j.publication.articles.map(\.title) == ["新闻"])
    }

    @Test("findings are sorted by file, line and rule")
    func findingOrder() throws {
        var f = Fixture()
        f.add(
            .xzcf,
            [
                Row.penalty(["违法事实": "电话13805331234", "处罚机关": "某局", "处罚机关统一社会信用代码": Fixture.companyC]),
                Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号", "处罚决定日期": "2026-12-01"]),
            ], file: "b.csv")
        f.add(.mingdan, [Row.black(["认定依据": "发改财金〔2099〕1号"])])
        let j = try f.judge()
        let order = j.findings.map { "\($0.file):\($0.line):\($0.rule)" }
        #expect(
            order == [
                "Content/mingdan/a.csv:2:unknown-memorandum", "Content/xzcf/b.csv:2:unknown-department",
                "Content/xzcf/b.csv:3:future-date",
            ])
    }
}
