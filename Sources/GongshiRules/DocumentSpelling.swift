import GongshiModel

/// A licence's or penalty's 文书号 spelt the one way: its brackets folded to 〔〕 as
/// ``DocumentNumber/normalize(_:)`` folds them (周市监罚[2026]1号 is 周市监罚〔2026〕1号). Two rows of one
/// decision whose numbers differ only so are copies of each other, not two decisions published twice.
/// (Keys stay as written: SPEC §7, the ledger's 记录键.)
enum DocumentSpelling {
    /// The number with its brackets folded (as it is when it has no other bracket).
    static func folded(_ d: String) -> String {
        guard d.unicodeScalars.contains(where: { otherBrackets.contains($0) }) else { return d }
        return DocumentNumber.normalize(d)
    }

    /// The brackets ``DocumentNumber/normalize(_:)`` folds to 〔〕.
    static let otherBrackets: Set<Unicode.Scalar> = ["[", "]", "【", "】", "(", ")", "（", "）", "［", "］"]
}
