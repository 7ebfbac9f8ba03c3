import GongshiModel
import Testing

@testable import GongshiRules

/// The fixture itself: a valid record of each kind is published with no finding at all, so every
/// rule test below starts from a clean state and changes one thing.
@Suite("Fixture")
struct FixtureTests {
    @Test("fixture codes are valid")
    func codes() {
        for code in [
            Fixture.scjgjCode, Fixture.fyCode, Fixture.swjCode, Fixture.companyA, Fixture.companyB, Fixture.companyC,
        ] {
            #expect(UnifiedSocialCreditCode.isValid(code), "\(code)")
        }
        #expect(IDNumber.make(area: "360426", birth: "19910101", sequence: "007") == "360426199101010071")
    }

    @Test("valid records of every kind are public and raise no finding")
    func cleanSite() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.add(.xzxk, [Row.licence()])
        f.add(.mingdan, [Row.black(["统一社会信用代码": Fixture.companyC, "主体名称": "另一公司"]), Row.red()])
        let j = try f.judge()
        #expect(j.findings.isEmpty, "\(j.findings.map(\.message))")
        #expect(j.publication.records.count == 2)
        #expect(j.publication.listEntries.count == 2)
        #expect(j.publication.withheld.isEmpty)
        #expect(j.rowsRead == 4)
        #expect(j.isPublic(penaltyKey()))
        #expect(j.isPublic(licenceKey()))
        #expect(j.isPublic(listKey("纳税信用A级纳税人", Fixture.companyA, "2026-04-01")))
        #expect(j.isPublic(listKey("失信被执行人", Fixture.companyC, "2026-11-02")))
    }
}
