/// A shard of the search index made from the previous build's (``SearchPlanCache``) instead of from
/// every document: its postings moved to the documents' new positions, the removed documents dropped,
/// the added documents' tokens merged in. The result is the shard a plan from scratch makes.
extension SearchShard {
    init(tokens: [String], hashes: [UInt32], starts: [Int32], documents: [Int32]) {
        self.tokens = tokens
        self.hashes = hashes
        self.starts = starts
        self.documents = documents
    }

    /// - Parameters:
    ///   - old: the previous plan's shard, its postings positions in the previous order of documents.
    ///   - moved: each previous document's position now, -1 when it is gone (increasing where kept:
    ///     the order of documents is their content's, see ``SearchDocumentMatch``).
    ///   - added: the tokens of the documents that are new, at their positions now, in document order.
    init(_ shard: Int, merging old: SearchShard, moved: [Int32], added: [SearchPairs]) {
        let fresh = SearchShard(shard, added)
        var tokens: [String] = []
        var hashes: [UInt32] = []
        var starts: [Int32] = [0]
        var documents: [Int32] = []
        tokens.reserveCapacity(old.count + fresh.count)
        hashes.reserveCapacity(old.count + fresh.count)
        starts.reserveCapacity(old.count + fresh.count + 1)
        documents.reserveCapacity(old.documents.count + fresh.documents.count)
        var kept: [Int32] = []
        var (i, j) = (0, 0)
        while i < old.count || j < fresh.count {
            let order = i == old.count ? 1 : j == fresh.count ? -1 : ByteOrder.compare(old.tokens[i], fresh.tokens[j])
            let before = documents.count
            if order < 0 {
                for d in old.postings(i) where moved[Int(d)] >= 0 { documents.append(moved[Int(d)]) }
            } else if order > 0 {
                documents += fresh.postings(j)
            } else {
                // Both ascending: merged in order.
                kept.removeAll(keepingCapacity: true)
                for d in old.postings(i) where moved[Int(d)] >= 0 { kept.append(moved[Int(d)]) }
                var k = 0
                for d in fresh.postings(j) {
                    while k < kept.count && kept[k] < d {
                        documents.append(kept[k])
                        k += 1
                    }
                    documents.append(d)
                }
                documents += kept[k...]
            }
            if documents.count > before {
                tokens.append(order <= 0 ? old.tokens[i] : fresh.tokens[j])
                hashes.append(order <= 0 ? old.hashes[i] : fresh.hashes[j])
                starts.append(Int32(documents.count))
            }
            if order <= 0 { i += 1 }
            if order >= 0 { j += 1 }
        }
        self.init(tokens: tokens, hashes: hashes, starts: starts, documents: documents)
    }
}

/// The documents of this build matched with the previous plan's by their keys.
struct SearchDocumentMatch {
    /// Each previous document's position now, -1 when it is gone.
    let moved: [Int32]
    /// The positions of the documents the previous plan does not have, ascending.
    let added: [Int]

    /// Nil when the two cannot be matched so (a key listed twice, or kept documents in another order
    /// than before): the plan is then made from scratch.
    init?(previous: [Fingerprint], now: [Fingerprint]) {
        var at: [Fingerprint: Int32] = [:]
        at.reserveCapacity(previous.count)
        for (i, k) in previous.enumerated() {
            guard at.updateValue(Int32(i), forKey: k) == nil else { return nil }
        }
        var moved = [Int32](repeating: -1, count: previous.count)
        var added: [Int] = []
        var last: Int32 = -1
        for (n, k) in now.enumerated() {
            guard let o = at[k] else {
                added.append(n)
                continue
            }
            guard o > last else { return nil }
            moved[Int(o)] = Int32(n)
            last = o
        }
        self.moved = moved
        self.added = added
    }

    /// Whether the documents are the previous plan's, in the same order.
    var unchanged: Bool { added.isEmpty && !moved.enumerated().contains { $0.offset != Int($0.element) } }
}
