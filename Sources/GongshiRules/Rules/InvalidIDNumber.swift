import GongshiModel

/// `invalid-id-number`: a natural person's 身份证 number fails GB 11643-1999.
public enum InvalidIDNumber: RecordRule {
    public static let info = RuleInfo(
        id: "invalid-id-number", title: "身份证号码无效", severity: .warning, withholds: "—",
        summary:
            "自然人的证件类型为身份证（01，或为空）时，证件号码应为18位、出生日期有效、校验码正确（GB 11643-1999），或为出生日期有效的15位旧号码。名单的「身份证号码/组织机构代码」列中出生日期有效、仅校验码错误的18位号码按自然人的身份证号码处理（报告此项），不当作单位代码。证件号码从不公开",
        example: "证件号码 370306199001011235，校验码应为 4",
        basis: "GB 11643-1999《公民身份号码》")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        // An empty 证件类型 of a natural person means 身份证 (SPEC §8.2).
        let type = r[.idType]
        guard r.isNaturalPerson, type.isEmpty || IDDocumentType(parsing: type) == .residentID else { return .none }
        // A court list's mixed column with a mistyped ID number (its row is a person's all the same).
        if !r.identity.idProblem.isEmpty {
            let column = Field.idOrOrganizationCode.name
            return Decision(findings: [finding(r, "「\(column)」中自然人的身份证号码无效：\(r.identity.idProblem)（号码本身不会公开）")])
        }
        let number = r[.idNumber]
        // A 15-digit ID number of the 1984 standard is a person's valid old number.
        guard !number.isEmpty, !ResidentIDNumber.isOld(number), let problem = ResidentIDNumber.problem(number) else {
            return .none
        }
        return Decision(findings: [finding(r, "自然人的身份证号码无效：\(problem)（号码本身不会公开）")])
    }
}
