import GongshiModel

/// `invalid-id-number`: a natural person's 身份证 number fails GB 11643-1999.
public enum InvalidIDNumber: RecordRule {
    public static let info = RuleInfo(
        id: "invalid-id-number", title: "身份证号码无效", severity: .warning, withholds: "—",
        summary: "自然人的证件类型为身份证（01，或为空）时，证件号码应为18位、出生日期有效、校验码正确（GB 11643-1999）。证件号码从不公开",
        example: "证件号码 370306199001011235，校验码应为 4",
        basis: "GB 11643-1999《公民身份号码》")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        // An empty 证件类型 of a natural person means 身份证 (SPEC §8.2).
        let type = r[.idType]
        guard r.isNaturalPerson, type.isEmpty || IDDocumentType(parsing: type) == .residentID else { return .none }
        let number = r[.idNumber]
        guard !number.isEmpty, let problem = ResidentIDNumber.problem(number) else { return .none }
        return Decision(findings: [finding(r, "自然人的身份证号码无效：\(problem)（号码本身不会公开）")])
    }
}
