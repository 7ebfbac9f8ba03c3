import Foundation
import Testing

@testable import GongshiModel

@Suite("LocalDate")
struct LocalDateTests {
    // MARK: parsing — accepted forms (SPEC §1.5, §3 bad-date, §7 Dates)

    @Test(
        "accepted date forms",
        arguments: [
            "2025-03-07", "2025/03/07", "2025/3/7", "2025-3-7", "2025年3月7日", "2025年03月07日",
            "2025-03-07 00:00:00", "2025/3/7 12:30:59", "2025-03-07T00:00:00", "2025年3月7日 08:00",
            "  2025-03-07", "\u{3000}2025-03-07", "2025-03-07 0:00", "20250307", "2025.03.07", "2025.3.7",
            "2025年3月7号", "2025-03-07T00:00:00Z", "2025-03-07T00:00:00+08:00", "20250307000000", "2025年3月7日止",
        ])
    func acceptedForms(text: String) throws {
        let d = try #require(LocalDate(parsing: text), "«\(text)» should parse")
        #expect(d.year == 2025)
        #expect(d.month == 3)
        #expect(d.day == 7)
        #expect(d == LocalDate(year: 2025, month: 3, day: 7))
        #expect(d.description == "2025-03-07")
    }

    @Test("parses leap day in a leap year and the turn of the century")
    func leapDays() {
        #expect(LocalDate(parsing: "2024-02-29")?.description == "2024-02-29")
        #expect(LocalDate(parsing: "2000/2/29")?.description == "2000-02-29")
        #expect(LocalDate(parsing: "1900-02-29") == nil)
        #expect(LocalDate(parsing: "2100-02-29") == nil)
        #expect(LocalDate(parsing: "2026-12-31")?.description == "2026-12-31")
    }

    @Test(
        "rejected date forms",
        arguments: [
            "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "2026-01-32",
            "2025.02.29", "2025_03_07", "20250229", "2025030", "25-03-07", "2025-3/7", "2025/3-7",
            "2025年3月7", "2025年3-7日", "2025-03-07abc", "2025-03-07 x", "2025-003-07", "2025-03-007",
            "abc", "garbage 2025-03-07", "", " ", "2025", "2025-03", "2025-03-", "-2025-03-07", "１２３４-03-07",
            "202503070000", "2025-03-07止", "2025年3月7日止止",
        ])
    func rejectedForms(text: String) {
        #expect(LocalDate(parsing: text) == nil, "«\(text)» must not parse")
    }

    @Test("components constructor rejects impossible dates")
    func componentValidation() {
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 6, day: 31) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
        #expect(LocalDate(year: 10000, month: 1, day: 1) == nil)
    }

    // MARK: formatting

    @Test("formats as ISO, month and Chinese")
    func formatting() throws {
        let d = try #require(LocalDate(year: 2026, month: 11, day: 5))
        #expect(d.description == "2026-11-05")
        #expect(d.monthString == "2026-11")
        #expect(d.chinese == "2026年11月5日")
        let early = try #require(LocalDate(year: 987, month: 1, day: 2))
        #expect(early.description == "0987-01-02")
    }

    // MARK: day numbers and weekday

    @Test("day number of the epoch and known weekdays")
    func weekdays() throws {
        let epoch = try #require(LocalDate(year: 1970, month: 1, day: 1))
        #expect(epoch.dayNumber == 0)
        #expect(epoch.weekday == 4)  // Thursday
        #expect(try #require(LocalDate(year: 1969, month: 12, day: 31)).weekday == 3)  // Wednesday, negative day number
        #expect(try #require(LocalDate(parsing: "2026-11-20")).weekday == 5)  // Friday (SPEC §2)
        #expect(try #require(LocalDate(parsing: "2026-12-01")).weekday == 2)  // Tuesday
        #expect(try #require(LocalDate(parsing: "2026-10-10")).weekday == 6)  // Saturday (make-up working day)
        #expect(try #require(LocalDate(parsing: "2026-10-11")).weekday == 7)  // Sunday
        #expect(try #require(LocalDate(parsing: "2026-10-11")).isWeekend)
        #expect(try #require(LocalDate(parsing: "2026-10-10")).isWeekend)
        #expect(!(try #require(LocalDate(parsing: "2026-10-09")).isWeekend))
    }

    @Test("day numbers and weekdays agree with Foundation's Gregorian calendar")
    func agreesWithFoundation() throws {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = try #require(TimeZone(identifier: "UTC"))
        var checked = 0
        var d = try #require(LocalDate(year: 1899, month: 12, day: 25))
        let end = try #require(LocalDate(year: 2101, month: 1, day: 10))
        while d <= end {
            let date = try #require(cal.date(from: DateComponents(year: d.year, month: d.month, day: d.day)))
            let days = Int((date.timeIntervalSince1970 / 86400).rounded())
            #expect(days == d.dayNumber)
            let foundationWeekday = cal.component(.weekday, from: date)  // 1 = Sunday
            #expect(d.weekday == (foundationWeekday + 5) % 7 + 1)
            let back = LocalDate(dayNumber: d.dayNumber)
            #expect(back.year == cal.component(.year, from: date))
            #expect(back.month == cal.component(.month, from: date))
            #expect(back.day == cal.component(.day, from: date))
            d = d.adding(days: 97)
            checked += 1
        }
        #expect(checked > 700)
    }

    @Test("comparison and day arithmetic")
    func arithmetic() throws {
        let a = try #require(LocalDate(parsing: "2026-02-28"))
        #expect(a.adding(days: 1).description == "2026-03-01")
        #expect(a.adding(days: -59).description == "2025-12-31")
        #expect(try #require(LocalDate(parsing: "2024-02-28")).adding(days: 1).description == "2024-02-29")
        #expect(a < a.adding(days: 1))
        #expect(!(a < a))
        #expect(a.adding(days: 365).adding(days: -365) == a)
    }

    // MARK: months (SPEC §7 Months)

    @Test(
        "adding months clamps to the end of the month",
        arguments: [
            ("2026-01-31", 1, "2026-02-28"),
            ("2024-01-31", 1, "2024-02-29"),
            ("2024-02-29", 12, "2025-02-28"),
            ("2024-02-29", 48, "2028-02-29"),
            ("2026-03-31", 1, "2026-04-30"),
            ("2026-08-31", 1, "2026-09-30"),
            ("2025-03-10", 12, "2026-03-10"),
            ("2025-03-10", 36, "2028-03-10"),
            ("2026-11-20", 2, "2027-01-20"),
            ("2026-12-15", 1, "2027-01-15"),
            ("2026-03-31", -1, "2026-02-28"),
            ("2026-01-15", -1, "2025-12-15"),
            ("2026-05-17", 0, "2026-05-17"),
            ("2025-10-31", 4, "2026-02-28"),
            ("2023-10-31", 4, "2024-02-29"),
        ])
    func addingMonths(start: String, months: Int, expected: String) throws {
        let d = try #require(LocalDate(parsing: start))
        #expect(d.adding(months: months).description == expected)
    }

    @Test("leap years")
    func leapYears() {
        #expect(LocalDate.isLeap(2024))
        #expect(LocalDate.isLeap(2000))
        #expect(!LocalDate.isLeap(1900))
        #expect(!LocalDate.isLeap(2025))
        #expect(!LocalDate.isLeap(2026))
        #expect(LocalDate.daysIn(month: 2, year: 2024) == 29)
        #expect(LocalDate.daysIn(month: 2, year: 2026) == 28)
        #expect(LocalDate.daysIn(month: 4, year: 2026) == 30)
        #expect(LocalDate.daysIn(month: 12, year: 2026) == 31)
    }
}

@Suite("LocalDate compact and dotted forms")
struct LocalDateCompactTests {
    @Test func compactAndDotted() {
        #expect(LocalDate(parsing: "20180302")?.description == "2018-03-02")
        #expect(LocalDate(parsing: "2018.03.02")?.description == "2018-03-02")
        #expect(LocalDate(parsing: "2018.3.2")?.description == "2018-03-02")
        #expect(LocalDate(parsing: "20180302 00:00:00")?.description == "2018-03-02")
        #expect(LocalDate(parsing: "20181302") == nil)
        #expect(LocalDate(parsing: "2018030") == nil)
        #expect(LocalDate(parsing: "201803021") == nil)
        #expect(LocalDate(parsing: "20180302abc") == nil)
        #expect(LocalDate(parsing: "2018.03-02") == nil)
    }
}

@Suite("LocalDate read and written byte by byte")
struct LocalDateBytesTests {
    @Test("YYYY-MM-DD reads as the full reading does, real dates only")
    func iso() {
        #expect(LocalDate(parsing: "2025-03-07") == LocalDate(year: 2025, month: 3, day: 7))
        for bad in ["2025-02-30", "2025-13-01", "0000-01-01", "2025-00-10", "2025-1a-01", "20250-3-07"] {
            #expect(LocalDate(parsing: bad) == nil, "\(bad)")
        }
        // Other forms still read the full way, from a String or a Substring.
        #expect(LocalDate(parsing: "2025-3-7") == LocalDate(year: 2025, month: 3, day: 7))
        #expect(LocalDate(parsing: " 2025-03-07 00:00:00"[...]) == LocalDate(year: 2025, month: 3, day: 7))
    }

    @Test("description pads the year to four digits")
    func description() {
        #expect(LocalDate(year: 2026, month: 11, day: 5)?.description == "2026-11-05")
        #expect(LocalDate(year: 5, month: 1, day: 31)?.description == "0005-01-31")
        #expect(LocalDate(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    }
}

@Suite("Excel's day numbers and scientific notation")
struct ExcelValuesTests {
    @Test("serials of the 1900 system both ways, Excel's 1900-02-29 not a day")
    func serials() {
        #expect(LocalDate(excelSerial: 46331)?.description == "2026-11-05")
        #expect(LocalDate(excelSerial: 1)?.description == "1900-01-01")
        #expect(LocalDate(excelSerial: 61)?.description == "1900-03-01")
        #expect(LocalDate(excelSerial: 60) == nil && LocalDate(excelSerial: 0) == nil)
        #expect(LocalDate(parsing: "2026-11-05")?.excelSerial == 46331)
        #expect(LocalDate(parsing: "1900-02-28")?.excelSerial == nil)
    }

    @Test("a code shown in scientific notation is told from codes and numbers")
    func scientific() {
        #expect(ExcelNotation.isScientific("9.13703E+17") && ExcelNotation.isScientific("1.137e+17"))
        #expect(
            !ExcelNotation.isScientific("91370306MA3C4LXX7Q") && !ExcelNotation.isScientific("2E+")
                && !ExcelNotation.isScientific("12345"))
    }
}
