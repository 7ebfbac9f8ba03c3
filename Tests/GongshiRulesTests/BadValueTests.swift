import GongshiModel
import Testing

@testable import GongshiRules

@Suite("bad-value")
struct BadValueTests {
    @Test("an unknown 行政相对人类别 is an error that withholds and names the field")
    func unknownCategory() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["行政相对人类别": "外资"])]).judge()
        let f = j.findings("bad-value")
        #expect(f.count == 1)
        #expect(f.first?.severity == .error)
        #expect(f.first?.withholds == true)
        #expect(f.first?.message.contains("行政相对人类别") == true)
        #expect(!j.isPublic(penaltyKey()))
        #expect(j.withheld(penaltyKey()).first?.rule == "bad-value")
        #expect(j.withheld(penaltyKey()).first?.isError == true)
    }

    @Test("category codes and synonyms are published as names, with no finding")
    func categoryCodes() throws {
        var f = Fixture(
            .xzcf, [Row.penalty(["行政相对人类别": "02"]), Row.penalty(["行政相对人类别": "非法人组织", "行政处罚决定书文号": "周市监罚〔2026〕2号"])])
        f.add(.mingdan, [Row.black(["主体类别": "法人"])])
        let j = try f.judge()
        #expect(j.findings.isEmpty, "\(j.findings.map(\.message))")
        #expect(j.record(penaltyKey())?.field("行政相对人类别") == "法人及非法人组织")
        #expect(j.record(penaltyKey("周市监罚〔2026〕2号"))?.category == .organization)
        #expect(j.entry(listKey("失信被执行人", Fixture.companyA, "2026-11-02"))?.field("主体类别") == "法人及非法人组织")
    }

    @Test("个人 and 01 mean 自然人; the older standard's 法人及其他组织, 企业 and 个体户 are read")
    func person() {
        #expect(SubjectCategory(parsing: "个人") == .naturalPerson)
        #expect(SubjectCategory(parsing: "01") == .naturalPerson)
        #expect(SubjectCategory(parsing: "04") == .soleProprietor)
        #expect(SubjectCategory(parsing: "企业") == .organization)
        #expect(SubjectCategory(parsing: "法人及其他组织") == .organization)
        #expect(SubjectCategory(parsing: "个体户") == .soleProprietor)
        #expect(SubjectCategory(parsing: "其他") == nil)
    }

    @Test("许可类别 codes are published as names; other values warn and publish")
    func licenceCategory() throws {
        let j = try Fixture(.xzxk, [Row.licence(["许可类别": "04"])]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.record(licenceKey())?.field("许可类别") == "核准")
        let bad = try Fixture(.xzxk, [Row.licence(["许可类别": "特殊"])]).judge()
        #expect(bad.findings("bad-value").map(\.severity) == [.warning])
        #expect(bad.isPublic(licenceKey()))
    }

    @Test("an unknown 失信严重程度 warns and the severity is inferred from 处罚类别")
    func severity() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "较重", "处罚类别": "罚款；吊销营业执照"])]).judge()
        #expect(j.findings("bad-value").count == 1)
        #expect(j.findings("bad-value").first?.message.contains("严重") == true)
        #expect(j.record(penaltyKey())?.field("失信严重程度") == "严重")
        #expect(j.record(penaltyKey())?.severityInferred == true)
        let coded = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "3"])]).judge()
        #expect(coded.findings.isEmpty)
        #expect(coded.record(penaltyKey())?.field("失信严重程度") == "严重")
        #expect(coded.record(penaltyKey())?.severityInferred == false)
    }

    @Test("证件类型: codes 01–05 accepted, other values warn; empty for a natural person is 身份证 with no finding")
    func idType() throws {
        let id = IDNumber.make(birth: "19900101", sequence: "123")
        var f = Fixture(.xzcf, [Row.penalty(["行政相对人类别": "自然人", "行政相对人名称": "王小明", "证件类型": "", "证件号码": id])])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.findings("bad-value").isEmpty)
        #expect(j.findings("invalid-id-number").isEmpty)
        var g = Fixture(.xzcf, [Row.penalty(["行政相对人类别": "自然人", "证件类型": "驾驶证", "证件号码": "X1"])])
        g.disclosure("naturalPersons: mask")
        #expect(try g.judge().findings("bad-value").count == 1)
        #expect(IDDocumentType(parsing: "03") == .hongKongMacao)
    }

    @Test("end-date words mean no end; a placeholder before 1949-10-01 means no end with a warning")
    func noEnd() throws {
        let words = try Fixture(.xzxk, [Row.licence(["有效期至": "长期"])]).judge()
        #expect(words.findings.isEmpty)
        #expect(words.record(licenceKey())?.publicityEnd == nil)
        let placeholder = try Fixture(.xzxk, [Row.licence(["有效期至": "1900-01-01"])]).judge()
        #expect(placeholder.findings("bad-value").count == 1)
        #expect(placeholder.isPublic(licenceKey()))
        #expect(placeholder.record(licenceKey())?.publicityEnd == nil)
    }

    @Test("a 罚款金额（万元） that is not a number warns; numbers with separators do not")
    func amountNotANumber() throws {
        for amount in ["5000元", "0.5万元", "-", "-2", "1e3"] {
            let j = try Fixture(.xzcf, [Row.penalty(["罚款金额（万元）": amount])]).judge()
            #expect(j.findings.map(\.rule) == ["bad-value"], "\(amount)")
            #expect(j.findings.first?.message.contains("不是数字") == true)
            #expect(j.isPublic(penaltyKey()))
        }
        for amount in ["0.5", "1,234.5", " 2 "] {
            #expect(try Fixture(.xzcf, [Row.penalty(["罚款金额（万元）": amount])]).judge().findings.isEmpty, "\(amount)")
        }
    }

    @Test("a bad optional date warns on that field and never withholds")
    func badOptionalDate() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["公示截止期": "2027-02-30"])]).judge()
        #expect(j.findings.map(\.rule) == ["bad-value"])
        #expect(j.findings.first?.message.contains("公示截止期") == true)
        #expect(j.isPublic(penaltyKey()))
        #expect(j.findings("bad-date").isEmpty)
    }

    @Test("an unknown 当前状态 or 名单类型 withholds with an error: the site cannot tell if, or as what, it is public")
    func status() throws {
        var f = Fixture(.xzcf, [Row.penalty(["当前状态": "待定"])])
        f.add(
            .mingdan,
            [Row.black(["名单类型": "重点关注名单"]), Row.black(["当前状态": "暂停", "主体名称": "乙公司", "统一社会信用代码": Fixture.companyB])])
        let j = try f.judge()
        #expect(j.findings("bad-value").count == 3)
        #expect(j.findings("bad-value").allSatisfy { $0.severity == .error && $0.withholds })
        #expect(j.findings("bad-value").contains { $0.message.contains("无法判断该决定是否仍然有效") })
        #expect(j.publication.records.isEmpty && j.publication.listEntries.isEmpty)
    }

    @Test("the words a list is typed with name it; a 守信 entry is on the red list, a 失信 one on the black")
    func listTypeWords() throws {
        var f = Fixture()
        f.add(
            .mingdan,
            [Row.red(["名单类型": "守信激励对象名单"]), Row.black(["名单类型": "失信", "主体名称": "乙公司", "统一社会信用代码": Fixture.companyB])])
        let j = try f.judge()
        #expect(j.findings("bad-value").isEmpty)
        #expect(j.publication.listEntries.map(\.isRed).sorted { $0 && !$1 } == [true, false])
        // Published as the list it names, not the words it was typed with.
        let types = j.publication.listEntries.flatMap { $0.fields.filter { $0.field == .listType }.map(\.value) }
        #expect(types.sorted() == ["红名单", "黑名单"])
    }

    @Test("variant spellings of a withdrawal or a removal are read as one", arguments: ["撤回", "撤消", "确认无效。", "已撤回"])
    func withdrawalSpellings(status: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty(["当前状态": status, "状态日期": "2026-11-23", "状态说明": "复议撤销"])]).judge()
        #expect(j.findings("bad-value").isEmpty)
        #expect(!j.isPublic(penaltyKey()))
    }

    @Test("a valid record has no bad-value")
    func clean() throws {
        #expect(try Fixture(.xzcf, [Row.penalty()]).judge().findings.isEmpty)
    }
}
