import GongshiModel

/// `objection-overdue`: an objection not settled within 7 working days of its 状态日期.
public enum ObjectionOverdue: RecordRule {
    public static let info = RuleInfo(
        id: "objection-overdue", title: "异议逾期未办结", severity: .warning, withholds: "—",
        summary: "当前状态为异议，而状态日期（收到异议之日）距构建日期已超过7个工作日：应在7个工作日内核查并处理异议",
        example: "2026-11-02 提出异议，构建日期 2026-11-25 仍为「异议」",
        basis: "《山东省社会信用条例》第三十九条（七个工作日内核查处理异议）")

    static let workdays = 7

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic, let since = r.statusDate else { return .none }
        let objection =
            r.kind == .mingdan ? r.listStatus(on: env.date) == .objection : r.recordStatus(on: env.date) == .objection
        guard objection else { return .none }
        do {
            // Overdue from the 8th working day after the objection (more than 7 between it and the build
            // date): found from the objection's side, so a build date in a year without a calendar still
            // judges an objection whose days are all known.
            let due = try env.calendar.addingWorkdays(workdays, to: since)
            guard try env.date >= env.calendar.addingWorkdays(1, to: due) else { return .none }
            let elapsed = try? env.calendar.workdays(after: since, through: env.date)
            let days = elapsed.map { "已过 \($0) 个工作日" } ?? "已过 \(workdays) 个工作日以上"
            return Decision(findings: [finding(r, "\(since) 提出异议，\(days)（最迟应于 \(due) 核查处理），至今仍为异议：请及时处理")])
        } catch {
            var d = Decision()
            d.missingYear = error.year
            return d
        }
    }
}
