import GongshiModel

/// `red-black-conflict`: an entity on an active black list also has an active red-list entry; the
/// red entry is withheld (及时撤销荣誉称号).
public enum RedBlackConflict: Rule {
    public static let info = RuleInfo(
        id: "red-black-conflict", severity: .error, withholds: "红名单条目",
        summary: "同一主体同时有有效的红名单和黑名单条目：红名单条目不予公示（在红名单条目处报告）。异议中的黑名单条目不算有效",
        example: "某公司在「守合同重信用企业」中，又被列入「失信被执行人」")

    static func check(_ r: RecordContext, blackLists: [String]) -> [Finding] {
        [finding(r, "该主体同时在黑名单（\(blackLists.joined(separator: "、"))）中，红名单条目不予公示，请认定部门及时撤销")]
    }
}
