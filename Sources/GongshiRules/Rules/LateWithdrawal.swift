import GongshiModel

/// `late-withdrawal`: a revoked record still shown more than `withdrawWorkdays` after its 状态日期.
public enum LateWithdrawal: Rule {
    public static let info = RuleInfo(
        id: "late-withdrawal", severity: .error, withholds: "—",
        summary: "已撤销的记录，撤回日期（台账中的「撤回」，没有则为构建日期）晚于状态日期后第 withdrawWorkdays（默认3）个工作日",
        example: "2026-11-16 撤销，2026-11-19 为撤回截止日，2026-11-25 才撤回")

    static func check(_ r: RecordContext, statusDate: LocalDate, withdrawn: LocalDate, workdays: Int, calendar: WorkdayCalendar) throws(MissingCalendarYear) -> [Finding] {
        let due = try calendar.addingWorkdays(workdays, to: statusDate)
        guard withdrawn > due else { return [] }
        return [finding(r, "\(statusDate) 撤销，最迟应于 \(due) 撤回，实际撤回于 \(withdrawn)")]
    }
}
