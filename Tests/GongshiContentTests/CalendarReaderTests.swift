import GongshiModel
import Testing

@testable import GongshiContent

@Suite("CalendarReader")
struct CalendarReaderTests {
    static let y2026 = """
        # 2026
        year: 2026
        holidays:   # 放假日期，A..B 为闭区间
          - 2026-01-01..2026-01-03   # 元旦
          - 2026-02-15..2026-02-23   # 春节
          - 2026-04-04..2026-04-06
          - 2026-05-01..2026-05-05
          - 2026-06-19..2026-06-21
          - 2026-09-25..2026-09-27
          - 2026-10-01..2026-10-07
        workdays:
          - 2026-01-04
          - 2026-02-14
          - 2026-02-28
          - 2026-05-09
          - 2026-09-20
          - 2026-10-10
        """

    func d(_ s: String) -> LocalDate { LocalDate(parsing: s)! }

    @Test("A..B ranges are inclusive; single dates and make-up days are read")
    func ranges() throws {
        var cal = WorkdayCalendar()
        try CalendarReader.read(text: Self.y2026, file: "Content/calendar/2026.yml", into: &cal)
        #expect(cal.years == [2026])
        for off in ["2026-01-01", "2026-01-02", "2026-02-15", "2026-02-19", "2026-02-23", "2026-10-01", "2026-10-07"] {
            #expect(try !cal.isWorkday(d(off)), "\(off)")
        }
        for on in ["2026-01-05", "2026-02-24", "2026-10-08", "2026-10-10", "2026-02-14", "2026-02-28", "2026-09-20"] {
            #expect(try cal.isWorkday(d(on)), "\(on)")
        }
        #expect(try cal.addingWorkdays(7, to: d("2026-09-30")) == d("2026-10-15"))
        #expect(try cal.addingWorkdays(7, to: d("2026-11-20")) == d("2026-12-01"))
    }

    @Test("two files make a two-year calendar")
    func twoYears() throws {
        var cal = WorkdayCalendar()
        try CalendarReader.read(
            text: "year: 2025\nholidays:\n  - 2025-01-01\n  - 2025-10-01..2025-10-08\nworkdays:\n  - 2025-10-11\n",
            file: "Content/calendar/2025.yml", into: &cal)
        try CalendarReader.read(text: Self.y2026, file: "Content/calendar/2026.yml", into: &cal)
        #expect(cal.years == [2025, 2026])
        #expect(try cal.addingWorkdays(7, to: d("2025-12-26")) == d("2026-01-07"))
        #expect(try cal.isWorkday(d("2025-10-11")))
        #expect(try !cal.isWorkday(d("2025-10-08")))
    }

    @Test("empty lists are allowed")
    func emptyLists() throws {
        var cal = WorkdayCalendar()
        try CalendarReader.read(
            text: "year: 2026\nholidays: []\nworkdays:\n", file: "Content/calendar/2026.yml", into: &cal)
        #expect(cal.years == [2026])
        #expect(try cal.isWorkday(d("2026-10-01")))
    }

    func failure(_ text: String, file: String = "Content/calendar/2026.yml") -> SiteError? {
        var cal = WorkdayCalendar()
        do {
            try CalendarReader.read(text: text, file: file, into: &cal)
            return nil
        } catch { return error }
    }

    @Test(
        "malformed calendar files are errors naming the file",
        arguments: [
            "year: 2026\nholidays:\n  - 2026-10-07..2026-10-01\n",  // reversed range
            "year: 2026\nholidays:\n  - 2026-02-30\n",  // no such date
            "year: 2026\nholidays:\n  - 2025-12-31..2026-01-02\n",  // outside the year
            "year: 2026\nholidays:\n  - 2026-01-01..2026-01-02..2026-01-03\n",
            "year: 2026\nholiday:\n  - 2026-01-01\n",  // unknown key
            "year: 2025\nholidays: []\n",  // does not match the file name
            "holidays: []\n",  // no year
            "year: 2026\nholidays: 2026-01-01\n",  // not a list
            "year: [2026\n",
        ])
    func malformed(text: String) throws {
        let e = try #require(failure(text))
        #expect(e.file == "Content/calendar/2026.yml")
    }

    @Test("errors carry the line of the offending entry")
    func errorLines() throws {
        #expect(failure("year: 2026\nholiday:\n  - 2026-01-01\n")?.line == 2)
        #expect(failure("year: 2026\nholidays:\n  - 2026-01-01\n  - 2026-02-30\n")?.line == 4)
        #expect(failure("# comment\nyear: 2025\n")?.line == 2)
    }

    @Test("a year that is not a number says what it is, not that it is missing")
    func yearNotANumber() throws {
        let e = try #require(failure("# 2026\nyear: 20O6\n"))
        #expect(e.line == 2 && e.message.contains("实为「20O6」") && !e.message.contains("缺少"))
    }
}
