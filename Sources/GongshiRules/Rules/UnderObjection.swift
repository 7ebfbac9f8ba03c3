import GongshiModel

/// `under-objection`: 异议 — marked 异议处理中, or (black list) suspended while verified.
public enum UnderObjection: Rule {
    public static let info = RuleInfo(
        id: "under-objection", severity: .info, withholds: "仅黑名单条目",
        summary: "当前状态为异议：行政许可、行政处罚和红名单照常公示并标注「异议处理中」；黑名单条目在核实期间暂不公示（联合惩戒措施在信息核实期间暂不执行）",
        example: "黑名单条目当前状态「异议」")

    static func check(_ r: RecordContext, suspended: Bool) -> [Finding] {
        [finding(r, suspended ? "异议处理中：黑名单条目在核实期间暂不公示" : "异议处理中：照常公示，并标注「异议处理中」")]
    }
}
