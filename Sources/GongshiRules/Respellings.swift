import GongshiModel

/// Decisions the ledger knows by another spelling of their key. A department that writes its authority
/// by another of its names (an alias of departments.csv) or its 文书号 with other brackets ([2026] for
/// 〔2026〕) after the decision was published still sends the one decision: it keeps the key the ledger
/// knows it by, so its first publication stands (no false `late-disclosure`), its page and feed ids stay
/// (SPEC §5.1, §7) and nothing is withdrawn. Its page shows the new spelling, recorded as an 更新.
///
/// A key the ledger shows now is kept as the row writes it. (A row's department may be known by its
/// authority's code, a ledger key's only by the authority's name or alias: a decision first published
/// under a name departments.csv does not list is not found under the department's name.)
struct Respellings: Sendable {
    /// The ledger's decision keys spelt otherwise than the one way (``spelt(_:_:_:_:)``), by that one way:
    /// positions in ``LedgerHistory/order``. (A key spelt the one way is found by looking it up.)
    private var otherwise: [TextKey: [Int]] = [:]

    init(history: LedgerHistory, departments: DepartmentIndex) {
        // Every key of the ledger is read (a province's million): in runs of keys on every core, each run's
        // keys spelt the one way gathered in order, then filed run by run, so that each one way's
        // positions stay in ledger order.
        let count = history.order.count
        let runs = stride(from: 0, to: count, by: Self.run).map { $0..<min($0 + Self.run, count) }
        let found = ParallelMap.map(runs) { Respellings.otherwise(in: $0, of: history, departments: departments) }
        for run in found {
            for (oneWay, position) in run { otherwise[TextKey(oneWay), default: []].append(position) }
        }
    }

    /// Keys of the ledger read on one core at a time.
    private static let run = 1 << 14

    /// The keys at `positions` of `history` spelt otherwise than the one way, each as the one way with
    /// its position.
    private static func otherwise(
        in positions: Range<Int>, of history: LedgerHistory, departments: DepartmentIndex
    ) -> [(String, Int)] {
        var found: [(String, Int)] = []
        // Keys come department by department: the last authority's name is looked up once.
        var last: (authority: Substring, name: String?) = ("", nil)
        for position in positions {
            let key = history.order[position]
            let kind = history.state(at: position).kind
            guard kind != .mingdan, let (authority, document) = Respellings.parts(key) else { continue }
            if !authority.utf8.elementsEqual(last.authority.utf8) {
                last = (authority, departments.named(String(authority))?.name)
            }
            let named = last.name.map { !$0.utf8.elementsEqual(authority.utf8) } ?? false
            guard named || DocumentSpelling.hasOtherBrackets(document) else { continue }
            found.append((Respellings.spelt(kind, last.name ?? String(authority), String(document)), position))
        }
        return found
    }

    /// The position in `history` of the key the ledger knows `r`'s decision by, spelt another way than
    /// the row spells it; nil when the row keeps its own key. `written`: the position of the row's own
    /// key (nil when the ledger does not know it).
    ///
    /// A key the ledger shows now is kept as written. One it knows but no longer shows gives way only to
    /// another spelling shown now (a department going back to its first spelling after an older build
    /// published the second: the page stays where it is). Of several other spellings: the one shown
    /// now, else the first published, else the first.
    func position(of r: RecordContext, in history: LedgerHistory, written: Int?) -> Int? {
        guard r.kind != .mingdan, r.hasKey else { return nil }
        if let written, history.state(at: written).isShown { return nil }
        let oneWay = Respellings.spelt(r.kind, r.department?.name ?? r.authority, r[r.kind.documentField])
        var found = otherwise[TextKey(oneWay)] ?? []
        if oneWay != r.writtenKey, let p = history.position(of: oneWay) { found.append(p) }
        found.removeAll { $0 == written }
        if written != nil { found.removeAll { !history.state(at: $0).isShown } }
        return found.min { a, b in
            let (x, y) = (history.state(at: a), history.state(at: b))
            if x.isShown != y.isShown { return x.isShown }
            let (p, q) = (x.firstPublished?.dayNumber ?? .max, y.firstPublished?.dayNumber ?? .max)
            return p != q ? p < q : a < b
        }
    }

    /// A decision's key spelt the one way: its department's name for the authority, its 文书号's
    /// brackets folded (``DocumentSpelling``).
    static func spelt(_ kind: RecordKind, _ authorityName: String, _ document: String) -> String {
        RecordFacts.decisionKey(kind, authorityName, DocumentSpelling.folded(document))
    }

    /// The authority and 文书号 of a decision's key, as ``RecordContext/keyParts(_:)`` reads them, without
    /// making strings of them (every key of the ledger is read).
    private static func parts(_ key: String) -> (Substring, Substring)? {
        guard let first = key.firstIndex(of: ":") else { return nil }
        let rest = key[key.index(after: first)...]
        guard let second = rest.firstIndex(of: ":") else { return nil }
        return (rest[..<second], rest[rest.index(after: second)...])
    }
}
