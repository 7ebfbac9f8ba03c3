import GongshiModel

/// One licensing or penalty decision whatever the spelling of its key. SPEC §7 keys a decision by its
/// authority and document number as written, and departments change how they write both: a department
/// renamed (its old name kept as an alias in departments.csv), a document number typed with other
/// brackets (周市监罚[2026]1号 for 周市监罚〔2026〕1号). Spelt the one way — the department's name, the
/// brackets folded to 〔〕 as ``DocumentNumber/normalize(_:)`` folds them — such keys are one decision:
/// its ledger history carries over (no new 公示, no false late disclosure, no 撤回 of the old spelling),
/// and two rows of it spelt two ways are copies of each other. The ledger keeps each key as written.
struct DecisionSpelling: Sendable {
    let departments: DepartmentIndex

    /// `key` spelt the one way: a list key, or a key spelt that way already, as it is (the same string).
    func fold(_ key: String) -> String {
        let kind: RecordKind
        if key.hasPrefix("xzxk:") {
            kind = .xzxk
        } else if key.hasPrefix("xzcf:") {
            kind = .xzcf
        } else {
            return key
        }
        let rest = key.utf8.dropFirst(5)
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else { return key }
        let authority = String(Substring(key.utf8[rest.startIndex..<colon]))
        let document = String(Substring(key.utf8[key.utf8.index(after: colon)...]))
        let name = departments.named(authority)?.name ?? authority
        let folded = Self.document(document)
        guard name != authority || folded != document else { return key }
        return RecordFacts.decisionKey(kind, name, folded)
    }

    /// A document number with its brackets folded to 〔〕 (as it is when it has no other bracket).
    static func document(_ d: String) -> String {
        guard d.unicodeScalars.contains(where: { otherBrackets.contains($0) }) else { return d }
        return DocumentNumber.normalize(d)
    }

    /// The brackets ``DocumentNumber/normalize(_:)`` folds to 〔〕.
    static let otherBrackets: Set<Unicode.Scalar> = ["[", "]", "【", "】", "(", ")", "（", "）", "［", "］"]
}
