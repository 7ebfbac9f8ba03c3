import GongshiModel

/// `red-black-conflict`: an entity on an active black list also has an active red-list entry; the
/// red entry is withheld (及时撤销荣誉称号).
public enum RedBlackConflict: ListRule {
    public static let info = RuleInfo(
        id: "red-black-conflict", title: "红黑名单冲突", severity: .error, withholds: "红名单条目",
        summary: "同一主体同时有有效的红名单和黑名单条目：红名单条目不予公示（在红名单条目处报告）。异议中的黑名单条目不算有效",
        example: "某公司在「守合同重信用企业」中，又被列入「失信被执行人」",
        basis: "周政发〔2017〕72号（被列入黑名单的，及时撤销其荣誉称号）",
        reportAdvice: "该主体在有效的黑名单上，红名单条目按规定不予公示，请认定部门及时撤销其荣誉称号")

    /// Identifies an entity by its code (统一社会信用代码, else 组织机构代码, else 工商注册号), else by its name.
    static func identity(_ e: PublishedListEntry) -> String {
        e.identityCode.isEmpty ? "name:" + e.entityName : "code:" + e.identityCode
    }

    static func decide(_ entries: [(context: RecordContext, entry: PublishedListEntry)]) -> [(
        index: Int, finding: Finding
    )] {
        // A black-list entry under objection is suspended (not public), so it is not in `entries`.
        var blackLists: [String: [String]] = [:]
        for (_, e) in entries where !e.isRed {
            let id = identity(e)
            if !(blackLists[id]?.contains(e.listName) ?? false) { blackLists[id, default: []].append(e.listName) }
        }
        var out: [(Int, Finding)] = []
        for (i, (c, e)) in entries.enumerated() where e.isRed {
            guard let lists = blackLists[identity(e)] else { continue }
            var f = finding(c, "该主体同时在黑名单（\(lists.joined(separator: "、"))）中，红名单条目不予公示，请认定部门及时撤销")
            f.withholds = true
            out.append((i, f))
        }
        return out
    }
}
