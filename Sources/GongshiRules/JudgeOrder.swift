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

    /// Newest first publication, then newest decision, then key. A record the previous system published
    /// on a day no one recorded is placed by its decision date: dated by the takeover build, it sat among
    /// the newest records, above decisions published since.
    static func sortRecords(_ records: inout [PublishedRecord]) {
        // The compared values taken out once: the halves are sorted on two cores without a copy of a
        // record (each retained and released its strings).
        let dates = records.map { r in
            let listed = r.publishedOnUnknownDay ? r.decisionDate : r.firstPublished
            return (listed.dayNumber, r.decisionDate.dayNumber)
        }
        let keys = records.map(\.key)
        let plain = keys.map { PlainText.isPlain($0) }
        let order = sortedPositions(records.count) { i, j in
            if dates[i] != dates[j] { return dates[i] > dates[j] }
            return PlainText.compare(keys[i], plain: plain[i], keys[j], plain: plain[j]) < 0
        }
        permute(&records, order)
    }

    /// The positions `0..<count` in the order `less` sorts them, ties in their own order as a stable
    /// sort leaves them: each half sorted on a core of its own, then the two merged.
    static func sortedPositions(_ count: Int, by less: @escaping @Sendable (Int, Int) -> Bool) -> [Int] {
        guard count >= 1 << 14 else { return (0..<count).sorted(by: less) }
        let half = count / 2
        let (a, b) = ParallelMap.both({ (0..<half).sorted(by: less) }, { (half..<count).sorted(by: less) })
        var merged: [Int] = []
        merged.reserveCapacity(count)
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            // The left half's first on a tie: it came first.
            if less(b[j], a[i]) {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
            }
        }
        merged += a[i...]
        merged += b[j...]
        return merged
    }

    /// Puts `items[order[k]]` at `k`, in place, by following each cycle of the permutation. Elements are
    /// moved, never copied: a copy of a record retained and released its strings, and the records of a
    /// province are permuted in the judge's serial part.
    /// `order` is a permutation of the positions of `items` (``sortedPositions(_:by:)`` makes them).
    static func permute<T>(_ items: inout [T], _ order: [Int]) {
        guard order.count == items.count else { return }
        var placed = [Bool](repeating: false, count: order.count)
        items.withUnsafeMutableBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            for start in order.indices where !placed[start] {
                // Along the cycle through `start`: position k takes the element at order[k]; the element at
                // `start`, taken out first, goes to the cycle's last position.
                let first = (p + start).move()
                var k = start
                while true {
                    placed[k] = true
                    let next = order[k]
                    if next == start {
                        (p + k).initialize(to: first)
                        break
                    }
                    (p + k).moveInitialize(from: p + next, count: 1)
                    k = next
                }
            }
        }
    }
}
