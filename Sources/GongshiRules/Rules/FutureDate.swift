import GongshiModel

/// `future-date`: decided or listed after the build date.
public enum FutureDate: Rule {
    public static let info = RuleInfo(
        id: "future-date", severity: .error, withholds: "该记录",
        summary: "决定日期或列入日期晚于构建日期（--date），多为录入错误",
        example: "构建日期 2026-11-25，「处罚决定日期」为 2026-12-05")

    static func check(_ r: RecordContext, date: LocalDate) -> [Finding] {
        guard let d = r.primaryDate, d > date else { return [] }
        return [finding(r, "「\(RecordContext.primaryDateField(r.kind))」\(d) 晚于构建日期 \(date)，该记录不予公示")]
    }
}
