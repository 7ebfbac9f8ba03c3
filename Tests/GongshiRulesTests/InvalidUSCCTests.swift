import GongshiModel
import Testing

@testable import GongshiRules

@Suite("invalid-uscc")
struct InvalidUSCCTests {
    @Test(
        "an entity code with a wrong check character withholds the record",
        arguments: ["91512081MA62K0260F", "91512081MA62K0260", "91512081MA62K0I60E", "91512081MA62K0261E"])
    func invalid(code: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": code])]).judge()
        let f = try #require(j.findings("invalid-uscc").first)
        #expect(j.ruleIDs == ["invalid-uscc"])
        #expect(f.severity == .error)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(f.message.contains(code))
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["invalid-uscc"])
    }

    @Test("a code in Excel's scientific notation says the digits are lost and how to keep them")
    func scientificNotation() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": "9.13703E+17"])]).judge()
        let f = try #require(j.findings("invalid-uscc").first)
        #expect(f.message.contains("科学计数法") && f.message.contains("文本"))
    }

    @Test("a code in lower case or with spaces is upper-cased and trimmed first")
    func lowerCase() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": " 91512081ma62k0260e "])]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.record(penaltyKey())?.entityCode == "91512081MA62K0260E")
    }

    @Test("codes of the authorities A, N and Y are valid")
    func laterAuthorities() throws {
        let codes = [
            USCC.make("A1", body: "12345678"), USCC.make("N2", body: "MA01B2C3"), USCC.make("Y1", body: "87654321"),
        ]
        let rows = codes.enumerated().map { i, c in Row.penalty(["统一社会信用代码": c, "行政处罚决定书文号": "周市监罚〔2026〕\(i + 10)号"]) }
        let j = try Fixture(.xzcf, rows).judge()
        #expect(j.findings.isEmpty, "\(j.findings.map(\.message))")
        #expect(j.publication.records.count == 3)
    }

    @Test("the placeholder 00000000000000000X is only for 个体工商户")
    func placeholder() throws {
        let org = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": "00000000000000000X"])]).judge()
        #expect(org.ruleIDs == ["invalid-uscc"])
        let sole = try Fixture(
            .xzcf,
            [
                Row.penalty([
                    "行政相对人类别": "个体工商户", "统一社会信用代码": "00000000000000000X",
                    "工商注册号": "370306600123456",
                ])
            ]
        ).judge()
        #expect(sole.findings.isEmpty)
        #expect(sole.isPublic(penaltyKey()))
    }

    @Test("list entries are checked")
    func listEntry() throws {
        let j = try Fixture(.mingdan, [Row.black(["统一社会信用代码": "91512081MA62K0260X"])]).judge()
        #expect(j.ruleIDs == ["invalid-uscc"])
        #expect(j.findings.first?.department == "fy")
        #expect(j.publication.listEntries.isEmpty)
    }

    @Test("departments.csv is checked, at the department's line")
    func departments() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.departments += "fgj,区发展改革局,11370306MB2851742I,\n"
        let j = try f.judge()
        let finding = try #require(j.findings("invalid-uscc").first)
        #expect(finding.file == "Content/departments.csv")
        #expect(finding.line == 5)
        #expect(finding.department == "fgj")
        #expect(j.isPublic(penaltyKey()))
    }

    @Test("a valid code raises nothing")
    func valid() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["统一社会信用代码": Fixture.companyC])]).judge()
        #expect(j.findings("invalid-uscc").isEmpty)
        #expect(j.record(penaltyKey())?.entityCode == Fixture.companyC)
    }
}
