import GongshiModel

/// `revoked`: the decision was revoked; its page becomes a withdrawal notice with the reason.
public enum Revoked: Rule {
    public static let info = RuleInfo(
        id: "revoked", severity: .info, withholds: "除撤回说明外的一切",
        summary: "当前状态为撤销（自状态日期起）：记录页改为撤回说明并公开状态说明（行政处罚法第四十八条），在订阅中出现一次，不再出现在列表、主体页、搜索和开放数据中",
        example: "当前状态「撤销」，状态说明「经行政复议撤销原处罚决定」")

    static func check(_ r: RecordContext, statusDate: LocalDate?) -> [Finding] {
        let when = statusDate.map { "自 \($0) 起" } ?? ""
        let reason = r["状态说明"].isEmpty ? "（未填写状态说明，请补充撤销理由）" : "：\(r["状态说明"])"
        return [finding(r, "决定已撤销\(when)，页面改为撤回说明\(reason)")]
    }
}
