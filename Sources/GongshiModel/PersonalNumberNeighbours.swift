/// What may stand beside a personal number, one separator away, without being part of it: a date, a
/// landline, a postcode before or after it, a count after it (``PersonalNumberScanner/groups(_:_:after:)``).
extension PersonalNumberScanner {
    /// Whether the digits before the separator at `k` end a date (`2026-11-25`, `2026.11.25`,
    /// `2026/11/25`), a landline (`0533-1234567`, `0533 1234567`) or a postcode (six digits standing alone:
    /// `255000`) written beside the number: two things side by side, not a longer sequence the number is
    /// part of (`9 138 1234 5678`, `规格 2.5 180 1200 2400`).
    func endsNeighbour(_ k: Int) -> Bool {
        /// Where the run of digits ending before `end` starts.
        func runStart(_ end: Int) -> Int {
            var s = end
            while isDigit(s - 1) { s -= 1 }
            return s
        }
        let last = runStart(k)
        if k - last == 6, !isAlnum(last - 1), !(last >= 2 && Self.isSeparator(scalars[last - 1]) && isDigit(last - 2)) {
            return true
        }
        guard last < k, last >= 1 else { return false }
        let joint = scalars[last - 1]
        let before = runStart(last - 1)
        let (lastCount, beforeCount) = (k - last, last - 1 - before)
        if 7...8 ~= lastCount, Self.isSeparator(joint) {
            return 3...4 ~= beforeCount && digit(before) == 0 && !isAlnum(before - 1)
        }
        guard 1...2 ~= lastCount, 1...2 ~= beforeCount, Self.joinsDate(joint),
            before >= 1, scalars[before - 1] == joint
        else { return false }
        let year = runStart(before - 1)
        return before - 1 - year == 4 && !isAlnum(year - 1)
    }

    /// Whether the digits at `k` start a date, a landline or a postcode (as ``endsNeighbour(_:)`` reads them)
    /// that ends there: `138 1234 5678 2026-11-25` is a mobile and a date.
    func startsNeighbour(_ k: Int) -> Bool {
        /// Where the run of digits starting at `start` ends.
        func runEnd(_ start: Int) -> Int {
            var e = start
            while isDigit(e) { e += 1 }
            return e
        }
        /// Nothing joins on after `end`: no letter or digit, and no separator before a digit.
        func ends(_ end: Int) -> Bool {
            !isAlnum(end) && !(end < scalars.count && Self.isSeparator(scalars[end]) && isDigit(end + 1))
        }
        let first = runEnd(k)
        if first - k == 6, ends(first) { return true }
        guard first < scalars.count, isDigit(first + 1) else { return false }
        let joint = scalars[first]
        let second = runEnd(first + 1)
        let (firstCount, secondCount) = (first - k, second - first - 1)
        if 3...4 ~= firstCount, digit(k) == 0, Self.isSeparator(joint) {
            return 7...8 ~= secondCount && ends(second)
        }
        guard firstCount == 4, 1...2 ~= secondCount, Self.joinsDate(joint),
            second < scalars.count, scalars[second] == joint, isDigit(second + 1)
        else { return false }
        let third = runEnd(second + 1)
        return 1...2 ~= third - second - 1 && ends(third)
    }

    /// Whether the last group read, `length` digits ending at `end`, is no group of the number before it
    /// but what the text says next: a count (`12 件`, `2人`), a year (`2026年`), a month or day (`11月`,
    /// `25日`), or the number of a list's next item (`2.李四`, `2、`).
    func endsAsCountOrItem(length: Int, at end: Int) -> Bool {
        guard end < scalars.count else { return false }
        let k = Self.isSpace(scalars[end]) && end + 1 < scalars.count ? end + 1 : end
        let u = scalars[k]
        if length == 4 { return u == "年" }
        if Self.countUnits.contains(u) { return true }
        return k == end && (u == "、" || u == "." || u == "．") && !isDigit(k + 1) && !isAlnum(k + 1)
    }

    /// What a count, a month or a day is written with after its digits.
    static let countUnits = Set("件人次个名户家起份台辆处项条月日".unicodeScalars)

    /// What joins a date's parts (`2026-11-25`, `2026.11.25`, `2026/11/25`, half- or full-width).
    static func joinsDate(_ u: Unicode.Scalar) -> Bool { "-./\u{FF0D}\u{FF0E}\u{FF0F}".unicodeScalars.contains(u) }
}
