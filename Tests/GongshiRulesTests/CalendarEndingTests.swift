import GongshiModel
import Testing

@testable import GongshiRules

@Suite("calendar-ending")
struct CalendarEndingTests {
    @Test("from 30 days before the end of the last year present, a warning asks for next year's file")
    func warns() throws {
        let j = try Fixture().judge("2026-12-01")
        let f = j.findings("calendar-ending")
        #expect(f.count == 1)
        #expect(f.first?.severity == .warning)
        #expect(f.first?.file == "Content/calendar/2027.yml")
        #expect(f.first?.line == 0)
    }

    @Test("next year's file present but broken: asks to correct it, not to add it")
    func brokenNextYear() throws {
        var f = Fixture()
        f.files["calendar/2027.yml"] = "year: 2027\nholiday: []\n"
        let found = try #require(try f.judge("2026-12-01").findings("calendar-ending").first)
        #expect(found.file == "Content/calendar/2027.yml")
        #expect(found.message.contains("有错误未能使用，请改正") && !found.message.contains("添加"))
    }

    @Test("before that, nothing")
    func quiet() throws {
        #expect(try Fixture().judge("2026-11-30").findings.isEmpty)
    }
}
