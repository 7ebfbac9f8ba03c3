import GongshiModel

extension DepartmentIndex {
    /// The department whose name (or alias) is closest to an authority name that matches none exactly:
    /// 淄博市周村区市场监督管理局 → 区市场监管局. Similarity is the Dice coefficient of the names'
    /// character bigrams; nil when no department shares enough of them, or two are equally close.
    public func closest(to authority: String) -> Department? {
        let a = Self.bigrams(authority)
        guard !a.isEmpty else { return nil }
        var best: (Department, Double)?
        var tie = false
        for (d, names) in zip(all, nameBigrams) {
            let score = names.map { Self.dice(a, $0) }.max() ?? 0
            if score > (best?.1 ?? 0) {
                best = (d, score)
                tie = false
            } else if let b = best, score == b.1, b.0.code != d.code {
                tie = true
            }
        }
        guard let (d, score) = best, score >= 0.3, !tie else { return nil }
        return d
    }

    static func bigrams(_ s: String) -> Set<String> {
        let chars = Array(s.filter { !$0.isWhitespace })
        guard chars.count >= 2 else { return chars.isEmpty ? [] : [String(chars)] }
        return Set((0..<(chars.count - 1)).map { String(chars[$0...($0 + 1)]) })
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// The department a data file belongs to by its name: a part of the file name (split at `-`, `_`,
    /// `.` and spaces) equal to a department's 编码 (`2026-11-scjgj.csv`), or its 名称 or an alias
    /// inside the name (`区市场监管局2026年11月.xlsx`).
    public func named(inFile file: String) -> Department? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let parts = Set(name.lowercased().split(whereSeparator: { "-_. ".contains($0) }).map(String.init))
        if let d = all.first(where: { parts.contains($0.code) }) { return d }
        // The longest name first: 区市场监管局 must not be taken for a department called 市场监管局.
        let named = all.flatMap { d in ([d.name] + d.aliases).map { ($0, d) } }.filter {
            $0.0.count >= 2 && name.contains($0.0)
        }
        return named.max { $0.0.count < $1.0.count }?.1
    }
}
