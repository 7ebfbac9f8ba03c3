import GongshiModel

/// `status-date`: a licence's or penalty's status dated after the build date or before the decision; a
/// list entry ending before it is listed.
public enum StatusDate: RecordRule {
    public static let info = RuleInfo(
        id: "status-date", title: "状态日期疑误", severity: .warning, withholds: "—",
        summary:
            "行政许可、行政处罚的当前状态为撤销、变更、确认违法或确认无效，所填状态日期却晚于构建日期（在此之前记录按「正常」照常公示，撤回自该日起）；或任一状态（含异议、修复）的状态日期早于决定日期（状态不会早于决定本身）；名单条目的有效期至或移出日期早于列入日期（条目因此从未公示）：多为录入错误，请核实更正",
        example: "构建日期 2026-11-25，「当前状态」撤销，「状态日期」2026-12-16（应为 2026-11-16）",
        basis: "本站规则（状态自状态日期起生效，见 SPEC §7）；《中华人民共和国行政处罚法》第四十八条（撤回须及时）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        if r.kind == .mingdan { return listDates(r) }
        guard let stated = r.givenRecordStatus, stated != .normal, let date = r.statusDate
        else { return .none }
        let field = "「\(Field.statusDate.name)」\(date)"
        // A withdrawal dated ahead keeps the decision online until then; a repair or an objection may be
        // entered ahead of the day it takes effect.
        if date > env.date, stated.isWithdrawal {
            return Decision(findings: [
                finding(r, "当前状态为「\(stated.rawValue)」，\(field) 晚于构建日期 \(env.date)：在此之前该记录按「正常」公示；如为录入错误请更正")
            ])
        }
        if let decided = r.primaryDate, date < decided {
            return Decision(findings: [
                finding(
                    r,
                    "当前状态为「\(stated.rawValue)」，\(field) 早于「\(r.kind.primaryDateField.name)」\(decided)：状态不会早于决定本身，请核实更正")
            ])
        }
        return .none
    }

    /// A list entry that ends (有效期至, 移出日期) before it is listed: never public, almost always a typo.
    static func listDates(_ r: RecordContext) -> Decision {
        guard let listed = r.primaryDate else { return .none }
        let ends = [Field.validUntil, .removedOn].compactMap { f in r.date(f).map { (f, $0) } }
        return Decision(
            findings: ends.filter { $0.1 < listed }.map { f, d in
                finding(r, "「\(f.name)」\(d) 早于「\(Field.listedOn.name)」\(listed)：该条目因此从未公示；多为录入错误，请核实更正")
            })
    }
}
