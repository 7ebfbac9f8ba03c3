import GongshiModel

/// `invalid-uscc`: the entity's 统一社会信用代码 fails GB 32100-2015. Also reported for
/// departments.csv by the registry reader.
public enum InvalidUSCC: RecordRule {
    public static let info = RuleInfo(
        id: "invalid-uscc", title: "统一社会信用代码无效", severity: .error, withholds: "该记录",
        summary:
            "统一社会信用代码不符合 GB 32100-2015：字符集（不含 I、O、Z、S、V）、登记管理部门与机构类别、行政区划码、内含组织机构代码的校验位、第18位校验码。代码中的空格先去掉再校验。也检查 departments.csv",
        example: "91370306MA3C4LXX7Q —— 校验码错误",
        basis: "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        let code = r[.creditCode]
        guard !code.isEmpty else { return .none }
        if code == UnifiedSocialCreditCode.none {
            if r.category == .soleProprietor { return .none }
            return Decision(withholding: finding(r, "「\(code)」表示无代码，只适用于个体工商户，该记录不予公示"))
        }
        guard let problem = UnifiedSocialCreditCode.problem(code) else { return .none }
        return Decision(withholding: finding(r, "统一社会信用代码「\(code)」无效：\(problem)，该记录不予公示"))
    }
}
