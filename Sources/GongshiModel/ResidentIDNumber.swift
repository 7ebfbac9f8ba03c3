/// 居民身份证号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence, check character.
public enum ResidentIDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checks: [Character] = Array("10X98765432")

    /// Why the number is invalid, in Chinese; nil when valid.
    public static func problem(_ raw: String) -> String? {
        let id = Array(raw.uppercased())
        guard id.count == 18 else { return "长度应为18位，实为\(id.count)位" }
        var sum = 0
        for i in 0..<17 {
            guard let d = id[i].wholeNumberValue, id[i].isASCII else { return "前17位应为数字" }
            sum += d * weights[i]
        }
        guard id[17].isASCII, id[17].isNumber || id[17] == "X" else { return "第18位应为数字或X" }
        guard let y = Int(String(id[6..<10])), let m = Int(String(id[10..<12])), let d = Int(String(id[12..<14])),
            y >= 1900, LocalDate(year: y, month: m, day: d) != nil
        else { return "出生日期「\(String(id[6..<14]))」无效" }
        let expected = checks[sum % 11]
        guard expected == id[17] else { return "校验码应为「\(expected)」，实为「\(id[17])」" }
        return nil
    }

    public static func isValid(_ raw: String) -> Bool { problem(raw) == nil }

    /// An 18-character number that is a person's ID number with a wrong check character: 17 digits with
    /// a valid birth date, then a digit or X (a mistyped ID number is still a person's, never a code).
    public static func isMistyped(_ raw: String) -> Bool {
        let id = Array(raw.uppercased())
        guard id.count == 18, !isValid(raw), id[0..<17].allSatisfy({ $0.isASCII && $0.isNumber }),
            id[17].isASCII, id[17].isNumber || id[17] == "X"
        else { return false }
        return ResidentIDNumber.problem(raw)?.hasPrefix("校验码") == true
    }

    /// A 15-digit ID number of the 1984 standard (6-digit area, YYMMDD birth date, 3 digits).
    public static func isOld(_ raw: String) -> Bool {
        guard raw.count == 15, raw.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return PersonalData.isOldIDNumber(raw.unicodeScalars.map { $0.value - 48 })
    }

    /// A person's ID number: a valid 18-character one or a 15-digit old one.
    public static func isPersonal(_ raw: String) -> Bool { isValid(raw) || isOld(raw) }

    /// Whether a value of one of an entity's other code columns (税务登记号, 事业单位证书号,
    /// 社会组织登记证号) is a person's ID number, hyphens aside: a valid or mistyped 18-character one or
    /// an old 15-digit one, either alone or followed by two digits (a 个体工商户's 税务登记号 before 2015
    /// was its operator's ID number and a sequence). An organisation's 15-character 税务登记号 is an area
    /// code and its 组织机构代码, so for a row that is no person's (`person` false) an old ID number whose
    /// last nine characters are a valid 组织机构代码 is taken for that. A 统一社会信用代码 is none.
    public static func isHeldInCode(_ raw: String, person: Bool) -> Bool {
        let v = raw.uppercased().filter { $0 != "-" }
        guard v.utf8.count == v.count, !UnifiedSocialCreditCode.isValid(v) else { return false }
        func isID(_ id: Substring) -> Bool {
            switch id.count {
            case 18: return isValid(String(id)) || isMistyped(String(id))
            case 15: return isOld(String(id)) && (person || !OrganizationCode.isValid(String(id.suffix(9))))
            default: return false
            }
        }
        if isID(Substring(v)) { return true }
        guard [17, 20].contains(v.count), v.suffix(2).allSatisfy(\.isNumber) else { return false }
        return isID(v.dropLast(2))
    }
}
