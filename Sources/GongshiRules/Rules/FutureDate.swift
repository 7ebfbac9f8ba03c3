import GongshiModel

/// `future-date`: decided or listed after the build date.
public enum FutureDate: RecordRule {
    public static let info = RuleInfo(
        id: "future-date", title: "日期晚于构建日期", severity: .error, withholds: "该记录",
        summary: "决定日期或列入日期晚于构建日期（--date），多为录入错误",
        example: "构建日期 2026-11-25，「处罚决定日期」为 2026-12-05",
        basis: "本站规则（尚未作出的决定不能公示）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard let d = r.primaryDate, d > env.date else { return .none }
        return Decision(
            withholding: finding(r, "「\(r.kind.primaryDateField.name)」\(d) 晚于构建日期 \(env.date)，该记录不予公示"))
    }
}
