import GongshiModel

/// `unknown-department`: the authority is not in departments.csv.
public enum UnknownDepartment: RecordRule {
    public static let info = RuleInfo(
        id: "unknown-department", severity: .error, withholds: "该记录",
        summary: "许可机关、处罚机关或认定部门在 departments.csv 中找不到（按名称，或按机关统一社会信用代码）",
        example: "「处罚机关」写作「周村区市场监督管理局」，部门名录中是「区市场监管局」",
        basis: "本站规则（每条信息须由登记的部门公示）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard r.department == nil, !r.authority.isEmpty else { return .none }
        let field = RecordContext.authorityField(r.kind)
        return Decision(withholding: finding(r, "「\(field)」「\(r.authority)」不在部门名录 departments.csv 中，该记录不予公示"))
    }
}
