import GongshiModel

/// `missing-calendar`: a year the rules count working days in has no calendar file. Publication never
/// depends on working days, so the records are published and only their timeliness goes unjudged.
public enum MissingCalendar: SiteRule {
    public static let info = RuleInfo(
        id: "missing-calendar", title: "缺少节假日安排", severity: .error, withholds: "—（记录照常公示，只是不评价其公示时效）",
        summary:
            "计算工作日所需的年份没有 Content/calendar/YYYY.yml，或该文件有错误未能使用（其错误另报为 bad-file）。在该文件第0行报告，每个缺少的年份一次，并说明有多少条记录无法判断。不会猜测节假日：这些记录照常公示，其是否按时公示既不算逾期也不算按时；构建日期所在年份缺少时，首页的“最新公示”按周一至周五计算。请按国务院办公厅当年的放假通知添加或改正该文件",
        example: "构建日期 2026-12-31，2026-12-28 作出的处罚最迟公示日期在 2027 年，而没有 Content/calendar/2027.yml",
        basis: "《中华人民共和国行政处罚法》第八十五条、《全国年节及纪念日放假办法》（工作日不含法定节假日，以国务院办公厅放假通知为准）")

    /// One finding per missing year, with the number of records it left unjudged.
    static func decide(_ site: SiteFacts) -> [Finding] {
        site.missingYears.keys.sorted().map { year in
            let count = site.missingYears[year] ?? 0
            let file = MissingCalendarYear(year: year).file
            // A file present but broken has its own bad-file error at the faulty line; this one says
            // what that costs and asks to correct the file, not to add one beside it.
            let (what, todo) =
                site.calendar.unreadableYears.contains(year)
                ? ("\(file) 有错误未能使用，没有可用的 \(year) 年节假日安排", "改正该文件（错误所在的行见该文件的 bad-file 错误）")
                : ("缺少 \(year) 年的节假日安排", "添加 \(file)")
            return Finding(
                rule: info.id, severity: info.severity, file: file, line: 0,
                message: what + "，\(count) 条记录的公示时效无法判断（照常公示，不计逾期或按时）"
                    + (count > 0 ? "" : "；该年的工作日无法计算（逾期的工作日数不计，首页的“最新公示”按周一至周五计算）")
                    + "：请按国务院办公厅 \(year) 年的放假通知\(todo)"
            )
        }
    }
}
