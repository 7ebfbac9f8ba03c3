/// The working-day calendar: statutory holidays and make-up working days (调休上班), one year at a time.
///
/// A date is a working day when it is a make-up working day, or Monday–Friday and not a holiday.
/// Asking about a year the site has no calendar file for throws ``MissingCalendarYear``: the rules
/// never guess a holiday schedule.
public struct WorkdayCalendar: Sendable {
    public private(set) var years: Set<Int>
    private var holidays: Set<Int>
    private var workdays: Set<Int>
    /// Working days counted from the first day of the earliest year, for the contiguous run of years
    /// that starts there: `prefix[i]` = working days in [start, start + i).
    private var start = 0
    private var prefix: [Int32] = []

    public init() {
        years = []
        holidays = []
        workdays = []
    }

    /// Years whose file is present but could not be read. They are as missing as a year without a file
    /// (holidays are never guessed); they are kept so that the findings ask to correct the file, not to
    /// add it.
    public private(set) var unreadableYears: Set<Int> = []

    /// Notes that the file of `year` is present but could not be read: the year stays missing.
    public mutating func markUnreadable(year: Int) { unreadableYears.insert(year) }

    /// The years a calendar can hold: those ``LocalDate`` can name.
    public static let supportedYears = 1...9999

    /// Adds one year's schedule. A year outside ``supportedYears`` is ignored (no date can fall in it).
    public mutating func add(year: Int, holidays: [LocalDate], workdays: [LocalDate]) {
        guard WorkdayCalendar.supportedYears.contains(year) else { return }
        years.insert(year)
        self.holidays.formUnion(holidays.map(\.dayNumber))
        self.workdays.formUnion(workdays.map(\.dayNumber))
        rebuildPrefix()
    }

    private mutating func rebuildPrefix() {
        guard let first = years.min() else { return }
        var last = first
        while years.contains(last + 1) { last += 1 }
        // Computed from the civil date directly: the years are in `supportedYears`, and no optional
        // has to be unwrapped.
        start = LocalDate.daysFromCivil(first, 1, 1)
        let end = LocalDate.daysFromCivil(last, 12, 31)
        prefix = [0]
        prefix.reserveCapacity(end - start + 2)
        var count: Int32 = 0
        for d in start...end {
            let date = LocalDate(dayNumber: d)
            if workdays.contains(d) || (!date.isWeekend && !holidays.contains(d)) { count += 1 }
            prefix.append(count)
        }
    }

    public func isWorkday(_ date: LocalDate) throws(MissingCalendarYear) -> Bool {
        let y = date.year
        guard years.contains(y) else { throw MissingCalendarYear(year: y) }
        if workdays.contains(date.dayNumber) { return true }
        return !date.isWeekend && !holidays.contains(date.dayNumber)
    }

    /// The `n`-th working day after `date` (the date itself does not count). `n` = 0 returns `date`.
    public func addingWorkdays(_ n: Int, to date: LocalDate) throws(MissingCalendarYear) -> LocalDate {
        // Within the years of `prefix`, the working days are counted there: the n-th working day after
        // `date` is the first day whose count reaches `date`'s count + n (no year or set lookups per day).
        let a = date.dayNumber + 1 - start
        if n > 0, a >= 0, a < prefix.count {
            let target = prefix[a] + Int32(clamping: n)
            var i = a + 1
            while i < prefix.count {
                if prefix[i] >= target { return LocalDate(dayNumber: start + i - 1) }
                i += 1
            }
        }
        var d = date
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if try isWorkday(d) { left -= 1 }
        }
        return d
    }

    /// The `n`-th working day before `date` (the date itself does not count).
    public func subtractingWorkdays(_ n: Int, from date: LocalDate) throws(MissingCalendarYear) -> LocalDate {
        var d = date
        var left = n
        while left > 0 {
            d = d.adding(days: -1)
            if try isWorkday(d) { left -= 1 }
        }
        return d
    }

    /// Number of working days in the half-open interval (`from`, `to`]; 0 when `to` ≤ `from`.
    public func workdays(after from: LocalDate, through to: LocalDate) throws(MissingCalendarYear) -> Int {
        guard to > from else { return 0 }
        let a = from.dayNumber + 1 - start
        let b = to.dayNumber + 1 - start
        if a >= 0, b < prefix.count { return Int(prefix[b] - prefix[a]) }
        var count = 0
        var d = from
        while d < to {
            d = d.adding(days: 1)
            if try isWorkday(d) { count += 1 }
        }
        return count
    }
}

/// A needed year has no `Content/calendar/YYYY.yml`.
public struct MissingCalendarYear: Error, Sendable, Equatable {
    public let year: Int
    public init(year: Int) { self.year = year }
    /// The file the webmaster must add, relative to the site folder.
    public var file: String { "Content/calendar/\(year).yml" }
    public var message: String {
        "缺少 \(year) 年的节假日安排：请添加 \(file)（放假日期与调休上班日期，依据国务院办公厅当年的放假通知）"
    }
}
