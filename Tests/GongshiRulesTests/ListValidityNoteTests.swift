import GongshiModel
import Testing

@testable import GongshiRules

/// A list entry's 有效期至 as shown is not always the department's: cut to the legal maximum, or counted
/// when none was given. The page says so beside it (a reader comparing it with the department's own
/// document would otherwise find another date).
@Suite("List entries: why 有效期至 is not the department's")
struct ListValidityNoteTests {
    let key = listKey("失信被执行人", Fixture.companyA, "2026-11-02")

    @Test func aBlackListEndBeyondFiveYearsIsCutAndSaid() throws {
        let j = try Fixture(.mingdan, [Row.black(["有效期至": "2032-11-01"])]).judge()
        let e = try #require(j.entry(key))
        #expect(e.validUntil == day("2031-11-02"))
        #expect(e.validUntilNote == "认定部门报送 2032-11-01，依法最长公示 60 个月")
    }

    @Test func aBlackListWithoutAnEndIsCountedAndSaid() throws {
        let none = try #require(try Fixture(.mingdan, [Row.black()]).judge().entry(key))
        #expect(none.validUntil == day("2029-11-02"))
        #expect(none.validUntilNote == "未报送有效期，按 36 个月计")
        let words = try #require(try Fixture(.mingdan, [Row.black(["有效期至": "长期"])]).judge().entry(key))
        #expect(words.validUntilNote == "报送为「长期」，按 36 个月计")
    }

    @Test func theDepartmentsOwnEndIsShownAlone() throws {
        let black = try #require(try Fixture(.mingdan, [Row.black(["有效期至": "2029-11-01"])]).judge().entry(key))
        #expect(black.validUntil == day("2029-11-01"))
        #expect(black.validUntilNote == "")
        let red = try Fixture(.mingdan, [Row.red()]).judge()
        #expect(red.publication.listEntries.first?.validUntilNote == "")
    }
}
