/// 罚款金额（万元） as departments write it: a plain decimal number of 万元 (`0.5`, `12`, `1,000.25`).
/// The rules (`bad-value`, `amount-unit`) and the statistics' fine totals read it alike.
public enum FineAmount {
    /// The digits of a plain decimal, grouping commas (every three digits of the whole part) and spaces
    /// dropped; nil for anything else: a sign, an exponent, a unit (元, 万元), two points, no digit, or a
    /// comma that groups nothing (0,5 is a decimal point typed as a comma, not 5).
    public static func plainDecimal(_ s: String) -> String? {
        let t = s.filter { !$0.isWhitespace }.map { $0 == "，" ? "," : $0 }
        guard t.contains(where: \.isNumber), t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
            t.filter({ $0 == "." }).count <= 1
        else { return nil }
        let whole = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if whole.count == 2, whole[1].contains(",") { return nil }
        let groups = whole[0].split(separator: ",", omittingEmptySubsequences: false)
        // 0,500 is a half with a decimal comma, not 500: no grouped number starts with 0.
        if groups.count > 1,
            !(1...3).contains(groups[0].count) || groups[0].first == "0"
                || groups.dropFirst().contains(where: { $0.count != 3 })
        {
            return nil
        }
        return String(t.filter { $0 != "," })
    }
}
