import GongshiModel

/// `amount-unit`: 罚款金额（万元） equals the yuan figure 处罚内容 states, so it was entered in 元.
public enum AmountUnit: RecordRule {
    public static let info = RuleInfo(
        id: "amount-unit", title: "罚款金额单位疑误", severity: .warning, withholds: "—",
        summary: "「罚款金额（万元）」与「处罚内容」中写明的元数相同（如处罚内容「罚款2000元」而金额为 2000，或处罚内容「罚款5万元」而金额为 50000）：金额按元填写了，应换算为万元（0.2、5）",
        example: "处罚内容「罚款2000元」，罚款金额（万元）2000",
        basis: "《公共信用信息公示数据标准（双公示 v2.0）》：罚款金额单位为万元")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard r.kind == .xzcf else { return .none }
        let raw = r[.fineAmount]
        guard let amount = number(raw), amount > 0 else { return .none }
        guard let figure = yuanFigures(in: r[.penaltyContent]).first(where: { abs($0.yuan - amount) < 0.000_001 })
        else { return .none }
        let same =
            figure.tenThousands
            ? "与处罚内容中的「\(figure.written)万元」的元数（\(format(amount)) 元）相同"
            : "与处罚内容中的「\(raw)元」相同"
        return Decision(findings: [
            finding(
                r,
                "「\(Field.fineAmount.name)」为 \(raw)，\(same)：金额应以万元填写（\(format(amount)) 元 = \(format(amount / 10000)) 万元）"
            )
        ])
    }

    /// A sum 处罚内容 states after 罚款: in 元, as written ("5" of 「5万元」 when `tenThousands`).
    struct Figure: Equatable {
        let yuan: Double
        let written: String
        let tenThousands: Bool

        /// The figure of `digits` followed by 元, or by 万元 (then in 元 ×10 000); nil for other units.
        init?(_ digits: String, unit first: Character?, _ second: Character?) {
            guard let v = AmountUnit.number(digits) else { return nil }
            switch (first, second) {
            case ("元"?, _): (yuan, tenThousands) = (v, false)
            case ("万"?, "元"?): (yuan, tenThousands) = (v * 10000, true)
            default: return nil
            }
            written = digits
        }
    }

    static func number(_ s: String) -> Double? {
        // Most amounts are digits and a point: nothing to drop.
        if s.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }) { return Double(s) }
        return FineAmount.plainDecimal(s).flatMap(Double.init)
    }

    /// The figures written as "N元" or "N万元" after a 罚款 in the text.
    static func yuanFigures(in text: String) -> [Figure] {
        var text = text
        if let figures = text.withUTF8({ PlainText.isPlain($0) ? plainYuanFigures($0) : nil }) { return figures }
        return characterYuanFigures(in: text)
    }

    /// `yuanFigures` of a plain text (``PlainText``), read from its bytes: each of its scalars is a
    /// character of its own there (but CR LF, which is neither a digit nor 元), so the reading is the same.
    static func plainYuanFigures(_ b: UnsafeBufferPointer<UInt8>) -> [Figure] {
        let fine: [UInt8] = Array("罚款".utf8)
        guard b.count >= fine.count,
            let at = (0...(b.count - fine.count)).first(where: { i in
                (0..<fine.count).allSatisfy { b[i + $0] == fine[$0] }
            })
        else { return [] }
        var chars: [Unicode.Scalar] = []
        var i = at + fine.count
        while i < b.count {
            let c = b[i]
            let width = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            let value: UInt32
            switch width {
            case 1: value = UInt32(c)
            case 3: value = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
            default: value = 0xFFFD  // no plain text has it
            }
            chars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            i += width
        }
        func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }
        var out: [Figure] = []
        i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, isDigit(chars[j]) || chars[j] == "." || chars[j] == "," || chars[j] == "，" { j += 1 }
            func unit(_ k: Int) -> Character? { k < chars.count ? Character(chars[k]) : nil }
            if let f = Figure(String(String.UnicodeScalarView(chars[i..<j])), unit: unit(j), unit(j + 1)) {
                out.append(f)
            }
            i = j
        }
        return out
    }

    /// `yuanFigures` read character by character (a text that is not plain).
    static func characterYuanFigures(in text: String) -> [Figure] {
        guard let start = text.range(of: "罚款") else { return [] }
        let chars = Array(text[start.upperBound...])
        var out: [Figure] = []
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
            if let f = Figure(
                String(chars[i..<j]), unit: j < chars.count ? chars[j] : nil, j + 1 < chars.count ? chars[j + 1] : nil)
            {
                out.append(f)
            }
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
