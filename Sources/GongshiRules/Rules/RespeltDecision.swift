import GongshiModel

/// `respelt-decision`: a published decision its department now spells otherwise (its authority by
/// another of its names, its 文书号 with other brackets). It stays the one decision (``Respellings``):
/// the department is told, so that its exports keep one spelling.
public enum RespeltDecision: RecordRule {
    public static let info = RuleInfo(
        id: "respelt-decision", title: "已公示的决定换了写法", severity: .info, withholds: "—",
        summary:
            "台账中已有的行政许可或行政处罚，本次的机关名称换成了该部门的另一个名称（departments.csv 的别名），或文书号换了括号（〔〕、[]、（）、【】），而台账中没有正在公示的新写法：按同一决定处理，沿用原记录键、首次公示日期和页面链接，页面改为新的写法并记为更新。请今后保持同一写法",
        example: "已公示为「周市监罚〔2026〕12号」，本次导出写作「周市监罚[2026]12号」",
        basis: "SPEC §1.9（台账证明首次公示的日期）、§5.1 与 §7（链接和订阅条目标识不变）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        // Run last: said only of a row published under the kept key (a withheld copy changes no page).
        guard so.isPublic, let kept = r.keptKey, let (authority, document) = RecordContext.keyParts(kept) else {
            return .none
        }
        var said: [String] = []
        if r.authority != authority { said.append("机关原写作「\(authority)」，本次写作「\(r.authority)」") }
        let number = r[r.kind.documentField]
        if number != document { said.append("文书号原写作「\(document)」，本次写作「\(number)」") }
        return Decision(findings: [
            finding(r, "与已公示的记录是同一决定（\(said.joined(separator: "；"))）：沿用原来的记录键、首次公示日期和页面链接，页面改为本次的写法。请今后保持同一写法")
        ])
    }
}
