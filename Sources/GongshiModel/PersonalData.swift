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

    /// 370303199001011234 → 370303********1234.
    public static func maskIDNumber(_ id: String) -> String {
        let c = Array(id)
        guard c.count == 18 else { return String(repeating: "*", count: c.count) }
        return String(c[0..<6]) + "********" + String(c[14..<18])
    }

    /// 13805331234 → 138****1234.
    public static func maskMobile(_ m: String) -> String {
        let c = Array(m)
        guard c.count == 11 else { return String(repeating: "*", count: c.count) }
        return String(c[0..<3]) + "****" + String(c[7..<11])
    }

    /// 370303900101123 (15-digit ID) → 370303******123.
    public static func maskOldIDNumber(_ id: String) -> String {
        let c = Array(id)
        guard c.count == 15 else { return String(repeating: "*", count: c.count) }
        return String(c[0..<6]) + "******" + String(c[12..<15])
    }

    /// 6222021234567890123 → 6222***********0123: the issuer prefix and last four digits stay.
    public static func maskCardNumber(_ n: String) -> String {
        let c = Array(n)
        guard c.count > 8 else { return String(repeating: "*", count: c.count) }
        return String(c[0..<4]) + String(repeating: "*", count: c.count - 8) + String(c[(c.count - 4)...])
    }

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

    /// Whether `text` has a run of at least 11 ASCII digits, which every pattern ``scrub(_:)`` masks is:
    /// without one, nothing in it is masked. Read from the bytes in place (every published text field of
    /// every record is asked, twice).
    public static func mayHoldPersonalData(_ text: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            // 11 digits in a row fill at least one aligned 4-byte word: a text without a word of four
            // digits (most are) is answered four bytes at a time.
            let words = bytes.count / 4
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                var any = false
                for k in 0..<words {
                    let w = raw.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self)
                    // Every byte 0x30–0x39: high nibble 3, and adding 6 to the low nibble carries nowhere.
                    if w & 0xF0F0_F0F0 == 0x3030_3030 && ((w & 0x0F0F_0F0F) &+ 0x0606_0606) & 0x1010_1010 == 0 {
                        any = true
                        break
                    }
                }
                if !any { return false }
            }
            var run = 0
            for b in bytes {
                if b &- 48 < 10 {
                    run += 1
                    if run >= 11 { return true }
                } else {
                    run = 0
                }
            }
            return false
        }
        if let answer = text.utf8.withContiguousStorageIfAvailable(scan) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// Masks personal data in free text: valid 18-digit ID numbers, bank card numbers (Luhn), 15-digit
    /// ID numbers with a valid birth date, and mobile numbers (`1[3-9]` + 9 digits). Each must be a
    /// whole run of digits (an 18-digit ID may end in X and must not run into a letter). Landline
    /// numbers are left alone: in decisions they are offices' published numbers.
    /// Returns the text and whether anything was masked.
    public static func scrub(_ text: String) -> (text: String, found: Bool) {
        // Fast path: every pattern is a run of at least 11 ASCII digits (a date or an amount is shorter).
        if !mayHoldPersonalData(text) { return (text, false) }

        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var found = false
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && (48...57).contains(scalars[i].value) }
        func isAlnum(_ i: Int) -> Bool {
            guard i >= 0 && i < scalars.count else { return false }
            let v = scalars[i].value
            return (48...57).contains(v) || (65...90).contains(v) || (97...122).contains(v)
        }
        var i = 0
        while i < scalars.count {
            guard isDigit(i) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            var j = i
            while isDigit(j) { j += 1 }
            let run = String(String.UnicodeScalarView(scalars[i..<j]))
            let digits = scalars[i..<j].map { $0.value - 48 }
            var masked: String?
            if j - i == 17, j < scalars.count, scalars[j] == "X" || scalars[j] == "x", !isAlnum(j + 1) {
                let candidate = run + String(scalars[j])
                if ResidentIDNumber.isValid(candidate) {
                    masked = maskIDNumber(candidate)
                    j += 1
                }
            } else if j - i == 18, !isAlnum(j), ResidentIDNumber.isValid(run) {
                masked = maskIDNumber(run)
            }
            if masked == nil {
                if isCardNumber(digits) {
                    masked = maskCardNumber(run)
                } else if isOldIDNumber(digits) {
                    masked = maskOldIDNumber(run)
                } else if digits.count == 11, digits[0] == 1, (3...9).contains(digits[1]) {
                    masked = maskMobile(run)
                }
            }
            if let m = masked {
                out.append(contentsOf: m.unicodeScalars)
                found = true
            } else {
                out.append(contentsOf: run.unicodeScalars)
            }
            i = j
        }
        return found ? (String(out), true) : (text, false)
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
