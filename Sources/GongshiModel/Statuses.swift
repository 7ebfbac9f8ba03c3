// The values that decide whether, and as what, a row is public: a record's and a list entry's
// 当前状态, and an entry's 名单类型. Each is read from the spellings departments use, and a value none
// of them names is not guessed at (`bad-value` withholds the row).

/// 当前状态 of a licensing or penalty record (names or the v1 codes 0–4). 变更, 确认违法 and 确认无效 are
/// the other withdrawals of 行政处罚法 Art.48, handled as 撤销.
public enum RecordStatus: String, Sendable {
    case normal = "正常"
    case revoked = "撤销"
    case changed = "变更"
    case confirmedIllegal = "确认违法"
    case confirmedInvalid = "确认无效"
    case objection = "异议"
    case other = "其他"
    case repaired = "修复"

    /// A decision 变更, 撤销, 确认违法 or 确认无效: its page becomes a withdrawal notice.
    public var isWithdrawal: Bool {
        switch self {
        case .revoked, .changed, .confirmedIllegal, .confirmedInvalid: return true
        case .normal, .objection, .other, .repaired: return false
        }
    }

    public init?(parsing raw: String) {
        guard let v = RecordStatus.spellings.value(of: statusWord(raw)) else { return nil }
        self = v
    }

    /// 撤回 is what Art.48 has the authority do with the information of a decision 撤销 (and how
    /// departments mark such rows); 撤消 is its common misspelling.
    static let spellings = Spellings<RecordStatus>(
        ["", "0", "正常", "有效", "生效", "正常公示"].map { ($0, .normal) }
            + ["1", "撤销", "已撤销", "撤消", "已撤消", "撤销决定", "撤回", "已撤回"].map { ($0, .revoked) }
            + ["变更", "已变更"].map { ($0, .changed) } + ["确认违法", "被确认违法"].map { ($0, .confirmedIllegal) }
            + ["确认无效", "被确认无效"].map { ($0, .confirmedInvalid) }
            + ["2", "异议", "异议中", "异议处理中"].map { ($0, .objection) } + ["3", "其他", "其它"].map { ($0, .other) }
            + ["4", "修复", "信用修复", "已修复"].map { ($0, .repaired) })
}

/// A 当前状态 as its words: without spaces or a closing full stop (「确认无效。」).
private func statusWord(_ raw: String) -> String {
    var word = raw.removingWhitespace()
    while let last = word.last, last == "。" || last == "." || last == "．" { word.removeLast() }
    return word
}

/// 当前状态 of a list entry.
public enum ListStatus: String, Sendable {
    case normal = "正常"
    case objection = "异议"
    case removed = "移出"

    public init?(parsing raw: String) {
        guard let v = ListStatus.spellings.value(of: statusWord(raw)) else { return nil }
        self = v
    }

    /// An entry 撤销 or 修复 (移出严重失信主体名单 is a form of 信用修复, Order 36) has left the list.
    static let spellings = Spellings<ListStatus>(
        ["", "0", "正常", "有效", "在列"].map { ($0, .normal) }
            + ["2", "异议", "异议中", "异议处理中"].map { ($0, .objection) }
            + [
                "移出", "已移出", "移除", "已移除", "出列", "已出列", "移出名单", "已移出名单", "撤销", "已撤销", "修复",
                "信用修复", "已修复",
            ].map { ($0, .removed) })
}

/// 名单类型 of a list entry. Which list an entry is on decides how it is shown and for how long, and a
/// 守信 firm shown on the black list is accused of what it did not do: a value is read only when its
/// words name one list.
public enum ListType: String, Sendable {
    case red = "红名单"
    case black = "黑名单"

    /// 红名单 and 黑名单, and the words lists are typed with (红, 守信, 诚信, 激励, 守合同, A级 for the red list;
    /// 黑, 失信, 惩戒, 不良 for the black one; traditional 紅 too); nil for a value that names both or
    /// neither (重点关注名单), or that negates anything (诚信缺失, 不守信, 无不良记录, 未列入失信名单 name the
    /// other list, or none): only 拒不 (拒不支付劳动报酬失信联合惩戒对象名单) is no negation of the list.
    public init?(parsing raw: String) {
        // 拒不 (refusing to pay) is part of what a black list names; 不良 (bad records) is a black word.
        let words = raw.removingWhitespace().replacingAll("拒不", with: "").replacingAll("不良", with: "黑")
        guard !words.isEmpty, !Self.negations.contains(where: { words.saysBytes($0) }) else { return nil }
        let red = Self.redWords.contains { words.saysBytes($0) }
        let black = Self.blackWords.contains { words.saysBytes($0) }
        guard red != black else { return nil }
        self = red ? .red : .black
    }

    static let redWords = ["红", "紅", "守信", "诚信", "誠信", "激励", "守合同", "A级", "a级", "Ａ级"]
    static let blackWords = ["黑", "失信", "惩戒", "懲戒"]
    static let negations = ["不", "非", "无", "無", "未", "没", "沒", "零", "缺失"]
}
