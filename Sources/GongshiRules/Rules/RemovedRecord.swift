import GongshiModel

/// `removed-record`: a licence or penalty shown until now that no row of today's data has any more. The
/// build takes it down without a withdrawal notice: the law asks for one when a decision is revoked,
/// and a department's export that lost rows would take them down unnoticed.
public enum RemovedRecord: LedgerRule {
    public static let info = RuleInfo(
        id: "removed-record", title: "已公示的记录从数据中消失", severity: .warning, withholds: "—（该记录被撤下）",
        summary:
            "台账中正在公示的行政许可或行政处罚，本次数据中没有任何一行是它（按记录键，也按换了写法的机关名称和文书号括号）：构建时将它撤下（台账记为撤回），但不发布撤回说明。决定被撤销、变更、确认违法或确认无效的，应在数据中保留该行并填写当前状态、状态日期和状态说明，以便公开说明理由；导出时遗漏的，请补回",
        example: "台账中 2026-11-03 公示的「周市监罚〔2026〕12号」，本月导出的文件中没有这一行",
        basis: "《中华人民共和国行政处罚法》第四十八条（撤回并公开说明理由）；SPEC §1.9（台账）")

    static func decide(_ gone: [GoneRecord], unreadable: [String]) -> [Finding] {
        gone.map { g in
            let unread = unreadable.filter { $0.hasPrefix("Content/\(g.kind.rawValue)/") }
            let maybe =
                unread.isEmpty
                ? "" : "（也可能在无法读取的文件中：\(unread.joined(separator: "、"))，见该文件的 bad-file 错误）"
            let since = g.firstPublished.map { "（首次公示于 \($0)）" } ?? ""
            return Finding(
                rule: info.id, severity: info.severity, file: ledgerFile, line: 0, key: g.key,
                department: g.department,
                message:
                    "已公示的\(g.kind.title)「\(g.document)」\(since)在本次数据中找不到\(maybe)：构建时将撤下，且不发布撤回说明。决定被撤销、变更、确认违法或确认无效的，请在数据中保留该行并填写当前状态、状态日期和状态说明；导出时遗漏的，请补回该行"
            )
        }
    }
}
