import GongshiModel

/// `missing-calendar`: a year the rules count working days in has no calendar file. Fatal.
public enum MissingCalendar: Rule {
    public static let info = RuleInfo(
        id: "missing-calendar", severity: .fatal, withholds: "整个构建",
        summary: "计算工作日所需的年份没有 Content/calendar/YYYY.yml。不会猜测节假日：请按国务院办公厅当年的放假通知添加",
        example: "构建日期 2027-01-05 而没有 Content/calendar/2027.yml")
}
