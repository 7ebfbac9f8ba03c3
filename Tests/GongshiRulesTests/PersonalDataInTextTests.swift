import GongshiModel
import Testing

@testable import GongshiRules

@Suite("personal-data")
struct PersonalDataInTextTests {
    static let id = IDNumber.make(birth: "19900101", sequence: "123")
    static var maskedID: String { "370303********" + String(id.suffix(4)) }

    @Test("a mobile number in free text is masked and reported once for the field")
    func mobile() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["违法事实": "经查，当事人（电话13805331234，备用15912345678）销售过期食品。"])]).judge()
        let f = try #require(j.findings("personal-data").first)
        #expect(j.ruleIDs == ["personal-data"])
        #expect(f.severity == .warning)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(f.message.contains("违法事实"))
        #expect(!f.message.contains("13805331234"))
        let r = try #require(j.record(penaltyKey()))
        #expect(r.field("违法事实") == "经查，当事人（电话138****1234，备用159****5678）销售过期食品。")
        #expect(!r.fields.contains { $0.value.contains("13805331234") })
    }

    @Test("a person's ID number in 税务登记号 (a 个体工商户's of before 2015) is not published, and is said")
    func idNumberInTaxNumber() throws {
        let rows = [
            Row.penalty(["税务登记号": Self.id + "01", "社会组织登记证号": Self.id]),
            Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号", "税务登记号": "370306800101125"]),
        ]
        let j = try Fixture(.xzcf, rows).judge()
        let found = j.findings("personal-data")
        #expect(found.count == 2 && found.allSatisfy { $0.line == 2 }, "\(found.map(\.message))")
        #expect(found.contains { $0.message.hasPrefix("「税务登记号」中是一个居民身份证号码") })
        #expect(!found.contains { $0.message.contains(String(Self.id.prefix(10))) })
        let r = try #require(j.record(penaltyKey()))
        #expect(r.field("税务登记号") == "" && r.field("社会组织登记证号") == "")
        #expect(!r.fields.contains { $0.value.contains(String(Self.id.prefix(10))) })
        // An organisation's 15-character 税务登记号 (area code and 组织机构代码) is published as written.
        let other = try #require(j.record(penaltyKey("周市监罚〔2026〕2号")))
        #expect(other.field("税务登记号") == "370306800101125")
        // A 个体工商户's old 15-digit ID number, alone or with two digits after it, is its operator's.
        let sole = [
            Row.penalty(["行政相对人类别": "个体工商户", "税务登记号": "37030380010112301", "法定代表人": ""]),
            Row.penalty([
                "行政相对人类别": "个体工商户", "行政处罚决定书文号": "周市监罚〔2026〕2号", "税务登记号": "370306800101125", "法定代表人": "",
            ]),
        ]
        let k = try Fixture(.xzcf, sole).judge()
        #expect(k.findings("personal-data").map(\.line) == [2, 3])
        #expect(k.publication.records.allSatisfy { $0.field("税务登记号") == "" })
    }

    @Test("numbers typed with +86, in groups or in full width are masked and reported; look-alikes are not")
    func otherForms() throws {
        let j = try Fixture(
            .xzcf,
            [
                Row.penalty([
                    "违法事实": "当事人（电话+86 138 1234 5678，身份证号３７０３０３１９９００１０１\(Self.id.suffix(4))）",
                    "处罚内容": "罚款2000元，退款账号6222 0212 3456 7890 128",
                    "备注": "举报电话0533-1234567，编号2026-1105-3312，罚〔2026〕1号",
                ])
            ]
        ).judge()
        let found = j.findings("personal-data")
        #expect(found.count == 2)
        #expect(found.contains { $0.message.contains("违法事实") })
        #expect(found.contains { $0.message.contains("处罚内容") })
        let r = try #require(j.record(penaltyKey()))
        #expect(r.field("违法事实") == "当事人（电话+86 138 **** 5678，身份证号３７０３０３********\(Self.id.suffix(4))）")
        #expect(r.field("处罚内容") == "罚款2000元，退款账号6222 **** **** ***0 128")
        #expect(r.field("备注") == "举报电话0533-1234567，编号2026-1105-3312，罚〔2026〕1号")
    }

    @Test("one finding per field: an ID number in one field and a mobile in another")
    func perField() throws {
        let j = try Fixture(
            .xzcf,
            [
                Row.penalty([
                    "违法事实": "当事人身份证号\(Self.id)", "处罚内容": "罚款2000元，联系13805331234",
                    "备注": "电话13805331234",
                ])
            ]
        ).judge()
        let found = j.findings("personal-data")
        #expect(found.count == 3)
        #expect(found.contains { $0.message.contains("违法事实") })
        #expect(found.contains { $0.message.contains("处罚内容") })
        #expect(found.contains { $0.message.contains("备注") })
        let r = try #require(j.record(penaltyKey()))
        #expect(r.field("违法事实") == "当事人身份证号\(Self.maskedID)")
        #expect(r.field("处罚内容") == "罚款2000元，联系138****1234")
    }

    @Test("list entries' free text is scanned and masked")
    func listEntry() throws {
        let j = try Fixture(.mingdan, [Row.black(["列入事由": "拒不履行，联系人电话13805331234"])]).judge()
        #expect(j.ruleIDs == ["personal-data"])
        let e = try #require(j.entry(listKey("失信被执行人", Fixture.companyA, "2026-11-02")))
        #expect(e.reason == "拒不履行，联系人电话138****1234")
        #expect(e.field("列入事由") == "拒不履行，联系人电话138****1234")
    }

    @Test("code fields are not scanned; an ID number in a code column is not published at all")
    func codeFields() throws {
        // A 工商注册号 shaped like a 15-digit ID number (area, YYMMDD, sequence) is a code, not masked.
        let j = try Fixture(.xzcf, [Row.penalty(["工商注册号": "370303800101123"])]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.record(penaltyKey())?.field("工商注册号") == "370303800101123")
        let id = try Fixture(.xzcf, [Row.penalty(["组织机构代码": Self.id])]).judge()
        #expect(id.ruleIDs == ["bad-value"])
        #expect(!id.findings[0].message.contains(Self.id))
        #expect(id.record(penaltyKey())?.field("组织机构代码") == "")
    }

    @Test("the record title shown in listings is masked too")
    func title() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["违法行为类型": "举报电话13805331234所涉无证经营"])]).judge()
        #expect(j.ruleIDs == ["personal-data"])
        let r = try #require(j.record(penaltyKey()))
        #expect(r.title == "举报电话138****1234所涉无证经营")
        #expect(r.field("违法行为类型") == "举报电话138****1234所涉无证经营")
    }

    @Test("状态说明 shown with the record is scanned and masked")
    func statusNote() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["当前状态": "异议", "状态日期": "2026-11-23", "状态说明": "当事人13805331234提出异议"])])
            .judge()
        #expect(j.findings("personal-data").count == 1)
        #expect(j.findings("personal-data").first?.message.contains("状态说明") == true)
        let r = try #require(j.record(penaltyKey()))
        #expect(r.statusNote == "当事人138****1234提出异议")
        #expect(r.field("状态说明") == "当事人138****1234提出异议")
    }

    @Test("withheld records are not reported")
    func withheld() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["违法事实": "电话13805331234", "处罚依据": ""])]).judge()
        #expect(j.ruleIDs == ["missing-field"])
    }

    @Test("text without personal data raises nothing")
    func clean() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["违法事实": "2026年11月20日检查发现，罚款0.2万元，案号202611200001。"])]).judge()
        #expect(j.findings.isEmpty)
    }
}
