import GongshiModel

/// `unknown-department`: the authority is not in departments.csv.
public enum UnknownDepartment: RecordRule {
    public static let info = RuleInfo(
        id: "unknown-department", title: "未知的部门", severity: .error, withholds: "该记录",
        summary: "许可机关、处罚机关或认定部门在 departments.csv 中找不到（按名称，或按机关统一社会信用代码）",
        example: "「处罚机关」写作「周村区市场监督管理局」，部门名录中是「区市场监管局」",
        basis: "本站规则（每条信息须由登记的部门公示）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard r.department == nil, !r.authority.isEmpty else { return .none }
        let field = r.kind.authorityField.name
        var message = "「\(field)」「\(r.authority)」不在部门名录 departments.csv 中，该记录不予公示"
        if let near = env.departments.closest(to: r.authority) {
            message += "。最接近的部门：\(near.name)（\(near.code)）；如是同一部门，请在 departments.csv 该部门的「别名」列中加上「\(r.authority)」"
        } else {
            message += "。请核对名称，或在 departments.csv 中登记该部门（或在相应部门的「别名」列中加上这个名称）"
        }
        return Decision(withholding: finding(r, message))
    }
}
