import GongshiModel
import Testing

@testable import GongshiRules

@Suite("invalid-id-number")
struct InvalidIDNumberTests {
    static let validID = IDNumber.make(birth: "19900101", sequence: "123")
    static var invalidID: String {
        var c = Array(validID)
        c[17] = c[17] == "0" ? "1" : "0"
        return String(c)
    }

    /// A natural person on the 失信被执行人 list, which `mask` publishes (SPEC §8.1).
    func person(_ o: [String: String]) -> Fixture {
        var f = Fixture(
            .mingdan,
            [
                Row.black(
                    [
                        "主体名称": "张三明", "主体类别": "自然人", "统一社会信用代码": "",
                        "法定代表人": "", "证件类型": "身份证", "证件号码": Self.validID,
                    ].merging(o) { $1 })
            ])
        f.disclosure("naturalPersons: mask")
        return f
    }

    static let key = personListKey("失信被执行人", "张三明", "2026-11-02")

    @Test(
        "a natural person's invalid 身份证 number is a warning; the record is still published",
        arguments: ["身份证", "居民身份证", "01", "1", ""])
    func invalid(type: String) throws {
        let j = try person(["证件类型": type, "证件号码": Self.invalidID]).judge()
        let f = try #require(j.findings("invalid-id-number").first)
        #expect(j.ruleIDs == ["invalid-id-number"])
        #expect(f.severity == .warning)
        #expect(f.line == 2)
        #expect(f.key == Self.key)
        #expect(!f.message.contains(Self.invalidID), "the number itself is not repeated")
        #expect(j.isPublic(Self.key))
    }

    @Test("a penalty of a natural person is checked too, though withheld")
    func penalty() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["行政相对人类别": "自然人", "证件类型": "", "证件号码": Self.invalidID])]).judge()
        #expect(j.ruleIDs == ["invalid-id-number", "natural-person-withheld"])
    }

    @Test("bad birth date and wrong length are invalid too")
    func otherProblems() throws {
        #expect(
            try person(["证件号码": IDNumber.make(birth: "19900230", sequence: "123")]).judge().ruleIDs == [
                "invalid-id-number"
            ])
        #expect(try person(["证件号码": "37030319900101123"]).judge().ruleIDs == ["invalid-id-number"])
    }

    @Test("a row stated as an organisation with a person's mistyped ID number and no code is a person's")
    func mistypedIDOfAnOrganisation() throws {
        let row = Row.licence([
            "行政相对人名称": "陈大文", "行政相对人类别": "法人及非法人组织", "统一社会信用代码": "", "法定代表人": "",
            "证件类型": "身份证", "证件号码": Self.invalidID,
        ])
        let j = try Fixture(.xzxk, [row]).judge()
        #expect(j.findings("invalid-id-number").count == 1)
        #expect(j.findings("natural-person-withheld").count == 1)
        // Reports name the person masked.
        #expect(j.findings.allSatisfy { !$0.message.contains("陈大文") && $0.entity != "陈大文" })
        #expect(j.publication.withheld.allSatisfy { $0.entity != "陈大文" })
    }

    @Test("other document types are not checked")
    func passport() throws {
        let j = try person(["证件类型": "护照", "证件号码": "E12345678"]).judge()
        #expect(j.findings.isEmpty)
    }

    @Test("a valid number raises nothing; X check characters are accepted")
    func valid() throws {
        #expect(try person([:]).judge().findings.isEmpty)
        var x: String?
        for seq in 100..<300 where x == nil {
            let id = IDNumber.make(birth: "19851111", sequence: String(seq))
            if id.hasSuffix("X") { x = id }
        }
        #expect(try person(["证件号码": try #require(x).lowercased()]).judge().findings.isEmpty)
    }

    @Test("法定代表人 ID numbers are never checked")
    func legalRepresentative() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["法定代表人证件类型": "身份证", "法定代表人证件号码": Self.invalidID])]).judge()
        #expect(j.findings.isEmpty)
    }
}
