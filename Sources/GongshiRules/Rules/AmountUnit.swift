import GongshiModel

/// `amount-unit`: 罚款金额（万元） equals the yuan figure 处罚内容 states, so it was entered in 元.
public enum AmountUnit: RecordRule {
    public static let info = RuleInfo(
        id: "amount-unit", title: "罚款金额单位疑误", severity: .warning, withholds: "—",
        summary: "「罚款金额（万元）」与「处罚内容」中写明的元数相同（如处罚内容「罚款2000元」而金额为 2000）：金额按元填写了，应换算为万元（0.2）",
        example: "处罚内容「罚款2000元」，罚款金额（万元）2000",
        basis: "《公共信用信息公示数据标准（双公示 v2.0）》：罚款金额单位为万元")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard r.kind == .xzcf else { return .none }
        let raw = r[.fineAmount]
        guard let amount = number(raw), amount > 0 else { return .none }
        guard yuanFigures(in: r[.penaltyContent]).contains(where: { abs($0 - amount) < 0.000_001 }) else {
            return .none
        }
        return Decision(findings: [
            finding(
                r,
                "「\(Field.fineAmount.name)」为 \(raw)，与处罚内容中的「\(raw)元」相同：金额应以万元填写（\(raw)元 = \(format(amount / 10000)) 万元）"
            )
        ])
    }

    static func number(_ s: String) -> Double? {
        Double(s.filter { $0 != "," && $0 != "，" && !$0.isWhitespace })
    }

    /// The figures written as "N元" (not "N万元") after a 罚款 in the text.
    static func yuanFigures(in text: String) -> [Double] {
        guard let start = text.range(of: "罚款") else { return [] }
        let chars = Array(text[start.upperBound...])
        var out: [Double] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count,
                (chars[j].isASCII && chars[j].isNumber) || chars[j] == "." || chars[j] == "," || chars[j] == "，"
            { j += 1 }
            if j < chars.count, chars[j] == "元", let v = number(String(chars[i..<j])) { out.append(v) }
            i = j
        }
        return out
    }

    static func format(_ v: Double) -> String {
        var s = String(v)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
