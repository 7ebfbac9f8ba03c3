import GongshiModel

/// `late-withdrawal`: a withdrawn record still shown more than `withdrawWorkdays` after its 状态日期.
public enum LateWithdrawal: RecordRule {
    public static let info = RuleInfo(
        id: "late-withdrawal", title: "逾期撤回", severity: .error, withholds: "—",
        summary:
            "已撤销、变更、确认违法或确认无效的记录，撤回日期（台账中的「撤回」，没有则为构建日期）晚于状态日期后第 withdrawWorkdays（默认3）个工作日；撤回期限早于本站启用日期（adoptedOn）的，由原系统负责，不评价；本站从未公示过（台账中没有「公示」，启用前也未由原系统公示）的，没有可撤回的信息，不评价（照常发布撤回说明）",
        example: "2026-11-16 撤销，2026-11-19 为撤回截止日，2026-11-25 才撤回",
        basis: "《中华人民共和国行政处罚法》第四十八条（三日内撤回）、第八十五条（工作日）；《山东省社会信用条例》第四十条")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard let action = so.withdrawal, let statusDate = r.statusDate else { return .none }
        let state = r.ledger
        // Never shown on this site (nor, before it took over, by the previous system): revoked before it
        // was published, there is nothing to withdraw, however late the build. Its notice says so.
        let shown = state?.firstPublished != nil
        if !shown, let decided = r.primaryDate, !LateDisclosure.publishedBeforeAdoption(r, decided: decided, env: env) {
            return .none
        }
        // Never shown, and no notice to put up (its publicity is over, or it is never shown): there is
        // nothing to withdraw, however late the build.
        if Publisher.shownPeriod(r, env) == nil && state?.isShown != true && state?.lastEvent != .withdrawn {
            return .none
        }
        let recorded = state?.lastEvent == .withdrawn ? state?.lastWithdrawn : nil
        let withdrawn = recorded ?? env.date
        do {
            let due = try env.calendar.addingWorkdays(env.settings.withdrawWorkdays, to: statusDate)
            guard withdrawn > due else { return .none }
            // Due before this site took over (SPEC §8.3): the withdrawal was the previous system's to make.
            if let adopted = env.settings.adoptedOn, due < adopted { return .none }
            let late = try env.calendar.workdays(after: due, through: withdrawn)
            let days = late == 0 ? "在撤回期限后的休息日撤回" : "逾期 \(late) 个工作日"
            // Not withdrawn yet (a check before the build): this build withdraws it, today.
            let when = recorded == nil ? "尚未撤回，今天（\(withdrawn)）撤回时\(days)" : "实际撤回于 \(withdrawn)，\(days)"
            return Decision(findings: [finding(r, "\(statusDate) \(action.rawValue)，最迟应于 \(due) 撤回；\(when)")])
        } catch {
            var d = Decision()
            d.missingYear = error.year
            return d
        }
    }
}
