import GongshiModel

/// `under-objection`: 异议 — marked 异议处理中, or (black list) suspended while verified.
public enum UnderObjection: RecordRule {
    public static let info = RuleInfo(
        id: "under-objection", title: "异议处理中", severity: .info, withholds: "仅黑名单条目",
        summary: "当前状态为异议：行政许可、行政处罚和红名单照常公示并标注「异议处理中」；黑名单条目在核实期间暂不公示（联合惩戒措施在信息核实期间暂不执行）",
        example: "黑名单条目当前状态「异议」",
        basis: "周政发〔2017〕72号（联合惩戒措施在信息核实期间暂不执行）；《山东省社会信用条例》第三十九条")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic else { return .none }
        if r.kind == .mingdan {
            guard r.listStatus(on: env.date) == .objection else { return .none }
            if r.isRedList { return Decision(findings: [finding(r, "异议处理中：照常公示，并标注「异议处理中」")]) }
            return Decision(withholding: finding(r, "异议处理中：黑名单条目在核实期间暂不公示"))
        }
        guard r.recordStatus(on: env.date) == .objection else { return .none }
        return Decision(findings: [finding(r, "异议处理中：照常公示，并标注「异议处理中」")])
    }
}
