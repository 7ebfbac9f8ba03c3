import GongshiModel
import Testing

@testable import GongshiRules

@Suite("unknown-memorandum")
struct UnknownMemorandumTests {
    let key = listKey("失信被执行人", Fixture.companyA, "2026-11-02")

    @Test("a cited document number not in memoranda.csv is a warning; the entry is still published")
    func unknown() throws {
        let j = try Fixture(.mingdan, [Row.black(["认定依据": "发改财金〔2099〕1号"])]).judge()
        let f = try #require(j.findings("unknown-memorandum").first)
        #expect(j.ruleIDs == ["unknown-memorandum"])
        #expect(f.severity == .warning)
        #expect(f.line == 2)
        #expect(f.key == key)
        #expect(f.department == "fy")
        #expect(f.message.contains("〔2099〕1号"))
        #expect(j.entry(key)?.memorandum == nil)
    }

    @Test(
        "a known number in any bracket form matches and is linked",
        arguments: [
            "发改财金〔2016〕141号", "依据发改财金[2016]141号", "《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）",
            "发改财金【2016】141号等", "发改财金(2016)141号",
        ])
    func known(basis: String) throws {
        let j = try Fixture(.mingdan, [Row.black(["认定依据": basis])]).judge()
        #expect(j.findings.isEmpty)
        let e = try #require(j.entry(key))
        #expect(e.memorandum?.documentNumber == "发改财金〔2016〕141号")
        #expect(e.basis == basis)
    }

    @Test("the same number from another issuer does not match")
    func otherIssuer() throws {
        let j = try Fixture(.mingdan, [Row.black(["认定依据": "国发〔2016〕141号"])]).judge()
        #expect(j.ruleIDs == ["unknown-memorandum"])
    }

    @Test("only the first citation counts")
    func firstCitation() throws {
        let j = try Fixture(.mingdan, [Row.black(["认定依据": "发改财金〔2016〕141号、发改财金〔2099〕1号"])]).judge()
        #expect(j.findings.isEmpty)
        let k = try Fixture(.mingdan, [Row.black(["认定依据": "发改财金〔2099〕1号、发改财金〔2016〕141号"])]).judge()
        #expect(k.ruleIDs == ["unknown-memorandum"])
    }

    @Test("no citation, no finding")
    func noCitation() throws {
        let j = try Fixture(.mingdan, [Row.black(["认定依据": "人民法院生效判决"])]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.entry(key)?.memorandum == nil)
    }

    @Test("without memoranda.csv every citation is unknown")
    func noRegistry() throws {
        var f = Fixture(.mingdan, [Row.black()])
        f.memoranda = nil
        #expect(try f.judge().ruleIDs == ["unknown-memorandum"])
    }

    @Test("penalties' 处罚依据 is not checked")
    func penalties() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚依据": "依据国发〔2099〕1号"])]).judge()
        #expect(j.findings.isEmpty)
    }
}
