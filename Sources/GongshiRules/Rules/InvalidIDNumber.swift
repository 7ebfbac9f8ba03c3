import GongshiModel

/// `invalid-id-number`: a natural person's 身份证 number fails GB 11643-1999.
public enum InvalidIDNumber: Rule {
    public static let info = RuleInfo(
        id: "invalid-id-number", severity: .warning, withholds: "—",
        summary: "自然人的证件类型为身份证（或为空）时，证件号码应为18位、出生日期有效、校验码正确（GB 11643-1999）。证件号码从不公开",
        example: "证件号码 370306199001011235，校验码应为 4")

    static let idTypes: Set<String> = ["", "身份证", "居民身份证", "01", "1"]

    static func check(_ r: RecordContext) -> [Finding] {
        guard r.isNaturalPerson, idTypes.contains(r["证件类型"]) else { return [] }
        let number = r["证件号码"]
        guard !number.isEmpty, let problem = ResidentIDNumber.problem(number) else { return [] }
        return [finding(r, "自然人的身份证号码无效：\(problem)（号码本身不会公开）")]
    }
}
