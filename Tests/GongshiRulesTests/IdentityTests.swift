import GongshiModel
import Testing

@testable import GongshiRules

/// Entities without a 统一社会信用代码 (SPEC §8.2, §8.4): identified by 组织机构代码 or 工商注册号, codes
/// read by their shape, masked codes; withheld as `invalid-uscc` only without any valid identity.
@Suite("Identity without a 统一社会信用代码")
struct IdentityTests {
    static let registration = "370306600123456"
    static let organization = "59467239-9"

    @Test("a 工商注册号 alone identifies the entity: published, no finding, shown in its column")
    func registrationAlone() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": "", "工商注册号": Self.registration])]).judge()
        #expect(j.ruleIDs == [])
        let r = try #require(j.record(penaltyKey()))
        #expect(r.entityCode == "")
        #expect(r.registrationNumber == Self.registration)
        #expect(r.identityCode == Self.registration)
        #expect(r.field("工商注册号") == Self.registration)
    }

    @Test("a 组织机构代码 alone, with its hyphen, identifies a licensee")
    func organizationAlone() throws {
        let j = try Fixture(.xzxk, [Row.licence(["统一社会信用代码": "", "组织机构代码": Self.organization])]).judge()
        #expect(j.ruleIDs == [])
        let r = try #require(j.record(licenceKey()))
        #expect(r.organizationCode == Self.organization)
        #expect(r.identityCode == "594672399")
    }

    @Test("a 15-digit number in the 统一社会信用代码 column is read as the 工商注册号, with a bad-value warning")
    func byShape() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": Self.registration])]).judge()
        #expect(j.ruleIDs == ["bad-value"])
        #expect(j.findings[0].severity == .warning)
        let r = try #require(j.record(penaltyKey()))
        #expect(r.field("统一社会信用代码") == "")
        #expect(r.field("工商注册号") == Self.registration)
    }

    @Test("a masked code is no code: bad-value, and invalid-uscc naming it when nothing else identifies the entity")
    func masked() throws {
        let code = "91370306MA3C****7Q"
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": code])]).judge()
        #expect(Set(j.ruleIDs) == ["bad-value", "invalid-uscc"])
        let f = try #require(j.findings("invalid-uscc").first)
        #expect(f.message.contains(code))
        #expect(f.withholds)
        #expect(j.publication.records.isEmpty)
        let beside = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": code, "工商注册号": Self.registration])]).judge()
        #expect(beside.ruleIDs == ["bad-value"])
        #expect(beside.record(penaltyKey())?.field("统一社会信用代码") == "")
    }

    @Test(
        "an invalid optional code beside a valid identity only warns; the invalid-uscc message lists every code tried")
    func invalidBeside() throws {
        let bad = "91512081MA62K0260F"
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": bad, "组织机构代码": Self.organization])]).judge()
        #expect(j.ruleIDs == ["bad-value"])
        #expect(j.record(penaltyKey())?.organizationCode == Self.organization)
        let none = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": bad, "组织机构代码": "59467239-8"])]).judge()
        let f = try #require(none.findings("invalid-uscc").first)
        #expect(f.message.contains(bad) && f.message.contains("59467239-8"))
        #expect(none.publication.records.isEmpty)
    }

    @Test("a 组织机构代码 that is not the one inside the 统一社会信用代码 warns and is not published")
    func conflictingOrganizationCode() throws {
        let uscc = USCC.make("91", body: "59467239")
        let other = "MA3C4L7Q-" + String(USCC.make("91", body: "MA3C4L7Q").dropFirst(16).prefix(1))
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": uscc, "组织机构代码": other])]).judge()
        #expect(j.ruleIDs == ["bad-value"])
        let f = try #require(j.findings.first)
        #expect(f.severity == .warning && !f.withholds)
        #expect(f.message.contains(other) && f.message.contains("594672399") && f.message.contains("不符"))
        let r = try #require(j.record(penaltyKey()))
        #expect(r.entityCode == uscc)
        #expect(r.organizationCode == "")
        #expect(r.field("组织机构代码") == "")
        // The matching code, with or without its hyphen, is published without a finding.
        for same in [Self.organization, "594672399"] {
            let ok = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": uscc, "组织机构代码": same])]).judge()
            #expect(ok.ruleIDs == [])
            #expect(ok.record(penaltyKey())?.organizationCode == same)
        }
    }

    @Test("no code at all is still missing-field")
    func noCode() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": ""])]).judge()
        #expect(j.ruleIDs == ["missing-field"])
    }

    @Test("an authority code 00000000000000000X counts as empty")
    func authorityPlaceholder() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚机关统一社会信用代码": "00000000000000000X"])]).judge()
        #expect(j.ruleIDs == ["missing-field"])
        #expect(j.findings[0].message.contains("处罚机关统一社会信用代码"))
    }

    @Test("a list entry by 组织机构代码: keyed by the code, its codes on the entry")
    func listEntry() throws {
        let row = Row.black([
            "统一社会信用代码": "", "组织机构代码": Self.organization, "工商注册号": Self.registration,
        ])
        let j = try Fixture(.mingdan, [row]).judge()
        #expect(j.ruleIDs == [])
        let e = try #require(j.entry(listKey("失信被执行人", "594672399", "2026-11-02")))
        #expect(e.organizationCode == Self.organization)
        #expect(e.registrationNumber == Self.registration)
        #expect(e.entityCode == "")
    }

    @Test("another record's 统一社会信用代码 gives the entity its profile code (the 组织机构代码 it embeds)")
    func linked() throws {
        // companyB = 91110000600037341L embeds the 组织机构代码 600037341.
        var f = Fixture(.xzxk, [Row.licence()])
        f.add(.mingdan, [Row.black(["统一社会信用代码": "", "组织机构代码": "60003734-1"])])
        let j = try f.judge()
        #expect(j.ruleIDs == [])
        #expect(j.publication.listEntries.first?.entityCode == Fixture.companyB)
    }

    @Test("a 工商注册号 beside a 统一社会信用代码 links rows of the same name only")
    func registrationLink() throws {
        var f = Fixture(.xzxk, [Row.licence(["工商注册号": Self.registration])])
        f.add(
            .mingdan,
            [
                Row.black(["主体名称": "周村区某某商行 有限公司", "统一社会信用代码": "", "工商注册号": Self.registration]),
                Row.black([
                    "主体名称": "另一家店", "统一社会信用代码": "", "工商注册号": Self.registration, "列入日期": "2026-11-03",
                ]),
            ])
        let j = try f.judge()
        #expect(j.ruleIDs == [])
        let byName = Dictionary(uniqueKeysWithValues: j.publication.listEntries.map { ($0.entityName, $0.entityCode) })
        #expect(byName["周村区某某商行 有限公司"] == Fixture.companyB)
        #expect(byName["另一家店"] == "")
    }

    @Test("a court list's 身份证号码/组织机构代码: a code identifies an organisation; a person's ID is never published")
    func courtColumn() throws {
        let id = IDNumber.make(birth: "19800101", sequence: "123")
        let rows = [
            Row.black(["统一社会信用代码": "", "身份证号码/组织机构代码": Self.organization]),
            Row.black([
                "主体名称": "张三", "主体类别": "自然人", "统一社会信用代码": "", "法定代表人": "", "身份证号码/组织机构代码": id,
                "案号": "（2026）鲁0306执1号",
            ]),
        ]
        var f = Fixture(.mingdan, rows)
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.ruleIDs == [])
        #expect(j.publication.listEntries.count == 2)
        let org = try #require(j.publication.listEntries.first { $0.category == .organization })
        #expect(org.organizationCode == Self.organization)
        for e in j.publication.listEntries {
            #expect(!e.fields.contains { $0.value.contains(id) })
            #expect(!e.key.contains(id))
        }
    }

    @Test("a court's placeholder 性别 or 年龄 (/, 0) or an organisation's name makes no person")
    func placeholderSexOrAge() throws {
        let rows = [
            Row.black(["主体名称": "示范区某某建设工程有限公司", "主体类别": "", "统一社会信用代码": "", "年龄": "0"]),
            Row.black(["主体名称": "示范区某某商贸", "主体类别": "", "统一社会信用代码": "", "性别": "/", "列入日期": "2026-11-03"]),
            Row.black(["主体名称": "某某公司", "主体类别": "", "统一社会信用代码": "", "性别": "男", "列入日期": "2026-11-04"]),
        ]
        var f = Fixture(.mingdan, rows)
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.publication.listEntries.isEmpty)
        #expect(j.findings("missing-field").count == 3, "\(j.findings.map(\.message))")
        // A real one does: 张三丰, 男, 45.
        var p = Fixture(.mingdan, [Row.black(["主体名称": "张三丰", "主体类别": "", "统一社会信用代码": "", "性别": "男", "年龄": "45岁"])])
        p.disclosure("naturalPersons: mask")
        #expect(try p.judge().publication.listEntries.first?.entityName == "张*丰")
    }

    @Test("a row stating an organisation whose codes are a person's ID number is a natural person's")
    func personStatedAsOrganisation() throws {
        let id = IDNumber.make(birth: "19800101", sequence: "123")
        let rows = [
            Row.black(["主体名称": "孙某某", "统一社会信用代码": "", "身份证号码/组织机构代码": id]),
            Row.penalty(["行政相对人名称": "李某某", "统一社会信用代码": id]),
        ]
        var f = Fixture(.mingdan, [rows[0]])
        f.add(.xzcf, [rows[1]])
        let j = try f.judge()
        #expect(j.publication.listEntries.isEmpty && j.publication.records.isEmpty)
        // Both by policy: the ID number in the penalty's code column is its 证件号码 (read by its shape).
        #expect(j.publication.withheld.map(\.rule) == ["natural-person-withheld", "natural-person-withheld"])
        #expect(j.findings.allSatisfy { !$0.message.contains(id) })
    }
}

/// List entries carry their document (SPEC §8.4): it joins the key; the ledger's older keys are kept.
@Suite("List entries and their documents")
struct ListDocumentTests {
    @Test("认定文书号, else 案号, else 执行依据文号 joins the key")
    func key() throws {
        let base = listKey("失信被执行人", Fixture.companyA, "2026-11-02")
        for (column, doc) in [("认定文书号", "周法认〔2026〕1号"), ("案号", "（2026）鲁0306执1号"), ("执行依据文号", "（2025）鲁0306民初9号")] {
            let j = try Fixture(.mingdan, [Row.black([column: doc])]).judge()
            #expect(j.publication.listEntries.first?.key == "\(base):\(doc)")
            #expect(j.publication.listEntries.first?.document == doc)
        }
        let both = try Fixture(.mingdan, [Row.black(["案号": "A号", "执行依据文号": "B号"])]).judge()
        #expect(both.publication.listEntries.first?.key == "\(base):A号")
    }

    @Test("two court cases against one company on one day are two entries")
    func twoCases() throws {
        let j = try Fixture(.mingdan, [Row.black(["案号": "（2026）鲁0306执1号"]), Row.black(["案号": "（2026）鲁0306执2号"])])
            .judge()
        #expect(j.findings("duplicate-record").isEmpty)
        #expect(j.publication.listEntries.count == 2)
    }

    @Test("an entry the ledger knows by its older key keeps it: no 撤回, no second 公示, the same link")
    func olderKey() throws {
        let old = listKey("失信被执行人", Fixture.companyA, "2026-11-02")
        let before = try Fixture(.mingdan, [Row.black()]).judge("2026-11-03")
        let shown = try #require(before.entry(old))
        var f = Fixture(.mingdan, [Row.black(["案号": "（2026）鲁0306执1号"])])
        f.ledger = ["2026-11-03,公示,mingdan,\(old),\(shown.digest)"]
        let j = try f.judge()
        let e = try #require(j.publication.listEntries.first)
        #expect(e.key == old)
        #expect(e.id == shown.id)
        #expect(e.firstPublished == day("2026-11-03"))
        // The new 案号 column changes what is shown: one 更新, nothing withdrawn or published again.
        #expect(j.publication.newEvents.map(\.event) == [.updated])
    }

    @Test("two entries sharing an older key each take their new key")
    func olderKeyShared() throws {
        let old = listKey("失信被执行人", Fixture.companyA, "2026-11-02")
        var f = Fixture(.mingdan, [Row.black(["案号": "1号"]), Row.black(["案号": "2号"])])
        f.ledger = ["2026-11-03,公示,mingdan,\(old),0000000000000000"]
        let j = try f.judge()
        #expect(Set(j.publication.listEntries.map(\.key)) == ["\(old):1号", "\(old):2号"])
        #expect(Set(j.publication.newEvents.map(\.event)) == [.published, .withdrawn])
    }
}
