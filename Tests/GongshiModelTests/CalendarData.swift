import Foundation

@testable import GongshiModel

/// The 2025 and 2026 holiday schedules, as in `/work/shared/data/calendar/2025.yml` and `2026.yml`
/// (State Council notices; DOMAIN.md §3). `A..B` is an inclusive range.
enum CalendarData {
    static let holidays: [Int: [String]] = [
        2025: [
            "2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
            "2025-05-31..2025-06-02", "2025-10-01..2025-10-05", "2025-10-06", "2025-10-07..2025-10-08",
        ],
        2026: [
            "2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06", "2026-05-01..2026-05-05",
            "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07",
        ],
    ]
    static let workdays: [Int: [String]] = [
        2025: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
        2026: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ]

    static func expand(_ items: [String]) -> [LocalDate] {
        items.flatMap { item -> [LocalDate] in
            let parts = item.components(separatedBy: "..")
            let a = LocalDate(parsing: parts[0])!
            let b = LocalDate(parsing: parts[parts.count - 1])!
            return (a.dayNumber...b.dayNumber).map { LocalDate(dayNumber: $0) }
        }
    }

    /// A calendar with the given years (default 2025 and 2026).
    static func calendar(years: [Int] = [2025, 2026]) -> WorkdayCalendar {
        var c = WorkdayCalendar()
        for y in years { c.add(year: y, holidays: expand(holidays[y] ?? []), workdays: expand(workdays[y] ?? [])) }
        return c
    }
}

/// `YYYY-MM-DD` literal as a LocalDate (traps on a typo in the test itself).
func day(_ s: String) -> LocalDate { LocalDate(parsing: s)! }
