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

    @Test("before that, nothing")
    func quiet() throws {
        #expect(try Fixture().judge("2026-11-30").findings.isEmpty)
    }
}
