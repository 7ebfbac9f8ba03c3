import GongshiModel

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
    /// 4暂扣或者吊销许可证、执照 5行政拘留 6其他, alone or several (3；1, 0,1), zero-padded (03) or in full
    /// width (４). Anything else is kept as written: a code beside names, since 1、罚款；2、没收 numbers
    /// its kinds rather than coding them.
    static func penaltyKindName(_ v: String) -> String {
        guard let first = v.unicodeScalars.first, first.halfWidth.value &- 0x30 < 10 else { return v }
        let codes = v.split(whereSeparator: { Severity.penaltyKindSeparators.contains($0) }).map { code in
            Int(String(code).halfWidth).flatMap { code.count <= 2 && penaltyKindNames.indices.contains($0) ? $0 : nil }
        }
        guard !codes.isEmpty, codes.allSatisfy({ $0 != nil }) else { return v }
        return codes.compactMap { $0.map { penaltyKindNames[$0] } }.joined(separator: "；")
    }
    static let penaltyKindNames = ["警告", "罚款", "没收违法所得、没收非法财物", "责令停产停业", "暂扣或者吊销许可证、执照", "行政拘留", "其他"]
}
