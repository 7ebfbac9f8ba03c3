import GongshiModel

/// `due-soon`: not yet published and the deadline is today or within the next 2 working days.
public enum DueSoon: RecordRule {
    public static let info = RuleInfo(
        id: "due-soon", title: "公示期限将到", severity: .warning, withholds: "—",
        summary: "台账中尚无「公示」，而最迟公示日期是构建日期当天或其后2个工作日之内",
        example: "构建日期 2026-11-25，2026-11-17 作出的许可尚未公示，截止日 2026-11-26",
        basis: "本站规则（提醒部门在7个工作日的期限内公示）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic, r.kind != .mingdan, r.ledger?.firstPublished == nil, let decided = r.primaryDate,
            !LateDisclosure.publishedBeforeAdoption(r, decided: decided, env: env)
        else { return .none }
        do {
            let deadline = try env.calendar.addingWorkdays(env.settings.deadlineWorkdays, to: decided)
            guard deadline >= env.date, deadline <= (try env.calendar.addingWorkdays(2, to: env.date)) else {
                return .none
            }
            return Decision(findings: [
                finding(r, "尚未公示，最迟公示日期为 \(deadline)\(deadline == env.date ? "（今天）" : "")，请及时公示")
            ])
        } catch {
            var d = Decision()
            d.missingYear = error.year
            return d
        }
    }
}
