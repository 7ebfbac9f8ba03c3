import GongshiModel

/// `calendar-ending`: the build date is within 30 days of the end of the last calendar year present.
public enum CalendarEnding: SiteRule {
    public static let info = RuleInfo(
        id: "calendar-ending", title: "节假日安排即将用完", severity: .warning, withholds: "—",
        summary: "构建日期已到最后一个节假日安排年份结束前30天（含）以后：请在国务院办公厅发布下一年放假通知后添加 Content/calendar/YYYY.yml，否则跨年的公示时效将无法判断",
        example: "只有到 2026.yml 的节假日安排，构建日期 2026-12-01",
        basis: "本站规则（提前准备下一年的节假日安排）")

    static let daysAhead = 30

    static func decide(_ site: SiteFacts) -> [Finding] {
        guard let last = site.calendar.years.max(), let end = LocalDate(year: last, month: 12, day: 31) else {
            return []
        }
        guard site.date >= end.adding(days: -daysAhead) else { return [] }
        let next = last + 1
        let file = MissingCalendarYear(year: next).file
        // Next year's file may be there with an error (its bad-file finding says where): then it is to
        // be corrected, not added.
        let todo =
            site.calendar.unreadableYears.contains(next)
            ? "\(file) 有错误未能使用，请改正" : "国务院办公厅发布 \(next) 年放假通知后，请添加 \(file)"
        return [
            Finding(
                rule: info.id, severity: info.severity, file: file, line: 0,
                message: "节假日安排只到 \(last) 年（\(end) 结束）：\(todo)")
        ]
    }
}
