/// Finds the personal numbers ``PersonalData/scrub(_:)`` masks in one text's scalars and masks them: a
/// whole run of digits, or groups of digits joined by one separator each in the exact shape of a mobile,
/// bank card or ID number. Digits may be typed half- or full-width (a full-width input mode types
/// `１３８１２３４５６７８`); separators are a space (also the no-break, ideographic and typographic spaces
/// that word processors and web pages put into copied text) and a hyphen (also `－` and the dashes a word
/// processor puts for it); two or three of them typed together are read as one (``SeparatorRuns``).
struct PersonalNumberScanner {
    /// A number found at some start: where it ends and how many of its characters (digits and a final X;
    /// separators do not count) stay readable at each end.
    struct Match {
        var end: Int
        var keepFirst: Int
        var keepLast: Int

        /// The masks of each kind, ending at `end`: an ID number keeps its area and last four
        /// (370303********1234), a card its first and last four, a mobile its network and last four
        /// (138****5678, after the country code: 86138****5678, 0086138****5678).
        static func id(_ end: Int) -> Match { Match(end: end, keepFirst: 6, keepLast: 4) }
        static func card(_ end: Int) -> Match { Match(end: end, keepFirst: 4, keepLast: 4) }
        /// `code`: the digits of the country code typed before it (`86`: 2, `0086`: 4), kept readable.
        static func mobile(_ end: Int, code: Int = 0) -> Match { Match(end: end, keepFirst: 3 + code, keepLast: 4) }
    }

    /// The text as read: runs of separators joined (``SeparatorRuns``). Every position below is in it.
    let scalars: [Unicode.Scalar]
    private let runs: SeparatorRuns
    /// The text as typed.
    var text: [Unicode.Scalar] { runs.text }

    init(scalars text: [Unicode.Scalar]) {
        runs = SeparatorRuns(text)
        scalars = runs.scalars
    }

    /// The text with every number found masked, or nil when there is none.
    func scrubbed() -> String? {
        let found = numbers()
        guard !found.isEmpty else { return nil }
        var out = String.UnicodeScalarView()
        var copied = 0
        for (start, m) in found {
            let (from, to) = (runs.position(start), runs.position(m.end - 1) + 1)
            out.append(contentsOf: text[copied..<from])
            mask(from..<to, m, to: &out)
            copied = to
        }
        out.append(contentsOf: text[copied...])
        return String(out)
    }

    /// Where each number found starts, and its match.
    func numbers() -> [(start: Int, match: Match)] {
        var found: [(start: Int, match: Match)] = []
        var i = 0
        // Where the last number found ends: the next may follow it after one separator.
        var previous = -1
        while i < scalars.count {
            guard isDigit(i) else {
                i += 1
                continue
            }
            // Runs are consumed whole, so `i` starts one: the scalar before it is no digit.
            var j = i
            while isDigit(j) { j += 1 }
            if let m = wholeRun(i, j) ?? groups(i, j, after: previous) {
                found.append((i, m))
                i = m.end
                previous = m.end
            } else {
                i = j
            }
        }
        return found
    }

    /// A number typed as one run of digits `i..<j`: a valid ID number (18 digits, or 17 and X, not
    /// running into a letter), a bank card number, a 15-digit ID number, a mobile number, or a mobile
    /// number after the country code 86 or 0086 (`+8613812345678`, `008613812345678`).
    func wholeRun(_ i: Int, _ j: Int) -> Match? {
        guard j - i >= 11 else { return nil }
        let digits = (i..<j).map { digit($0) ?? 0 }
        if digits.count == 17, isX(j), !isAlnum(j + 1), Self.isID(digits, x: true) { return .id(j + 1) }
        if digits.count == 18, !isAlnum(j), Self.isID(digits, x: false) { return .id(j) }
        if PersonalData.isCardNumber(digits) { return .card(j) }
        if PersonalData.isOldIDNumber(digits) { return Match(end: j, keepFirst: 6, keepLast: 3) }
        if Self.isMobile(digits[...]) { return .mobile(j) }
        if Self.isMobileAfter86(digits) { return .mobile(j, code: 2) }
        if Self.isMobileAfter0086(digits) { return .mobile(j, code: 4) }
        return nil
    }

    /// A number typed in groups, its first group the run `i..<firstEnd`: `138 1234 5678`,
    /// `+86 138 1234 5678`, `0086 138 1234 5678`, `6222 0212 3456 7890 128` (groups of 4, the last of 1–4, Luhn-valid),
    /// `370303 19800101 1234` (or `123X`; spaces only). Read first as groups joined by one separator,
    /// then, when that finds nothing, by any (`138-1234 5678`): a number joined by one separator stays
    /// found beside another number joined by a different one (`2026-11-25 138 1234 5678` is not one
    /// sequence of groups, `138-1234-5678 139-1234-5678` not one either).
    ///
    /// - Parameter previous: where the last number found ends: one separator after it, a number may
    ///   start (`138 1234 5678 139 8765 4321`).
    func groups(_ i: Int, _ firstEnd: Int, after previous: Int = -1) -> Match? {
        guard firstEnd < scalars.count, Self.isSeparator(scalars[firstEnd]), isDigit(firstEnd + 1) else {
            return nil
        }
        // A gap of two or three separators joins first only groups typed with the same gap: a wider gap
        // than the number's own sets it apart from what follows (`138 1234 5678  5000`). Mixed with other
        // gaps, it is read last (`138  1234 5678`).
        let first = runs.gap(at: firstEnd)
        return groups(i, firstEnd, after: previous) { runs.gap(at: $0) == first }
            ?? groups(i, firstEnd, after: previous) { Self.isSeparator(scalars[$0]) && !runs.isJoined($0) }
            ?? groups(i, firstEnd, after: previous) { Self.isSeparator(scalars[$0]) }
    }

    /// ``groups(_:_:)`` with the groups joined by the gaps `joins` accepts (at a position). The groups
    /// must be every digit those gaps join on either side, and no letter or digit may touch them: nothing
    /// is read out of a part of a longer sequence (`2026-1105-3312-9`, `0533 1234 5678`).
    private func groups(
        _ i: Int, _ firstEnd: Int, after previous: Int, joinedBy joins: (Int) -> Bool
    ) -> Match? {
        if isAlnum(i - 1)
            || (i >= 2 && joins(i - 1) && isDigit(i - 2) && i - 1 != previous && !endsNeighbour(i - 1))
        {
            return nil
        }
        var lengths = [firstEnd - i]
        var end = firstEnd
        // An ID number is grouped by spaces only: area-date-serial joined by hyphens is how permits are
        // numbered (施工许可证 370306-20260514-0027), and such a number may pass an ID's check.
        var spaced = true
        // No shape has more than five groups, nor two side by side more than eight: a ninth says the
        // sequence is something longer.
        while lengths.count < 9, end < scalars.count, joins(end), isDigit(end + 1),
            !startsNeighbour(end + 1)
        {
            spaced = spaced && Self.isSpace(scalars[end])
            var k = end + 1
            while isDigit(k) { k += 1 }
            lengths.append(k - end - 1)
            end = k
        }
        let digits = (i..<end).compactMap { digit($0) }
        let x = spaced && lengths == [6, 8, 3] && isX(end)
        let stop = x ? end + 1 : end
        if isAlnum(stop)
            || (stop < scalars.count && joins(stop) && isDigit(stop + 1) && !startsNeighbour(stop + 1))
        {
            return nil
        }
        if x { return Self.isID(digits, x: true) ? .id(stop) : nil }
        if lengths == [2, 3, 4, 4], Self.isMobileAfter86(digits) { return .mobile(end, code: 2) }
        if lengths == [4, 3, 4, 4], Self.isMobileAfter0086(digits) { return .mobile(end, code: 4) }
        if spaced, lengths == [6, 8, 4], Self.isID(digits, x: false) { return .id(end) }
        if Self.isMobileOrCard(lengths[...], digits[...]) {
            return lengths.count == 3 ? .mobile(end) : .card(end)
        }
        // A mobile and a count, a date or an item's number after it (`138 1234 5678 12 件`, `… 2026年`,
        // `… 2.李四`): not a group of it.
        if lengths.count == 4, lengths[..<3].elementsEqual([3, 4, 4]), lengths[3] <= 4, Self.isMobile(digits[..<11]),
            endsAsCountOrItem(length: lengths[3], at: end)
        {
            return .mobile(i + 13)
        }
        // A mobile and, after one more separator, another mobile or a card: the first is found here, the
        // second by the next look (`after`).
        if lengths.count > 3, lengths[..<3].elementsEqual([3, 4, 4]), Self.isMobile(digits[..<11]),
            Self.isMobileOrCard(lengths[3...], digits[11...])
        {
            return .mobile(i + 13)
        }
        return nil
    }

    /// Groups of 3-4-4 that are a mobile number, or of 4 (the last of 1–4) that are a card number.
    static func isMobileOrCard(_ lengths: ArraySlice<Int>, _ digits: ArraySlice<UInt32>) -> Bool {
        if lengths.elementsEqual([3, 4, 4]) { return isMobile(digits) }
        guard let last = lengths.last, lengths.count >= 4, (1...4).contains(last),
            lengths.dropLast().allSatisfy({ $0 == 4 })
        else { return false }
        return PersonalData.isCardNumber(Array(digits))
    }

    /// Appends the number `m` found at `range` of the text as typed with its middle characters as `*`:
    /// the characters kept and the separators stay as typed (half- or full-width), so the number keeps
    /// its shape.
    func mask(_ range: Range<Int>, _ m: Match, to out: inout String.UnicodeScalarView) {
        let characters = range.count { !Self.isSeparator(text[$0]) }
        var k = 0
        for p in range {
            let u = text[p]
            if Self.isSeparator(u) {
                out.append(u)
                continue
            }
            out.append(k >= m.keepFirst && k < characters - m.keepLast ? "*" : u)
            k += 1
        }
    }

    /// The value of the digit at `k`, half- or full-width, or nil (also outside the text).
    func digit(_ k: Int) -> UInt32? {
        guard k >= 0, k < scalars.count else { return nil }
        return Self.digit(scalars[k])
    }

    /// The value of a digit, half- or full-width, or nil.
    static func digit(_ u: Unicode.Scalar) -> UInt32? {
        let v = u.value
        if v &- 0x30 < 10 { return v - 0x30 }
        if v &- 0xFF10 < 10 { return v - 0xFF10 }
        return nil
    }

    func isDigit(_ k: Int) -> Bool { digit(k) != nil }

    /// A letter or digit at `k`, half- or full-width: a number touching one is part of some code.
    func isAlnum(_ k: Int) -> Bool {
        guard k >= 0, k < scalars.count else { return false }
        let v = scalars[k].halfWidth.value
        return v &- 0x30 < 10 || (v | 0x20) &- 0x61 < 26
    }

    /// The check character X of an ID number at `k`, either case, half- or full-width.
    func isX(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].halfWidth.value | 0x20 == 0x78 }

    /// What departments type between the groups of a number: a space or hyphen, half- or full-width.
    static func isSeparator(_ u: Unicode.Scalar) -> Bool { isSpace(u) || isHyphen(u) }

    /// `-`, its full-width form `－`, or what a word processor puts for it: the hyphen and non-breaking
    /// hyphen (U+2010, U+2011), the figure and en dashes (U+2012, U+2013) and the minus sign (U+2212).
    static func isHyphen(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2D, 0xFF0D, 0x2010...0x2013, 0x2212: return true
        default: return false
        }
    }

    /// A space between groups: half-width, a line break (a cell wrapped by hand, Alt+Enter in Excel;
    /// CR LF is a run of two), no-break (U+00A0), the typographic spaces from the en space to the hair
    /// space and the zero-width space (U+2002–U+200B), narrow no-break (U+202F) or ideographic (U+3000).
    /// Not a tab: tabs part the cells of a table pasted into a text.
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x0A, 0x0D, 0xA0, 0x2002...0x200B, 0x202F, 0x3000: return true
        default: return false
        }
    }

    /// An 18-character ID number: 18 digits, or 17 and the check character X (`x`).
    static func isID(_ digits: [UInt32], x: Bool) -> Bool { ResidentIDNumber.isValid(text(digits) + (x ? "X" : "")) }

    /// A mobile number after the country code 86 (`8613812345678`).
    static func isMobileAfter86(_ d: [UInt32]) -> Bool { d.count == 13 && d[0] == 8 && d[1] == 6 && isMobile(d[2...]) }

    /// A mobile number after the international prefix 00 and the country code 86 (`008613812345678`).
    static func isMobileAfter0086(_ d: [UInt32]) -> Bool {
        d.count == 15 && d[..<4].elementsEqual([0, 0, 8, 6]) && isMobile(d[4...])
    }

    /// `1[3-9]` and 9 more digits.
    static func isMobile(_ d: ArraySlice<UInt32>) -> Bool {
        d.count == 11 && d[d.startIndex] == 1 && (3...9).contains(d[d.startIndex + 1])
    }

    /// The digits as half-width text, as ``ResidentIDNumber`` reads them.
    static func text(_ digits: [UInt32]) -> String {
        String(decoding: digits.map { UInt8(truncatingIfNeeded: $0 + 0x30) }, as: UTF8.self)
    }
}
