import GongshiModel

/// `early-repair`: 信用修复 before the minimum publicity of the penalty's severity.
public enum EarlyRepair: RecordRule {
    public static let info = RuleInfo(
        id: "early-repair", title: "最短公示期内修复", severity: .warning, withholds: "—（仍自状态日期起停止公示）",
        summary: "行政处罚当前状态为修复，而状态日期早于决定日期后的最短公示期（一般失信3个月，严重失信12个月）：请核实修复是否合规。公示仍自状态日期起终止",
        example: "2026-09-01 作出的一般失信处罚，2026-10-15 即修复（最早 2026-12-01）",
        basis: "《信用修复管理办法》（国家发展改革委令第36号）最短公示期")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isValid, r.kind == .xzcf, r.givenRecordStatus == .repaired,
            let repaired = r.statusDate, let decided = r.primaryDate
        else { return .none }
        let months = r.severity.minimumBeforeRepair
        guard months > 0 else { return .none }
        let earliest = decided.adding(months: months)
        guard repaired < earliest else { return .none }
        return Decision(findings: [
            finding(
                r,
                "\(r.severity.rawValue)失信信息至少公示 \(months) 个月后方可修复（最早 \(earliest)），状态日期为 \(repaired)：请核实；公示仍自 \(repaired) 起终止"
            )
        ])
    }
}
