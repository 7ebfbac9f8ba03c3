import GongshiModel

/// The orders the judge sorts a build's ledger events and records in, with their keys compared as
/// `String` compares them but from their bytes when plain (``PlainText``): a province sorts a few
/// hundred thousand of each in the judge's serial part, and a comparison of two Chinese keys took
/// String's slow path (twice: `!=`, then `<`). Each sorts the elements' positions with the same
/// comparisons, then puts the elements in that order in place (a copy of a province's records is a
/// few hundred MB).
enum JudgeOrder {
    /// By kind, key, then event (撤回 after 公示 …), as `(kind, key, event.rawValue) <` orders them.
    static func sortEvents(_ events: inout [LedgerEvent]) {
        let plain = events.map { PlainText.isPlain($0.key) }
        let order = events.withUnsafeBufferPointer { e in
            e.indices.sorted { i, j in
                if e[i].kind != e[j].kind { return e[i].kind < e[j].kind }
                let c = PlainText.compare(e[i].key, plain: plain[i], e[j].key, plain: plain[j])
                if c != 0 { return c < 0 }
                return e[i].event.rawValue < e[j].event.rawValue
            }
        }
        permute(&events, order)
    }

    /// Newest first publication, then newest decision, then key.
    static func sortRecords(_ records: inout [PublishedRecord]) {
        let plain = records.map { PlainText.isPlain($0.key) }
        let order = records.withUnsafeBufferPointer { r in
            r.indices.sorted { i, j in
                let a = (r[i].firstPublished, r[i].decisionDate)
                let b = (r[j].firstPublished, r[j].decisionDate)
                if a != b { return a > b }
                return PlainText.compare(r[i].key, plain: plain[i], r[j].key, plain: plain[j]) < 0
            }
        }
        permute(&records, order)
    }

    /// Puts `items[order[k]]` at `k`, in place, by following each cycle of the permutation.
    static func permute<T>(_ items: inout [T], _ order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // Along the cycle through `start`: position k takes the element at order[k].
            var k = start
            while true {
                placed[k] = true
                let next = order[k]
                if next == start { break }
                items.swapAt(k, next)
                k = next
            }
        }
    }
}
