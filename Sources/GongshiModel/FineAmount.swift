/// 罚款金额（万元） as departments write it: a plain decimal number of 万元 (`0.5`, `12`, `1,000.25`).
/// The rules (`bad-value`, `amount-unit`) and the statistics' fine totals read it alike.
public enum FineAmount {
    /// The digits of a plain decimal, grouping commas and spaces dropped; nil for anything else: a sign,
    /// an exponent, a unit (元, 万元), two points, no digit.
    public static func plainDecimal(_ s: String) -> String? {
        let t = s.filter { $0 != "," && $0 != "，" && !$0.isWhitespace }
        guard t.contains(where: \.isNumber), t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            t.filter({ $0 == "." }).count <= 1
        else { return nil }
        return t
    }
}
