/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet.
///
/// Checks the alphabet, the registration-authority and category characters (including the later
/// `A`, `N` and `Y` authorities), the 6-digit area code, the embedded 组织机构代码 (GB 11714) check
/// character at position 17, and the final check character.
public enum UnifiedSocialCreditCode {
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let orgWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The placeholder a 个体工商户 without a code carries ("17 个 0 加 X").
    public static let none = "00000000000000000X"

    /// `v == none`, rejecting by length first: no other spelling of the placeholder exists (no scalar
    /// is canonically equivalent to a digit or X), and comparing a Chinese value with an ASCII one
    /// takes String's slow path (the rules ask of every required field of every row).
    public static func isNone(_ v: String) -> Bool { v.utf8.count == 18 && v == none }

    /// Why a code is invalid, in Chinese for the report; nil when it is valid.
    public static func problem(_ raw: String) -> String? {
        // Most codes are valid and plain ASCII: checked on their bytes; the rest are looked at closely.
        if isValidASCII(raw) { return nil }
        let code = Array(raw.uppercased())
        guard code.count == 18 else { return "长度应为18位，实为\(code.count)位" }
        var values: [Int] = []
        for (i, ch) in code.enumerated() {
            guard let v = alphabet.firstIndex(of: ch) else {
                return "第\(i + 1)位字符「\(ch)」不在代码字符集中（不使用I、O、Z、S、V）"
            }
            values.append(v)
        }
        let categories: [Character: String] = [
            "1": "1239", "2": "19", "3": "123459", "4": "19", "5": "1239", "6": "129",
            "7": "129", "8": "19", "9": "123", "A": "19", "N": "1239", "Y": "1",
        ]
        guard let allowed = categories[code[0]] else {
            return "第1位登记管理部门代码「\(code[0])」无效"
        }
        guard allowed.contains(code[1]) else {
            return "第2位机构类别代码「\(code[1])」与登记管理部门「\(code[0])」不符"
        }
        guard code[2..<8].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "第3—8位登记管理机关行政区划码应为数字"
        }
        if let expected = organizationCheckCharacter(code[8..<16]), expected != code[16] {
            return "内含的组织机构代码校验位应为「\(expected)」，实为「\(code[16])」"
        }
        let expected = checkCharacter(values[0..<17])
        guard expected == code[17] else {
            return "校验码应为「\(expected)」，实为「\(code[17])」"
        }
        return nil
    }

    public static func isValid(_ raw: String) -> Bool { problem(raw) == nil }

    /// The value of each ASCII byte in ``alphabet`` (-1 outside it), lower-case letters as upper-case.
    static let byteValues: [Int8] = (0..<128).map { b in
        let upper = (97...122).contains(b) ? b - 32 : b
        return Int8(alphabet.firstIndex(of: Character(Unicode.Scalar(UInt8(upper)))) ?? -1)
    }
    /// The second characters each first character allows, as bytes.
    static let allowedCategories: [UInt8: [UInt8]] = [
        "1": "1239", "2": "19", "3": "123459", "4": "19", "5": "1239", "6": "129",
        "7": "129", "8": "19", "9": "123", "A": "19", "N": "1239", "Y": "1",
    ].reduce(into: [:]) { $0[$1.key.utf8.first ?? 0] = Array($1.value.utf8) }

    /// The checks of ``problem(_:)`` on the bytes of an ASCII code, without building its message: true
    /// only when ``problem(_:)`` finds nothing (any doubt is left to it). Every row has a code or two.
    static func isValidASCII(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { u -> Bool in
            guard u.count == 18 else { return false }
            // Inline: every row's code is checked, and two arrays were two allocations each time.
            var values = InlineArray<18, Int>(repeating: 0)
            var code = InlineArray<18, UInt8>(repeating: 0)
            for i in 0..<18 {
                let b = u[i]
                guard b < 128, byteValues[Int(b)] >= 0 else { return false }
                values[i] = Int(byteValues[Int(b)])
                code[i] = (97...122).contains(b) ? b - 32 : b
            }
            guard let allowed = allowedCategories[code[0]], allowed.contains(code[1]) else { return false }
            for i in 2..<8 where !(48...57).contains(code[i]) { return false }
            var orgSum = 0
            for i in 0..<8 {
                // GB 11714 counts a letter from A = 10, the letters the alphabet leaves out included.
                let b = code[8 + i]
                orgSum += (b <= 57 ? Int(b) - 48 : Int(b) - 55) * orgWeights[i]
            }
            let orgCheck = 11 - orgSum % 11
            let expectedOrg: UInt8 = orgCheck == 10 ? 88 : orgCheck == 11 ? 48 : UInt8(48 + orgCheck)
            guard expectedOrg == code[16] else { return false }
            var sum = 0
            for i in 0..<17 { sum += values[i] * weights[i] }
            return code[17] == UInt8(ascii: alphabetASCII[(31 - sum % 31) % 31])
        }
    }
    static let alphabetASCII: [Unicode.Scalar] = alphabet.map { $0.unicodeScalars.first ?? "0" }

    /// The 18th character for the first 17 (given as alphabet values).
    static func checkCharacter(_ values: ArraySlice<Int>) -> Character {
        var sum = 0
        for (i, v) in values.enumerated() { sum += v * weights[i] }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The 组织机构代码 check character for its 8-character body; nil if the body has characters
    /// outside digits and letters (impossible after the alphabet check).
    static func organizationCheckCharacter(_ body: ArraySlice<Character>) -> Character? {
        var sum = 0
        for (i, ch) in body.enumerated() {
            let v: Int
            if let d = ch.wholeNumberValue, ch.isASCII {
                v = d
            } else if let a = ch.asciiValue, (65...90).contains(a) {
                v = Int(a) - 55
            } else {
                return nil
            }
            sum += v * orgWeights[i]
        }
        let c = 11 - sum % 11
        switch c {
        case 10: return "X"
        case 11: return "0"
        default: return Character(String(c))
        }
    }
}

extension UnifiedSocialCreditCode {
    /// Builds a valid code from its first 8 characters (authority, category, area) and the 8-character
    /// body of the 组织机构代码: adds both check characters. For sample data and tests.
    public static func make(prefix: String, organizationBody: String) -> String? {
        let body = Array(organizationBody.uppercased())
        guard prefix.count == 8, body.count == 8, let orgCheck = organizationCheckCharacter(body[...]) else {
            return nil
        }
        let first17 = Array(prefix.uppercased()) + body + [orgCheck]
        var values: [Int] = []
        for ch in first17 {
            guard let v = alphabet.firstIndex(of: ch) else { return nil }
            values.append(v)
        }
        return String(first17) + String(checkCharacter(values[...]))
    }
}
