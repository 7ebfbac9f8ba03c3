/// `gongshi rules` and `Documentation/rules.md`: one entry per rule id, generated from the rules' own
/// ``RuleInfo``. In Chinese, as a webmaster reads it; the severities also by the English word that
/// `gongshi check --severity` takes.
public enum RulesReference {
    public static func markdown() -> String {
        var s = """
            # 检查规则一览

            由 `gongshi rules` 根据 `Sources/GongshiRules/Rules/` 生成，请勿手工修改（有测试核对本文件与代码一致）。
            级别：错误（error）使 `gongshi check` 以状态 1 退出（多数错误使该记录不予公示；时效和节假日安排的错误只评价部门，
            不影响公示）；警告（warning）和提示（info）不影响公示。每条规则都写明依据（法律法规及条款，或本站规则）。

            | 规则 | 名称 | 级别 | 不予公示 | 依据 |
            |---|---|---|---|---|

            """
        for r in allRules {
            s += "| [`\(r.id)`](#\(r.id)) | \(r.title) | \(level(r)) | \(r.withholds) | \(r.basis) |\n"
        }
        for r in allRules {
            s += "\n## \(r.id)\n\n"
            s += "- **名称：** \(r.title)\n"
            s += "- **级别：** \(level(r))\n"
            s += "- **不予公示：** \(r.withholds)\n"
            s += "- **适用情形：** \(r.summary)\n"
            s += "- **依据：** \(r.basis)\n"
            s += "- **触发示例：** \(r.example)\n"
        }
        return s
    }

    /// 错误（error）.
    static func level(_ r: RuleInfo) -> String { "\(r.severity.chinese)（\(r.severity.rawValue)）" }
}
