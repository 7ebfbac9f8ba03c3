import Testing

@testable import GongshiModel

@Suite("WorkdayCalendar")
struct WorkdayCalendarTests {
    let calendar = CalendarData.calendar()

    @Test("a weekday is a working day, a weekend day is not")
    func ordinaryDays() throws {
        #expect(try calendar.isWorkday(day("2026-11-20")))  // Friday
        #expect(try !calendar.isWorkday(day("2026-11-21")))  // Saturday
        #expect(try !calendar.isWorkday(day("2026-11-22")))  // Sunday
        #expect(try calendar.isWorkday(day("2026-11-23")))  // Monday
    }

    @Test("holidays are days off, make-up weekend days are working days")
    func holidaysAndMakeUpDays() throws {
        for d in ["2026-10-01", "2026-10-05", "2026-10-07", "2026-02-16", "2026-01-02", "2025-10-08", "2025-01-01"] {
            #expect(try !calendar.isWorkday(day(d)), "\(d) is a holiday")
        }
        for d in [
            "2026-10-10", "2026-09-20", "2026-02-14", "2026-02-28", "2026-01-04", "2026-05-09", "2025-10-11",
            "2025-01-26",
        ] {
            #expect(day(d).isWeekend, "\(d) is a weekend day")
            #expect(try calendar.isWorkday(day(d)), "\(d) is a make-up working day")
        }
    }

    @Test("working days: 248 in 2026 (365 − 104 weekend days − 19 weekday holidays + 6 make-up days) and 248 in 2025")
    func countOfYear() throws {
        #expect(try calendar.workdays(after: day("2025-12-31"), through: day("2026-12-31")) == 248)
        #expect(try calendar.workdays(after: day("2024-12-31"), through: day("2025-12-31")) == 248)
    }

    @Test("deadline: decided Friday 2026-11-20, the 7th working day after is Tuesday 2026-12-01 (SPEC §2)")
    func deadlineSpecExample() throws {
        let deadline = try calendar.addingWorkdays(7, to: day("2026-11-20"))
        #expect(deadline == day("2026-12-01"))
        #expect(deadline.weekday == 2)
    }

    /// 2026-09-30 (Wed). 10-01..10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat make-up (3),
    /// 10-11 Sun off, 10-12 Mon (4), 10-13 (5), 10-14 (6), 10-15 Thu (7).
    @Test("deadline across the National Day break counts the 10-10 make-up Saturday")
    func deadlineNationalDay() throws {
        #expect(day("2026-09-30").weekday == 3)
        #expect(try calendar.addingWorkdays(1, to: day("2026-09-30")) == day("2026-10-08"))
        #expect(try calendar.addingWorkdays(3, to: day("2026-09-30")) == day("2026-10-10"))
        #expect(try calendar.addingWorkdays(4, to: day("2026-09-30")) == day("2026-10-12"))
        #expect(try calendar.addingWorkdays(7, to: day("2026-09-30")) == day("2026-10-15"))
    }

    /// 2026-02-13 (Fri). 02-14 Sat make-up (1), 02-15..02-23 off, 02-24 Tue (2) … 02-27 Fri (5),
    /// 02-28 Sat make-up (6), 03-02 Mon (7).
    @Test("deadline across the Spring Festival with two make-up Saturdays")
    func deadlineSpringFestival() throws {
        #expect(try calendar.addingWorkdays(7, to: day("2026-02-13")) == day("2026-03-02"))
    }

    /// 2025-12-26 (Fri). 12-29 (1), 12-30 (2), 12-31 (3), 2026-01-01..03 off, 01-04 Sun make-up (4),
    /// 01-05 (5), 01-06 (6), 01-07 (7).
    @Test("deadline across the turn of the year uses both calendar files")
    func deadlineNewYear() throws {
        #expect(try calendar.addingWorkdays(7, to: day("2025-12-26")) == day("2026-01-07"))
    }

    @Test("a decision on a holiday or weekend counts from the next working day")
    func decidedOnDayOff() throws {
        // Decided Saturday 2026-11-21: 11-23 is day 1, 12-01 is day 7.
        #expect(try calendar.addingWorkdays(7, to: day("2026-11-21")) == day("2026-12-01"))
        // Decided on National Day 2026-10-03: 10-08 is day 1.
        #expect(try calendar.addingWorkdays(1, to: day("2026-10-03")) == day("2026-10-08"))
    }

    @Test("adding zero working days returns the date itself")
    func addingZero() throws {
        #expect(try calendar.addingWorkdays(0, to: day("2026-10-03")) == day("2026-10-03"))
    }

    @Test("subtracting working days")
    func subtracting() throws {
        #expect(try calendar.subtractingWorkdays(7, from: day("2026-12-01")) == day("2026-11-20"))
        #expect(try calendar.subtractingWorkdays(7, from: day("2026-10-15")) == day("2026-09-30"))
        #expect(try calendar.subtractingWorkdays(1, from: day("2026-10-08")) == day("2026-09-30"))
        #expect(try calendar.subtractingWorkdays(0, from: day("2026-10-08")) == day("2026-10-08"))
    }

    @Test("working days in (from, to]")
    func countingWorkdays() throws {
        #expect(try calendar.workdays(after: day("2026-11-20"), through: day("2026-12-01")) == 7)
        #expect(try calendar.workdays(after: day("2026-12-01"), through: day("2026-12-02")) == 1)
        #expect(try calendar.workdays(after: day("2026-11-27"), through: day("2026-11-29")) == 0)  // weekend only
        #expect(try calendar.workdays(after: day("2026-09-30"), through: day("2026-10-07")) == 0)  // the break
        #expect(try calendar.workdays(after: day("2026-12-01"), through: day("2026-12-01")) == 0)
        #expect(try calendar.workdays(after: day("2026-12-02"), through: day("2026-12-01")) == 0)
    }

    @Test("adding and counting are inverse")
    func inverse() throws {
        var d = day("2025-01-01")
        while d < day("2026-12-01") {
            let later = try calendar.addingWorkdays(7, to: d)
            #expect(try calendar.workdays(after: d, through: later) == 7)
            #expect(try calendar.isWorkday(later))
            d = d.adding(days: 3)
        }
    }

    @Test("a year without calendar throws MissingCalendarYear naming Content/calendar/2027.yml")
    func missingYear() throws {
        let error = #expect(throws: MissingCalendarYear.self) {
            try calendar.addingWorkdays(7, to: day("2026-12-28"))
        }
        #expect(error?.year == 2027)
        #expect(error?.file == "Content/calendar/2027.yml")
        #expect(error?.message.contains("Content/calendar/2027.yml") == true)

        #expect(throws: MissingCalendarYear(year: 2024)) { try calendar.isWorkday(day("2024-06-03")) }
        #expect(throws: MissingCalendarYear(year: 2024)) {
            try calendar.subtractingWorkdays(3, from: day("2025-01-02"))
        }
        #expect(throws: MissingCalendarYear(year: 2027)) {
            try calendar.workdays(after: day("2026-12-30"), through: day("2027-01-04"))
        }
    }

    @Test("within the known years nothing throws, even at the edges")
    func edgesOfKnownYears() throws {
        // 2026-12-21 (Mon) + 7 working days = 2026-12-30, still 2026.
        #expect(try calendar.addingWorkdays(7, to: day("2026-12-21")) == day("2026-12-30"))
        #expect(calendar.years == [2025, 2026])
        let only2026 = CalendarData.calendar(years: [2026])
        #expect(throws: MissingCalendarYear(year: 2025)) { try only2026.addingWorkdays(7, to: day("2025-12-26")) }
    }
}

@Suite("WorkdayCalendar.addingWorkdays by the prefix table")
struct WorkdayCalendarPrefixTests {
    /// Day by day, as `addingWorkdays` counted before it used the prefix table.
    static func stepping(_ c: WorkdayCalendar, _ n: Int, _ date: LocalDate) throws(MissingCalendarYear) -> LocalDate {
        var d = date
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if try c.isWorkday(d) { left -= 1 }
        }
        return d
    }

    @Test("the same day as counting day by day, across holidays and the end of the calendar")
    func sameAsStepping() {
        let calendar = CalendarData.calendar()
        var d = day("2024-12-20")
        while d <= day("2027-01-05") {
            for n in [0, 1, 2, 3, 7, 20] {
                let fast = Result { () throws(MissingCalendarYear) in try calendar.addingWorkdays(n, to: d) }
                let slow = Result { () throws(MissingCalendarYear) in try Self.stepping(calendar, n, d) }
                #expect(fast == slow, "\(d) + \(n)")
            }
            d = d.adding(days: 1)
        }
    }
}
