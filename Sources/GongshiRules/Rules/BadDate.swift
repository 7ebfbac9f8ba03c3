import GongshiModel

/// `bad-date`: a date field that is not a real calendar date.
public enum BadDate: Rule {
    public static let info = RuleInfo(
        id: "bad-date", severity: .error, withholds: "该记录",
        summary: "日期不是真实存在的日历日期。可接受 YYYY-MM-DD、YYYY/MM/DD、YYYY年M月D日，月日可不补零，可带时间（忽略）",
        example: "「许可决定日期」写成 2026-02-30 或 2026.11.20")

    static func check(_ r: RecordContext) -> [Finding] {
        var bad: [String] = []
        for (i, f) in r.schema.fields.enumerated() where f.role == .date || f.name == "状态日期" || f.name == "移出日期" {
            if !r.source.values[i].isEmpty && r.dates[i] == nil { bad.append("「\(f.name)」为「\(r.source.values[i])」") }
        }
        guard !bad.isEmpty else { return [] }
        return [finding(r, "日期无效：\(bad.joined(separator: "，"))（应为 YYYY-MM-DD 等格式的真实日期），该记录不予公示")]
    }
}
