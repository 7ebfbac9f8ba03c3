/// Masking of personal data: names of natural persons; ID numbers, bank card numbers and mobile numbers
/// in free text (SPEC §2, §8.1).
public enum PersonalData {
    /// 张三明 → 张*明, 张三 → 张*, 欧阳娜娜 → 欧**娜: keeps the first and (for 3+ characters) last character.
    public static func maskName(_ name: String) -> String {
        let chars = Array(name.trimmingWhitespace())
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(chars[0]) + "*"
        default:
            return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }

    /// `text` with a natural person's full `name` (two characters or more) masked wherever it names the
    /// person, as ``maskName(_:)`` masks it: a court's 生效法律文书确定的义务 names its 被告马大浩, and a
    /// page showing 马*浩 must not print the name beside it. Two characters may also begin a place's or
    /// an organisation's name (高新 in 淄博高新区人民法院): an occurrence of a two-character name right
    /// before such a name's last character (区, 县, 镇, 路, 院, 局 …) is left as written. Whether one was
    /// masked.
    public static func maskingName(_ name: String, in text: String) -> (text: String, found: Bool) {
        let name = name.trimmingWhitespace()
        guard name.count >= 2, !text.isEmpty else { return (text, false) }
        let masked = maskName(name)
        var out = ""
        var rest = Substring(text)
        var found = false
        while let r = rest.firstRange(of: name) {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            if name.count == 2, let next = after.first, placeEndings.contains(next) {
                out += name
            } else {
                out += masked
                found = true
            }
            rest = after
        }
        return found ? (out + rest, true) : (text, false)
    }

    /// Last characters of places' and organisations' names (a two-character name before one is part of
    /// such a name, not a person's).
    static let placeEndings: Set<Character> = [
        "省", "市", "区", "县", "镇", "乡", "村", "街", "路", "巷", "院", "局", "厅", "所", "庭", "站", "厂", "店", "园",
    ]

    /// A 15-digit ID number of the 1984 standard: 6-digit area, YYMMDD birth date of the 1900s, 3 digits.
    public static func isOldIDNumber(_ digits: [UInt32]) -> Bool {
        guard digits.count == 15 else { return false }
        func n(_ a: Int, _ b: Int) -> Int { (a..<b).reduce(0) { $0 * 10 + Int(digits[$1]) } }
        return LocalDate(year: 1900 + n(6, 8), month: n(8, 10), day: n(10, 12)) != nil
    }

    /// A bank card number: 16–19 digits beginning with 62 (UnionPay), 4 (Visa) or 5 (Mastercard) that
    /// pass the Luhn check.
    public static func isCardNumber(_ digits: [UInt32]) -> Bool {
        guard (16...19).contains(digits.count) else { return false }
        guard digits[0] == 4 || digits[0] == 5 || (digits[0] == 6 && digits[1] == 2) else { return false }
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            var v = Int(d)
            if i % 2 == 1 {
                v *= 2
                if v > 9 { v -= 9 }
            }
            sum += v
        }
        return sum % 10 == 0
    }

    /// Whether `text` has a sequence of 11 digits or more, half- or full-width, with at most three
    /// separators (``PersonalNumberScanner/isSeparator(_:)``) between two of them: every number
    /// ``scrub(_:)`` masks is such a sequence, and a text without one (most are: dates and amounts are
    /// shorter) is left alone. Read from the UTF-8 bytes in place, a character at a time (every
    /// published text field of every record is asked, twice). Typed in groups or in full width, a number
    /// need have no four plain digits in a row: no word of four bytes can rule a text out.
    public static func mayHoldPersonalData(_ text: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = bytes.count
            if n < 11 { return false }
            var digits = 0  // in the current sequence
            var joined = 0  // separators at the end of the sequence
            var i = 0
            while i < n {
                let b = bytes[i]
                if b &- 0x30 < 10 {
                    digits += 1
                    if digits >= 11 { return true }
                    joined = 0
                    i += 1
                    continue
                }
                var isDigit = false
                var isSeparator = false
                if b < 0x80 {
                    isSeparator = b == 0x20 || b == 0x2D || b == 0x0A || b == 0x0D
                    i += 1
                } else if b == 0xC2 {
                    // The no-break space is C2 A0.
                    isSeparator = i + 1 < n && bytes[i + 1] == 0xA0
                    i += 2
                } else if b == 0xEF || b == 0xE3 || b == 0xE2 {
                    // Full-width digits are EF BC 90–99, `－` is EF BC 8D, the ideographic space E3 80 80; the
                    // typographic spaces U+2002–U+200B are E2 80 82–8B, the hyphens and dashes U+2010–U+2013
                    // E2 80 90–93, the narrow no-break space E2 80 AF, the minus sign E2 88 92.
                    if i + 2 < n {
                        let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                        isDigit = b == 0xEF && b1 == 0xBC && b2 &- 0x90 < 10
                        isSeparator =
                            (b == 0xEF && b1 == 0xBC && b2 == 0x8D) || (b == 0xE3 && b1 == 0x80 && b2 == 0x80)
                            || (b == 0xE2 && b1 == 0x80 && (b2 &- 0x82 < 10 || b2 &- 0x90 < 4 || b2 == 0xAF))
                            || (b == 0xE2 && b1 == 0x88 && b2 == 0x92)
                    }
                    i += 3
                } else {
                    // Any other character ends a sequence; it is stepped over whole (a CJK ideograph is
                    // one step, not three).
                    i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                }
                if isDigit {
                    digits += 1
                    if digits >= 11 { return true }
                    joined = 0
                } else if isSeparator && digits > 0 && joined < SeparatorRuns.longest {
                    joined += 1
                } else {
                    digits = 0
                    joined = 0
                }
            }
            return false
        }
        if let answer = text.utf8.withContiguousStorageIfAvailable(scan) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// Masks personal data in free text: valid 18-digit ID numbers, bank card numbers (Luhn), 15-digit
    /// ID numbers with a valid birth date, and mobile numbers (`1[3-9]` + 9 digits, also after the
    /// country code 86 or 0086). Each must be a whole run of digits (an 18-digit ID may end in X and must not
    /// run into a letter), or groups joined by one separator in a number's exact shape (`138 1234 5678`,
    /// `6222 0212 3456 7890 128`, `370303 19800101 1234`); digits may be full-width. A masked number
    /// keeps its separators and the width of the characters left readable (`138-****-5678`). Landline
    /// numbers are left alone: in decisions they are offices' published numbers.
    /// Returns the text and whether anything was masked.
    public static func scrub(_ text: String) -> (text: String, found: Bool) {
        // Fast path: every number masked is a sequence of at least 11 digits.
        if !mayHoldPersonalData(text) { return (text, false) }
        guard let masked = PersonalNumberScanner(scalars: Array(text.unicodeScalars)).scrubbed() else {
            return (text, false)
        }
        return (masked, true)
    }
}

extension StringProtocol {
    /// Trims spaces, tabs, line breaks and the ideographic space U+3000 that Excel exports carry.
    public func trimmingWhitespace() -> String {
        // Most values begin and end with a letter, digit or ideograph: kept whole, without taking the
        // ends apart into characters (a Unicode property lookup and a grapheme break search each).
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !String.isWhitespace(first),
            String.endsCharacterAlone(last)
        {
            return String(self)
        }
        let s = self.drop(while: { $0.isWhitespace })
        var end = s.endIndex
        while end > s.startIndex {
            let before = s.index(before: end)
            if s[before].isWhitespace { end = before } else { break }
        }
        return String(s[s.startIndex..<end])
    }
}

extension String {
    /// `filter { !$0.isWhitespace }` as a String; a text with no whitespace scalar at all (most values
    /// are) is returned as it is, without taking it apart into characters.
    public func removingWhitespace() -> String {
        if !unicodeScalars.contains(where: String.isWhitespace) { return self }
        return String(filter { !$0.isWhitespace })
    }

    /// `u.properties.isWhitespace`, answered without a Unicode table lookup for ASCII and CJK ideographs
    /// (every cell of every row is trimmed: the lookup was 2 % of a build).
    @inline(__always)
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x20: return true
        case 0...0x7F, 0x4E00...0x9FFF: return false
        default: return u.properties.isWhitespace
        }
    }

    /// A scalar that is no whitespace and that no scalar before it joins into one character, except a
    /// prepended one that is no whitespace either: printable ASCII, a CJK unified ideograph, a
    /// full-width form. The last character of a text ending in it is not whitespace.
    static func endsCharacterAlone(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x21...0x7E, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}
