/// What a cell of a department's export says beyond its text: a CSV cell wrapped to stay text in
/// Excel, the codes of the v1 处罚类别.
enum CellText {
    /// `="0123"`: how some exporters keep Excel from reading a CSV cell as a number (and dropping its
    /// leading zeros); the value is the text inside.
    static func unwrapped(_ cell: String) -> String {
        guard cell.hasPrefix("=\""), cell.hasSuffix("\""), cell.utf8.count >= 3 else { return cell }
        return String(cell.dropFirst(2).dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// The v1 处罚类别 codes (DOMAIN.md §1c): 0警告 1罚款 2没收违法所得、没收非法财物 3责令停产停业
    /// 4暂扣或者吊销许可证、执照 5行政拘留 6其他. Anything else is kept as written.
    static func penaltyKindName(_ v: String) -> String {
        // A code typed in full width (４) is the code.
        guard v.count == 1, let n = Int(v.halfWidth), penaltyKindNames.indices.contains(n) else { return v }
        return penaltyKindNames[n]
    }
    static let penaltyKindNames = ["警告", "罚款", "没收违法所得、没收非法财物", "责令停产停业", "暂扣或者吊销许可证、执照", "行政拘留", "其他"]
}
