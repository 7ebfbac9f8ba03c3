import GongshiModel
import Testing

@testable import GongshiRules

@Suite("future-date")
struct FutureDateTests {
    @Test("a decision after the build date is an error and withheld")
    func futureDecision() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-11-26"])]).judge("2026-11-25")
        let f = try #require(j.findings("future-date").first)
        #expect(j.ruleIDs == ["future-date"])
        #expect(f.severity == .error)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.message.contains("2026-11-26"))
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["future-date"])
    }

    @Test("a decision on the build date itself is published")
    func sameDay() throws {
        let j = try Fixture(.xzxk, [Row.licence(["许可决定日期": "2026-11-25"])]).judge("2026-11-25")
        #expect(j.findings("future-date").isEmpty)
        #expect(j.isPublic(licenceKey()))
    }

    @Test("a licence and a list entry in the future")
    func otherKinds() throws {
        var f = Fixture(.xzxk, [Row.licence(["许可决定日期": "2026-12-01"])])
        f.add(.mingdan, [Row.black(["列入日期": "2026年12月1日"])])
        let j = try f.judge("2026-11-25")
        #expect(j.findings("future-date").count == 2)
        #expect(j.publication.records.isEmpty && j.publication.listEntries.isEmpty)
    }

    @Test("the same data is not future on a later build date")
    func laterBuild() throws {
        let f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-11-26"])])
        #expect(try f.judge("2026-11-25").findings("future-date").count == 1)
        let later = try f.judge("2026-11-26")
        #expect(later.findings("future-date").isEmpty)
        #expect(later.isPublic(penaltyKey()))
    }
}
