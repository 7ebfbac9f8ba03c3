import GongshiModel

/// Rows of a table that are not data: a title above the header, a total row and notes under the data, as
/// exporters and clerks add them. CSV files and worksheets are read alike.
enum HeaderRow {
    /// The text of a title row (one filled cell, e.g. 「淄博市2026年度纳税信用A级纳税人名单」), or nil.
    /// Callers ask only of rows above the header that are not a header themselves.
    static func title(_ cells: [String]) -> String? {
        var filled: String?
        for c in cells {
            let t = c.trimmingWhitespace()
            if t.isEmpty { continue }
            if filled != nil { return nil }
            filled = t
        }
        return filled.map(shortened)
    }

    /// The cells of a total row, joined for a message (「合计 共5家」), or nil: its first filled cell is
    /// 合计, 总计, 小计 or 共计 (alone or followed by a colon), or 共N家 / 共N条 …, and every other filled
    /// cell is such a word, a count (5家) or a number (a sum of amounts).
    static func total(_ cells: [String]) -> String? {
        // Every data row is asked: most are told apart by the first letter of their first filled cell,
        // without removing the whitespace of every cell.
        guard firstFilledScalarMayStartTotal(cells) else { return nil }
        var filled: [String] = []
        for c in cells {
            let t = String(c.unicodeScalars.filter { !$0.properties.isWhitespace })
            if t.isEmpty { continue }
            filled.append(t)
            if filled.count > 6 { return nil }
        }
        guard let first = filled.first, isTotalWord(first) else { return nil }
        for c in filled.dropFirst() where !isTotalWord(c) && !isCount(c) && Double(c.replacing(",", with: "")) == nil {
            return nil
        }
        return shortened(filled.joined(separator: " "))
    }

    /// Whether the first letter (not whitespace) of the first cell holding one is 合, 总, 小 or 共: the
    /// first letters of every total word (共 also opens 共5家).
    private static func firstFilledScalarMayStartTotal(_ cells: [String]) -> Bool {
        guard let v = firstFilledScalar(cells) else { return false }
        return v == 0x5408 || v == 0x603B || v == 0x5C0F || v == 0x5171  // 合 总 小 共
    }

    /// The first letter (not whitespace) of the first cell holding one; nil when it is ASCII (a
    /// number, a code) or there is none.
    private static func firstFilledScalar(_ cells: [String]) -> UInt32? {
        for c in cells {
            for u in c.unicodeScalars {
                let v = u.value
                // ASCII whitespace by value; other scalars through their Unicode property.
                if v < 0x80 {
                    if v == 0x20 || (0x09...0x0D).contains(v) { continue }
                    return nil
                }
                if u.properties.isWhitespace { continue }
                return v
            }
        }
        return nil
    }

    /// The cells of a note under the data, joined for a message (「填表说明：…」, 「制表人：张三 审核人：李四」),
    /// or nil: its first filled cell starts with a word of ``noteWords`` (or of ``noteWordsWithColon``
    /// and a colon), and it has at most six filled cells (a licensing or penalty record fills more; a
    /// list entry may not, but its first cell is a name, which does not start with such a word).
    static func note(_ cells: [String]) -> String? {
        // Every data row is asked: most are told apart by the first letter of their first filled cell.
        guard let v = firstFilledScalar(cells), noteInitials.contains(v) else { return nil }
        var filled: [String] = []
        for c in cells {
            let t = c.trimmingWhitespace()
            if t.isEmpty { continue }
            filled.append(t)
            if filled.count > 6 { return nil }
        }
        guard let first = filled.first else { return nil }
        let isNote =
            noteWords.contains { first.hasPrefix($0) }
            || noteWordsWithColon.contains { w in
                first.hasPrefix(w) && (first.dropFirst(w.count).first.map { $0 == "：" || $0 == ":" } ?? false)
            }
        return isNote ? shortened(filled.joined(separator: " ")) : nil
    }

    /// Words that open a note under a table whatever follows them.
    private static let noteWords = [
        "填表说明", "填报说明", "制表人", "制表日期", "制表单位", "审核人", "审核日期", "填表人", "填报人", "填报日期", "联系电话",
        "联系人", "负责人", "单位负责人", "统计负责人",
    ]
    /// Words that open a note only with a colon (注：…), as a name could begin with them.
    private static let noteWordsWithColon = ["注", "说明", Field.remarks.name, "附注", "注意"]
    /// The first letters of the words above.
    private static let noteInitials: Set<UInt32> = Set(
        (noteWords + noteWordsWithColon).compactMap { $0.unicodeScalars.first?.value })

    private static let totalWords = ["合计", "总计", "小计", "共计"]
    private static let units: [String] = ["条记录", "家", "条", "个", "户", "项", "件", "人", "名", "笔", "起"]

    /// 合计, 合计：5家, 共5家, 共计12条.
    private static func isTotalWord(_ s: String) -> Bool {
        for w in totalWords where s.hasPrefix(w) {
            let rest = s.dropFirst(w.count)
            if rest.isEmpty { return true }
            if let c = rest.first, c == ":" || c == "：" { return rest.count <= 12 }
            return isCount(String(rest))
        }
        if s.hasPrefix("共") { return isCount(String(s.dropFirst())) }
        return false
    }

    /// A number with an optional counting unit: 5, 5家, 12条记录.
    private static func isCount(_ s: String) -> Bool {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        let unit = s.dropFirst(digits.count)
        return unit.isEmpty || units.contains(String(unit))
    }

    /// The separator a one-cell CSV header uses instead of commas (tab, semicolon), when the names it
    /// separates are columns.
    static func otherSeparator(_ cell: String, _ field: (String) -> Int?) -> String? {
        for (c, name) in [("\t", "制表符"), (";", "分号"), ("；", "分号")] where cell.contains(c) {
            if cell.components(separatedBy: c).filter({ field($0.trimmingWhitespace()) != nil }).count >= 2 {
                return name
            }
        }
        return nil
    }

    /// Whether a row numbers the columns (1, 2, 3 … in its filled cells, three at least), as printed
    /// forms have under their header: no record has such values in a row.
    static func numbersColumns(_ cells: [String]) -> Bool {
        let filled = filled(cells)
        return filled.count >= 3 && filled.enumerated().allSatisfy { Int($1.halfWidth) == $0 + 1 }
    }

    /// Whether a row holds only column names or codes and 必填 / 选填 (two cells at least): a note.
    static func annotatesHeader(_ cells: [String], _ field: (String) -> Int?) -> Bool {
        let filled = filled(cells)
        return filled.count >= 2 && filled.allSatisfy { field($0) != nil || requirementWords.contains($0) }
    }
    static let requirementWords: Set<String> = ["必填", "选填", "必填项", "选填项", "条件必填", "非必填", "可选", "必须"]

    /// The filled cells of a row, trimmed, in order.
    static func filled(_ cells: [String]) -> [String] {
        cells.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The filled cells of a row, joined for a message.
    static func joined(_ cells: [String]) -> String {
        shortened(filled(cells).joined(separator: " "))
    }

    private static func shortened(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(40)) + "…" : s
    }
}
