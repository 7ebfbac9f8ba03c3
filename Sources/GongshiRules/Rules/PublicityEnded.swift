import GongshiModel

/// `publicity-ended`: the record's time on the site is over.
public enum PublicityEnded: Rule {
    public static let info = RuleInfo(
        id: "publicity-ended", severity: .info, withholds: "该记录",
        summary: "公示期已满：处罚超过公示截止期（或决定日期加失信严重程度对应的月数；0个月即不公示），许可超过有效期至，已信用修复（自状态日期起），名单已移出或超过有效期至",
        example: "2025-03-10 作出的一般失信处罚，公示12个月，2026-03-10 为最后一天")

    static func check(_ r: RecordContext, _ reason: String) -> [Finding] {
        [finding(r, reason)]
    }
}
