import GongshiModel

/// `late-disclosure`: first published after the deadline (7 working days after the decision).
public enum LateDisclosure: Rule {
    public static let info = RuleInfo(
        id: "late-disclosure", severity: .error, withholds: "—（仍然公示）",
        summary: "行政许可、行政处罚的首次公示（台账中的「公示」，或本次构建日期）晚于决定日期后第 deadlineWorkdays（默认7）个工作日（决定当日不计）。评价的是部门，不影响公示",
        example: "2026-11-20（周五）作出的处罚，截止日为 2026-12-01（周二），2026-12-02 才首次公示")

    /// `lateWorkdays`: working days from the deadline to the publication (0 on a rest day right after it).
    static func check(_ r: RecordContext, deadline: LocalDate, published: LocalDate, lateWorkdays days: Int) -> [Finding] {
        guard published > deadline else { return [] }
        let late = days > 0 ? "逾期 \(days) 个工作日" : "在截止日后的休息日公示"
        return [finding(r, "首次公示于 \(published)，公示截止日为 \(deadline)，\(late)（仍然公示）")]
    }
}
