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
    /// 社会组织登记证号) holds a person's ID number: a run of its digits (hyphens and spaces aside, words
    /// and brackets around it: 鲁税字370303198001011234号, 370303198001011234（01）) that is a valid or
    /// mistyped 18-character one or an old 15-digit one, either alone or followed by two digits (a
    /// 个体工商户's 税务登记号 before 2015 was its operator's ID number and a sequence); or such a number
    /// Excel showed in scientific notation (3.70303198001011E+17 keeps the birth date). An
    /// organisation's 15-character 税务登记号 is an area code and its 组织机构代码, so for a row that is
    /// no person's (`person` false) an old ID number whose last nine characters are a valid
    /// 组织机构代码 is taken for that. A 统一社会信用代码 is none.
    public static func isHeldInCode(_ raw: String, person: Bool) -> Bool {
        let v = raw.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        guard !v.isEmpty, !UnifiedSocialCreditCode.isValid(v) else { return false }
        func isID(_ id: Substring) -> Bool {
            switch id.count {
            case 18: return isValid(String(id)) || isMistyped(String(id))
            case 15: return isOld(String(id)) && (person || !OrganizationCode.isValid(String(id.suffix(9))))
            default: return false
            }
        }
        for run in digitRuns(ExcelNotation.isScientific(v) ? ExcelNotation.digits(v) : v) {
            if isID(run) { return true }
            if [17, 20].contains(run.count) && isID(run.dropLast(2)) { return true }
        }
        return false
    }

    /// The runs of ASCII digits in `v`, an X closing a run of 17 (an ID number's check character).
    static func digitRuns(_ v: String) -> [Substring] {
        var runs: [Substring] = []
        var start: String.Index?
        var i = v.startIndex
        while i < v.endIndex {
            let c = v[i]
            let next = v.index(after: i)
            if c.isASCII && c.isNumber {
                if start == nil { start = i }
            } else if let s = start {
                let closesID = c == "X" && v.distance(from: s, to: i) == 17
                runs.append(v[s..<(closesID ? next : i)])
                start = nil
            }
            i = next
        }
        if let s = start { runs.append(v[s...]) }
        return runs
    }
}
