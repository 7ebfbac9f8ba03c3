import GongshiModel

/// `publicity-too-long`: an explicit end beyond the legal maximum; the record is shown only up to it.
public enum PublicityTooLong: RecordRule {
    public static let info = RuleInfo(
        id: "publicity-too-long", title: "公示期超过上限", severity: .warning, withholds: "—（只公示到上限）",
        summary: "处罚的公示截止期晚于其失信严重程度的最长公示期（轻微3个月、一般12个月、严重36个月，自决定日期起），或黑名单的有效期至晚于列入日期后60个月：只公示到上限",
        example: "2026-01-10 作出的一般失信处罚，公示截止期 2028-01-09（上限 2027-01-10）",
        basis: "《信用修复管理办法》（国家发展改革委令第36号）公示期限；《山东省社会信用条例》第三十八条（披露期限最长不超过五年）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isValid, r.kind != .xzxk else { return .none }
        if r.kind == .mingdan && r.isRedList { return .none }
        let p = PublicityEnded.period(r, env)
        guard let wanted = p.cappedFrom, let end = p.end else { return .none }
        let field = (r.kind == .mingdan ? Field.validUntil : .publicityEnd).name
        let limit =
            r.kind == .mingdan
            ? "黑名单最长公示 \(PublicityEnded.absoluteMonths) 个月"
            : "\(r.severity.rawValue)失信信息最长公示 \(min(r.severity.allowedMonths.upperBound, PublicityEnded.absoluteMonths)) 个月"
        return Decision(findings: [finding(r, "「\(field)」\(wanted) 超过法定上限（\(limit)），只公示到 \(end)")])
    }
}
