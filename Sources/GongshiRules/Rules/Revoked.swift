import GongshiModel

/// `revoked`: the decision was 撤销, 变更, 确认违法 or 确认无效; its page becomes a withdrawal notice
/// naming which, with the reason.
public enum Revoked: RecordRule {
    public static let info = RuleInfo(
        id: "revoked", title: "已撤销（撤回说明）", severity: .info, withholds: "除撤回说明外的一切",
        summary:
            "当前状态为撤销、变更、确认违法或确认无效（自状态日期起）：在原本的公示期内，记录页改为撤回说明，写明决定被如何处理并公开状态说明，在订阅中出现一次；不再出现在列表、主体页、搜索和开放数据中。不在公示期内的（已过，或如轻微处罚依规不公示）不显示撤回说明",
        example: "当前状态「确认无效」，状态说明「经行政诉讼判决确认原处罚决定无效」",
        basis: "《中华人民共和国行政处罚法》第四十八条（被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回并公开说明理由）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic, r.kind != .mingdan else { return .none }
        let status = r.recordStatus(on: env.date)
        guard status.isWithdrawal else { return .none }
        let when = r.statusDate.map { "已于 \($0) " } ?? "已"
        // Quoted as the notice shows it: an ID or telephone number in it masked (personal-data says so).
        let reason = r[.statusNote].isEmpty ? "（未填写状态说明，请补充理由）" : "：\(PersonalData.scrub(r[.statusNote]).text)"
        // A notice stands while the publicity the record would have had lasts; after it, nothing is shown.
        let page = Publisher.shownPeriod(r, env) == nil ? "不在公示期内（已过或依规不公示），不显示撤回说明" : "页面改为撤回说明"
        var d = Decision(withholding: finding(r, "决定\(when)被\(status.rawValue)，\(page)\(reason)"))
        d.withdrawal = status
        return d
    }
}
