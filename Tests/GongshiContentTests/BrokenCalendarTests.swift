import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

/// SPEC §8.1: a calendar file that cannot be read is a finding on its line, and its year is left out
/// whole; the site is still read.
@Suite("A broken calendar file")
struct BrokenCalendarTests {
    static let settings = "title: 信用周村\nbaseURL: https://xinyong.example.gov.cn/\n"
    static let y2026 = "year: 2026\nholidays:\n  - 2026-10-01..2026-10-07\nworkdays:\n  - 2026-10-10\n"

    /// A site with a good 2026 calendar, a department and one record, plus `calendars`.
    func read(_ calendars: [String: String]) throws -> SiteSource {
        let dir = TempDir()
        dir.write("Content/site.yml", Self.settings)
        dir.write("Content/departments.csv", "编码,名称\nscjgj,区市场监管局\n")
        dir.write("Content/calendar/2026.yml", Self.y2026)
        dir.write("Content/xzcf/a.csv", "行政相对人名称,处罚机关\n甲,区市场监管局\n")
        for (name, text) in calendars { dir.write(name, text) }
        return try SiteReader.read(root: dir.path)
    }

    func calendarFindings(_ s: SiteSource) -> [Finding] {
        s.findings.filter { $0.file.hasPrefix("Content/calendar/") }
    }

    @Test(
        "a bad date, a wrong year, an unknown key or bad YAML: bad-file at its line, the year left out, the rest read",
        arguments: [
            ("year: 2027\nholidays:\n  - 2027-01-01\n  - 2027-02-30\n", 4, "2027-02-30"),
            ("year: 2028\nholidays: []\n", 1, "year: 2028"),
            ("year: 2027\nholiday:\n  - 2027-01-01\n", 2, "holiday"),
            ("year: [2027\n", 2, "YAML"),
        ])
    func broken(text: String, line: Int, quoted: String) throws {
        let s = try read(["Content/calendar/2027.yml": text])
        let f = try #require(calendarFindings(s).first)
        #expect(calendarFindings(s).count == 1)
        #expect(f.rule == "bad-file" && f.severity == .error)
        #expect(f.file == "Content/calendar/2027.yml" && f.line == line)
        #expect(f.message.contains(quoted), "\(f.message)")
        #expect(f.message.contains("2027 年按缺少节假日安排处理（不评价是否按时）"), "\(f.message)")
        #expect(s.calendar.years == [2026])
        #expect(s.records.count == 1)
    }

    @Test("no holiday of a broken file is kept, not even those before the bad entry")
    func wholeOrNothing() throws {
        let s = try read([
            "Content/calendar/2027.yml": "year: 2027\nholidays:\n  - 2027-01-01..2027-01-03\n  - 2027-13-01\n"
        ])
        #expect(s.calendar.years == [2026])
        #expect(throws: MissingCalendarYear(year: 2027)) {
            try s.calendar.isWorkday(try #require(LocalDate(parsing: "2027-01-04")))
        }
        // CalendarReader itself leaves the calendar it is given as it was.
        var cal = WorkdayCalendar()
        try CalendarReader.read(text: Self.y2026, file: "Content/calendar/2026.yml", into: &cal)
        #expect(throws: SiteError.self) {
            try CalendarReader.read(
                text: "year: 2027\nholidays:\n  - 2027-01-01\nworkdays:\n  - x\n", file: "Content/calendar/2027.yml",
                into: &cal)
        }
        #expect(cal.years == [2026])
        #expect(try !cal.isWorkday(try #require(LocalDate(parsing: "2026-10-01"))))
    }

    @Test("an old year's broken file is reported too; the good years are all read")
    func oldYear() throws {
        let s = try read([
            "Content/calendar/2005.yml": "year: 2005\nholidays:\n  - 2005-13-01\n",
            "Content/calendar/2025.yml": "year: 2025\nholidays: []\n",
        ])
        #expect(calendarFindings(s).map { "\($0.file):\($0.line)" } == ["Content/calendar/2005.yml:3"])
        #expect(s.calendar.years == [2025, 2026])
    }

    @Test("a file whose name is no year is reported and not used")
    func noYearInName() throws {
        let s = try read([
            "Content/calendar/0.yml": "year: 0\n", "Content/calendar/next.yml": "year: 2027\nholidays: 1\n",
        ])
        let found = calendarFindings(s)
        #expect(found.map(\.file) == ["Content/calendar/0.yml", "Content/calendar/next.yml"])
        #expect(found.allSatisfy { $0.rule == "bad-file" && $0.message.contains("该文件未使用") })
        #expect(s.calendar.years == [2026])
    }

    @Test("a calendar that is not UTF-8 is a finding on line 0")
    func notUTF8() throws {
        let dir = TempDir()
        dir.write("Content/site.yml", Self.settings)
        dir.write("Content/departments.csv", "编码,名称\nscjgj,区市场监管局\n")
        dir.write("Content/calendar/2027.yml", data: Data([0x79, 0x65, 0x61, 0x72, 0x3A, 0x20, 0xC4, 0xEA, 0x0A]))
        let s = try SiteReader.read(root: dir.path)
        let f = try #require(calendarFindings(s).first)
        #expect(f.line == 0 && f.message.contains("UTF-8") && f.message.contains("2027 年"))
        #expect(s.calendar.years.isEmpty)
    }
}
