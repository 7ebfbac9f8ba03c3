/// Masking of personal data: names of natural persons, ID numbers and mobile numbers in free text.
public enum PersonalData {
    /// 张三明 → 张*明, 张三 → 张*, 欧阳娜娜 → 欧**娜: keeps the first and (for 3+ characters) last character.
    public static func maskName(_ name: String) -> String {
        let chars = Array(name.trimmingWhitespace())
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
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

    /// Masks every valid 18-digit ID number, then every mobile number (`1[3-9]` + 9 digits not inside a
    /// longer run of digits) in `text`. Returns the text and whether anything was masked.
    public static func scrub(_ text: String) -> (text: String, found: Bool) {
        // Fast path: fewer than 11 ASCII digits cannot hold either pattern.
        var digitCount = 0
        for b in text.utf8 where b >= 48 && b <= 57 { digitCount += 1 }
        if digitCount < 11 { return (text, false) }

        var scalars = Array(text.unicodeScalars)
        var found = false
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && (48...57).contains(scalars[i].value) }
        func isAlnum(_ i: Int) -> Bool {
            guard i >= 0 && i < scalars.count else { return false }
            let v = scalars[i].value
            return (48...57).contains(v) || (65...90).contains(v) || (97...122).contains(v)
        }
        // ID numbers: 17 digits + digit/X, not preceded by a digit, not followed by a letter or digit.
        var i = 0
        while i + 18 <= scalars.count {
            if !isDigit(i - 1), (0..<17).allSatisfy({ isDigit(i + $0) }) {
                let last = scalars[i + 17]
                let lastOK = isDigit(i + 17) || last == "X" || last == "x"
                if lastOK, !isAlnum(i + 18) {
                    let candidate = String(String.UnicodeScalarView(scalars[i..<(i + 18)]))
                    if ResidentIDNumber.isValid(candidate) {
                        let masked = maskIDNumber(candidate)
                        scalars.replaceSubrange(i..<(i + 18), with: masked.unicodeScalars)
                        found = true
                        i += 18
                        continue
                    }
                }
            }
            i += 1
        }
        // Mobile numbers: exactly 11 digits in a run, starting 1[3-9].
        i = 0
        while i + 11 <= scalars.count {
            if !isDigit(i - 1), scalars[i] == "1", (51...57).contains(scalars[i + 1].value),
               (2..<11).allSatisfy({ isDigit(i + $0) }), !isDigit(i + 11) {
                let candidate = String(String.UnicodeScalarView(scalars[i..<(i + 11)]))
                scalars.replaceSubrange(i..<(i + 11), with: maskMobile(candidate).unicodeScalars)
                found = true
                i += 11
                continue
            }
            i += 1
        }
        return found ? (String(String.UnicodeScalarView(scalars)), true) : (text, false)
    }
}

extension StringProtocol {
    /// Trims spaces, tabs, line breaks and the ideographic space U+3000 that Excel exports carry.
    public func trimmingWhitespace() -> String {
        let s = self.drop(while: { $0.isWhitespace })
        var end = s.endIndex
        while end > s.startIndex {
            let before = s.index(before: end)
            if s[before].isWhitespace { end = before } else { break }
        }
        return String(s[s.startIndex..<end])
    }
}
