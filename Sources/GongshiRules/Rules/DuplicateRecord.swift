import GongshiModel

/// `duplicate-record`: two rows with one key. Different content: error at every later copy, every
/// copy withheld. Identical content: warning at every later copy, the first one published.
public enum DuplicateRecord: Rule {
    public static let info = RuleInfo(
        id: "duplicate-record", severity: .error, withholds: "内容不同：所有副本；内容相同：—（只公示第一条）",
        summary: "同一记录键（类型 + 机关 + 文书号；名单为名单名称 + 代码或名称 + 列入日期）出现多次。内容不同为错误，内容相同为警告；在第一条之后的每个副本处报告",
        example: "两个文件都有「周市监罚〔2026〕12号」，罚款金额不同")

    /// Returns the findings and the indices (into `records`) that must be withheld.
    static func check(_ records: [RecordContext]) -> (findings: [(index: Int, finding: Finding)], withheld: Set<Int>) {
        var groups: [String: [Int]] = [:]
        for (i, r) in records.enumerated() where r.hasKey { groups[r.key, default: []].append(i) }
        var findings: [(index: Int, finding: Finding)] = []
        var withheld = Set<Int>()
        for (_, idx) in groups where idx.count > 1 {
            let first = records[idx[0]]
            let conflicting = idx.dropFirst().contains { records[$0].source.values != first.source.values }
            if conflicting { withheld.formUnion(idx) } else { withheld.formUnion(idx.dropFirst()) }
            for i in idx.dropFirst() {
                let r = records[i]
                let at = "\(first.source.file) 第\(first.source.line)行"
                findings.append((i, conflicting
                    ? finding(r, "与 \(at) 是同一记录（键相同）但内容不同，所有副本均不予公示，请删除错误的一条")
                    : Finding(rule: info.id, severity: .warning, file: r.source.file, line: r.source.line, key: r.key,
                              department: r.department?.code ?? "", message: "与 \(at) 完全相同的重复行，只公示第一条")))
            }
        }
        return (findings, withheld)
    }
}
