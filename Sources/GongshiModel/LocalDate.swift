/// A calendar date without time or time zone, as written in disclosure data (许可决定日期, 列入日期 …).
///
/// Stored as a day number so that comparisons and day arithmetic are cheap at a province's scale.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Returns nil when the components do not name a real calendar date (2025-02-30, month 13 …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        dayNumber = LocalDate.daysFromCivil(year, month, day)
    }

    public var components: (year: Int, month: Int, day: Int) { LocalDate.civilFromDays(dayNumber) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday)
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Adds calendar months, clamping to the end of the month (2026-01-31 + 1 month = 2026-02-28).
    public func adding(months: Int) -> LocalDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(c.day, LocalDate.daysIn(month: m, year: y))
        return LocalDate(dayNumber: LocalDate.daysFromCivil(y, m, d))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        // Written byte by byte: the judge writes several dates of every published record, and an
        // interpolation of three padded numbers cost more than the rest of the date arithmetic.
        guard (0...9999).contains(c.year) else {
            return "\(LocalDate.pad(c.year, 4))-\(LocalDate.pad(c.month, 2))-\(LocalDate.pad(c.day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { b in
            func put(_ n: Int, _ at: Int, _ width: Int) {
                var n = n
                for k in stride(from: at + width - 1, through: at, by: -1) {
                    b[k] = UInt8(48 + n % 10)
                    n /= 10
                }
            }
            put(c.year, 0, 4)
            b[4] = 45
            put(c.month, 5, 2)
            b[7] = 45
            put(c.day, 8, 2)
            return 10
        }
    }

    /// `YYYY-MM`.
    public var monthString: String {
        let c = components
        return "\(LocalDate.pad(c.year, 4))-\(LocalDate.pad(c.month, 2))"
    }

    /// `2026年11月25日`, as Chinese pages write dates.
    public var chinese: String {
        let c = components
        return "\(c.year)年\(c.month)月\(c.day)日"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension LocalDate {
    /// Parses the date forms departments export: `2025-03-07`, `2025/3/7`, `2025.3.7`, `2025年3月7日` (or `号`),
    /// `20250307` (exactly eight digits), optionally followed by a time (`2025-03-07 00:00:00`, as Excel writes), which is ignored.
    /// Returns nil for anything that is not a real calendar date.
    public init?(parsing text: some StringProtocol) {
        // Most dates are written `YYYY-MM-DD`: read from the bytes, without an array of scalars.
        if let form = text.utf8.withContiguousStorageIfAvailable({ LocalDate.isoDate($0) }), let iso = form {
            guard let iso else { return nil }
            self = iso
            return
        }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func skipSpace() {
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\u{3000}" { i += 1 }
        }
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while i < scalars.count, let d = Int(exactly: scalars[i].value), (48...57).contains(d) {
                value = value * 10 + (d - 48)
                digits += 1
                i += 1
                if digits > maxDigits { return nil }
            }
            return digits == 0 ? nil : value
        }
        skipSpace()
        guard i + 4 <= scalars.count else { return nil }
        let start = i
        // YYYYMMDD: eight digits and nothing after them but a time.
        if let compact = LocalDate.compact(scalars, from: start) {
            self = compact
            return
        }
        guard let y = number(maxDigits: 4), i - start == 4, i < scalars.count else { return nil }
        let sep = scalars[i]
        let chinese = sep == "年"
        guard sep == "-" || sep == "/" || sep == "." || chinese else { return nil }
        i += 1
        guard let m = number(maxDigits: 2), i < scalars.count else { return nil }
        guard scalars[i] == (chinese ? "月" : sep) else { return nil }
        i += 1
        guard let d = number(maxDigits: 2) else { return nil }
        if chinese {
            // 日, or 号 as spoken and often typed (2026年11月5号); 止 may close an end (2031年11月28日止).
            guard i < scalars.count, scalars[i] == "日" || scalars[i] == "号" else { return nil }
            i += 1
            if i < scalars.count, scalars[i] == "止" { i += 1 }
        }
        // Whatever follows must be a time, separated by white space or 'T'.
        if i < scalars.count {
            let next = scalars[i]
            guard next == " " || next == "T" || next == "\t" || next == "\u{3000}" else { return nil }
            i += 1
            skipSpace()
            while i < scalars.count {
                let c = scalars[i]
                // A time zone after the time (Z, +08:00) as an ISO 8601 export writes it.
                let ok =
                    (48...57).contains(c.value) || c == ":" || c == "." || c == "时" || c == "分" || c == "秒"
                    || c == " " || c == "\u{3000}" || c == "Z" || c == "+" || c == "-"
                guard ok else { return nil }
                i += 1
            }
        }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD` (10 ASCII bytes) read as `init(parsing:)` reads it: `.some(date)` or `.some(nil)` (not a
    /// real date, which the full reading finds too); nil for any other form, which the full reading takes.
    private static func isoDate(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate?? {
        guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
        func digit(_ i: Int) -> Int? { b[i] >= 48 && b[i] <= 57 ? Int(b[i] - 48) : nil }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3), let m0 = digit(5),
            let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        return .some(LocalDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1))
    }

    /// `20250307` at `start`, alone or followed by white space and a time.
    private static func compact(_ scalars: [Unicode.Scalar], from start: Int) -> LocalDate? {
        guard start + 8 <= scalars.count else { return nil }
        var digits: [Int] = []
        for k in start..<(start + 8) {
            let v = Int(scalars[k].value)
            guard (48...57).contains(v) else { return nil }
            digits.append(v - 48)
        }
        // YYYYMMDDhhmmss: a database's timestamp.
        if scalars.count == start + 14, scalars[(start + 8)...].allSatisfy({ (48...57).contains($0.value) }) {
            return LocalDate(
                year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
        }
        if start + 8 < scalars.count {
            let next = scalars[start + 8]
            guard next == " " || next == "T" || next == "\t" || next == "\u{3000}" else { return nil }
            for c in scalars[(start + 9)...] {
                guard (48...57).contains(c.value) || c == ":" || c == "." || c == " " || c == "\u{3000}" else {
                    return nil
                }
            }
        }
        let y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        return LocalDate(year: y, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }
}
