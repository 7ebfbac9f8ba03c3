import GongshiModel
import Testing

@testable import GongshiRules

@Suite("missing-field")
struct MissingFieldTests {
    static let penaltyRequired = [
        "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政处罚决定书文号", "违法行为类型",
        "违法事实", "处罚依据", "处罚类别", "处罚内容", "处罚决定日期", "处罚机关",
    ]
    static let licenceRequired = [
        "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政许可决定文书名称",
        "行政许可决定文书号", "许可类别", "许可内容", "许可决定日期", "许可机关",
    ]
    static let listRequired = ["名单类型", "名单名称", "主体名称", "主体类别", "统一社会信用代码", "列入日期", "认定部门"]

    @Test("an empty required penalty field withholds the record", arguments: penaltyRequired)
    func penalty(field: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty([field: ""])]).judge()
        let f = try #require(j.findings("missing-field").first, "\(field)")
        #expect(j.findings("missing-field").count == 1)
        #expect(f.severity == .error)
        #expect(f.file == "Content/xzcf/a.csv")
        #expect(f.line == 2)
        #expect(f.message.contains("「\(field)」"))
        #expect(j.findings.allSatisfy { $0.rule == "missing-field" }, "\(j.ruleIDs)")
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["missing-field"])
    }

    @Test("an empty required licensing field withholds the record", arguments: licenceRequired)
    func licence(field: String) throws {
        let j = try Fixture(.xzxk, [Row.licence([field: ""])]).judge()
        #expect(j.findings("missing-field").count == 1)
        #expect(j.findings("missing-field").first?.message.contains("「\(field)」") == true)
        #expect(j.findings.allSatisfy { $0.rule == "missing-field" }, "\(j.ruleIDs)")
        #expect(j.publication.records.isEmpty)
    }

    @Test("an empty required list field withholds the entry", arguments: listRequired)
    func list(field: String) throws {
        let j = try Fixture(.mingdan, [Row.black([field: ""])]).judge()
        #expect(j.findings("missing-field").count == 1)
        #expect(j.findings("missing-field").first?.message.contains("「\(field)」") == true)
        #expect(j.findings.allSatisfy { $0.rule == "missing-field" }, "\(j.ruleIDs)")
        #expect(j.publication.listEntries.isEmpty)
    }

    @Test(
        "an empty or placeholder authority code is filled from departments.csv, with a warning",
        arguments: ["", "00000000000000000X"])
    func authorityCodeFromDepartments(code: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚机关统一社会信用代码": code])]).judge()
        let f = try #require(j.findings("missing-field").first)
        #expect(f.severity == .warning)
        #expect(f.message.contains(Fixture.scjgjCode))
        let record = try #require(j.publication.records.first)
        #expect(record.fields.value(of: .penaltyAuthorityCode) == Fixture.scjgjCode)
        let licence = try Fixture(.xzxk, [Row.licence(["许可机关统一社会信用代码": code])]).judge()
        #expect(licence.publication.records.count == 1)
        #expect(licence.findings("missing-field").map(\.severity) == [.warning])
    }

    @Test("an empty authority code of an authority that is no department withholds the record")
    func authorityCodeUnknownDepartment() throws {
        let j = try Fixture(
            .xzcf, [Row.penalty(["处罚机关": "某某局", "处罚机关统一社会信用代码": "00000000000000000X"])]
        ).judge()
        #expect(j.findings("missing-field").contains { $0.severity == .error && $0.message.contains("处罚机关统一社会信用代码") })
        #expect(j.publication.records.isEmpty)
    }

    @Test("the finding carries key and department")
    func keyAndDepartment() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["违法事实": ""])]).judge()
        let f = try #require(j.findings("missing-field").first)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
    }

    @Test("several empty fields are one finding naming each")
    func several() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["违法事实": "", "处罚依据": ""])]).judge()
        let f = try #require(j.findings("missing-field").first)
        #expect(j.findings("missing-field").count == 1)
        #expect(f.message.contains("「违法事实」"))
        #expect(f.message.contains("「处罚依据」"))
    }

    @Test("an empty required date is missing-field, not bad-date")
    func emptyDate() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "   "])]).judge()
        #expect(j.ruleIDs == ["missing-field"])
    }

    @Test("an empty authority is missing-field, not unknown-department")
    func emptyAuthority() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚机关": "", "处罚机关统一社会信用代码": ""])]).judge()
        #expect(j.ruleIDs == ["missing-field"])
        #expect(j.findings.first?.department == "")
    }

    @Test("法定代表人 is required only for 法人及非法人组织")
    func legalRepresentative() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["行政相对人类别": "个体工商户", "法定代表人": ""])]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.isPublic(penaltyKey()))
        let l = try Fixture(.mingdan, [Row.black(["法定代表人": ""])]).judge()
        #expect(l.findings.isEmpty)
    }

    @Test("统一社会信用代码 is not required for 自然人")
    func naturalPersonCode() throws {
        let f = Fixture(
            .xzcf,
            [
                Row.penalty([
                    "行政相对人名称": "张三明", "行政相对人类别": "自然人", "统一社会信用代码": "", "法定代表人": "",
                    "证件类型": "身份证", "证件号码": IDNumber.make(birth: "19900101", sequence: "123"),
                ])
            ])
        let j = try f.judge()
        #expect(j.ruleIDs == ["natural-person-withheld"], "withheld by policy, not for a missing field")
    }

    @Test("a 自然人's 证件号码 is required")
    func naturalPersonID() throws {
        var f = Fixture(.xzcf, [Row.penalty(["行政相对人名称": "张三明", "行政相对人类别": "自然人", "统一社会信用代码": "", "法定代表人": ""])])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.ruleIDs == ["missing-field"])
        #expect(j.findings.first?.message.contains("证件号码") == true)
    }

    @Test("an ID number in the 统一社会信用代码 column is the person's: no missing 证件号码, withheld by policy")
    func idNumberInTheCodeColumn() throws {
        let id = IDNumber.make(birth: "19900101", sequence: "123")
        var f = Fixture(.xzcf, [Row.penalty(["行政相对人名称": "张三明", "统一社会信用代码": id, "法定代表人": ""])])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.findings("missing-field").isEmpty, "\(j.findings.map(\.message))")
        #expect(j.findings("natural-person-withheld").count == 1)
        #expect(!j.isPublic(penaltyKey()))
    }

    @Test("a court row its ID number shows to be a person's needs no 主体类别; a list's missing names point to the sidecar")
    func courtRowWithoutCategory() throws {
        let id = IDNumber.make(birth: "19800101", sequence: "123")
        var f = Fixture(
            .mingdan, [Row.black(["主体名称": "张三丰", "主体类别": "", "统一社会信用代码": "", "法定代表人": "", "证件号码": id])])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.findings("missing-field").isEmpty, "\(j.findings.map(\.message))")
        #expect(j.publication.listEntries.first?.entityName == "张*丰")
        // An organisation's row without it still lacks it; the message says where a file-wide value goes.
        let o = try Fixture(.mingdan, [Row.black(["主体类别": "", "名单名称": ""])]).judge()
        let m = try #require(o.findings("missing-field").first).message
        #expect(m.contains("「名单名称」") && m.contains("「主体类别」"), "\(m)")
        #expect(m.hasSuffix("整个文件都相同的值，可写在数据文件旁的 a.yml 中（如「名单名称: …」）"), "\(m)")
    }

    @Test("a 个体工商户 with 00000000000000000X needs 工商注册号")
    func soleProprietorPlaceholder() throws {
        let without = try Fixture(.xzcf, [Row.penalty(["行政相对人类别": "个体工商户", "统一社会信用代码": "00000000000000000X"])]).judge()
        #expect(without.ruleIDs == ["missing-field"])
        #expect(without.findings.first?.message.contains("工商注册号") == true)
        #expect(without.publication.records.isEmpty)

        let with = try Fixture(
            .xzcf,
            [
                Row.penalty([
                    "行政相对人类别": "个体工商户", "统一社会信用代码": "00000000000000000x",
                    "工商注册号": "370306600123456",
                ])
            ]
        ).judge()
        #expect(with.findings.isEmpty, "\(with.ruleIDs)")
        let r = try #require(with.record(penaltyKey()))
        #expect(r.entityCode == "")
        #expect(r.field("工商注册号") == "370306600123456")
    }

    @Test("a complete record raises no missing-field")
    func complete() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.add(.xzxk, [Row.licence()])
        f.add(.mingdan, [Row.black()])
        let j = try f.judge()
        #expect(j.findings("missing-field").isEmpty)
    }
}
