import GongshiModel

/// A licence's or penalty's 文书号 spelt the one way: its brackets folded to 〔〕 as
/// ``DocumentNumber/normalize(_:)`` folds them (周市监罚[2026]1号 is 周市监罚〔2026〕1号). Two rows of one
/// decision whose numbers differ only so are copies of each other, not two decisions published twice.
/// (Keys stay as written: SPEC §7, the ledger's 记录键.)
enum DocumentSpelling {
    /// The number with its brackets folded (as it is when it has no other bracket).
    static func folded(_ d: String) -> String {
        guard hasOtherBrackets(Substring(d)) else { return d }
        return DocumentNumber.normalize(d)
    }

    /// Whether `d` has a bracket ``DocumentNumber/normalize(_:)`` folds to 〔〕, by its UTF-8 bytes: [ ] ( ) and the lead bytes of
    /// 【】 (E3 80 90/91) and （）［］ (EF BC 88/89/BB/BD). (The ledger's every key is asked.)
    static func hasOtherBrackets(_ d: Substring) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in d.utf8 {
            switch (previous, b) {
            case (_, 0x28), (_, 0x29), (_, 0x5B), (_, 0x5D): return true
            case ((0xE3, 0x80), 0x90), ((0xE3, 0x80), 0x91): return true
            case ((0xEF, 0xBC), 0x88), ((0xEF, 0xBC), 0x89), ((0xEF, 0xBC), 0xBB), ((0xEF, 0xBC), 0xBD): return true
            default: previous = (previous.1, b)
            }
        }
        return false
    }
}
