import GongshiModel

/// `due-soon`: not yet published and the deadline is today or within the next 2 working days.
public enum DueSoon: Rule {
    public static let info = RuleInfo(
        id: "due-soon", severity: .warning, withholds: "—",
        summary: "台账中尚无「公示」，而公示截止日是构建日期当天或其后2个工作日之内",
        example: "构建日期 2026-11-25，2026-11-17 作出的许可尚未公示，截止日 2026-11-26")

    static func check(_ r: RecordContext, deadline: LocalDate, date: LocalDate, calendar: WorkdayCalendar) throws(MissingCalendarYear) -> [Finding] {
        guard deadline >= date, deadline <= (try calendar.addingWorkdays(2, to: date)) else { return [] }
        return [finding(r, "尚未公示，公示截止日为 \(deadline)\(deadline == date ? "（今天）" : "")，请及时公示")]
    }
}
