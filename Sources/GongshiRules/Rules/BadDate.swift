import GongshiModel

/// `bad-date`: a required date, 状态日期 or 移出日期 that is not a real calendar date. Optional dates
/// (有效期自/至, 处罚有效期, 公示截止期) are `bad-value` warnings instead.
public enum BadDate: RecordRule {
    public static let info = RuleInfo(
        id: "bad-date", title: "日期无效", severity: .error, withholds: "该记录",
        summary:
            "决定日期、列入日期、状态日期或移出日期不是真实存在的日历日期。可接受 YYYY-MM-DD、YYYY/MM/DD、YYYY年M月D日，月日可不补零，可带时间（忽略）。可选的有效期、公示截止期写错时报告 bad-value（警告），不影响公示",
        example: "「许可决定日期」写成 2026-02-30",
        basis: "本站规则（无效数据不公示）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        var bad: [String] = []
        for i in r.dateFields.checked where !r.source.values[i].isEmpty && r.dates[i] == nil {
            let v = r.source.values[i]
            bad.append("「\(r.schema.fields[i].name)」为「\(v)」\(serialHint(v))")
        }
        guard !bad.isEmpty else { return .none }
        return Decision(withholding: finding(r, "日期无效：\(bad.joined(separator: "，"))（应为 YYYY-MM-DD 等格式的真实日期），该记录不予公示"))
    }

    /// For a whole number an Excel date serial would be (1990–2100) and that was saved as text: the day it
    /// stands for and how to keep it a date. Empty otherwise.
    static func serialHint(_ v: String) -> String {
        // A time of day is the fraction (46331.5 is noon).
        let day = v.split(separator: ".", maxSplits: 1).first.map(String.init) ?? v
        guard day.count == 5, let n = Int(day), v == day || Double(v) != nil, (32_874...73_050).contains(n),
            let date = LocalDate(excelSerial: n)
        else { return "" }
        return "（像是 Excel 的日期序号，即 \(date)：请把该列设为「日期」格式，或直接填写 \(date)）"
    }
}
