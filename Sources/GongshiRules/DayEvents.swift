import GongshiModel

/// The ledger events of a build date: 公示 (导入 for what the previous system published, SPEC §8.3) for
/// what becomes public, 更新 for what is shown otherwise than last recorded, 撤回 for what no longer is;
/// in the ledger's order (``JudgeOrder/sortEvents(_:)``).
struct DayEvents {
    private let history: LedgerHistory
    private let date: LocalDate
    private(set) var events: [LedgerEvent] = []
    /// Whether each key of the ledger history is public today (by position: no key is hashed again).
    private var isPublic: [Bool]

    static func of(_ verdicts: Verdicts, history: LedgerHistory, date: LocalDate, adoptedOn: LocalDate?)
        -> [LedgerEvent]
    {
        var day = DayEvents(history: history, date: date, isPublic: Array(repeating: false, count: history.order.count))
        for (r, position) in zip(verdicts.records, verdicts.recordPositions) {
            day.publish(r.kind, r.key, r.digest, at: position, previous: r.previousSystem)
        }
        for e in verdicts.entries {
            day.publish(
                .mingdan, e.key, e.digest, at: history.position(of: e.key),
                previous: adoptedOn.map { e.listedOn < $0 } ?? false)
        }
        day.withdrawTheRest()
        JudgeOrder.sortEvents(&day.events)
        return day.events
    }

    /// `previous`: published by the system this site took over from: recorded as 导入.
    private mutating func publish(
        _ kind: RecordKind, _ key: String, _ digest: String, at position: Int?, previous: Bool
    ) {
        guard let position else {
            let event: LedgerEvent.Kind = previous ? .imported : .published
            events.append(LedgerEvent(date: date, event: event, kind: kind, key: key, digest: digest))
            return
        }
        isPublic[position] = true
        let s = history.state(at: position)
        guard s.isShown else {
            events.append(LedgerEvent(date: date, event: .published, kind: kind, key: key, digest: digest))
            return
        }
        // An 导入 without a digest (a row of `ledger import` not public then) adopts what is shown.
        if s.lastDigest != digest && !(s.lastEvent == .imported && s.lastDigest.isEmpty) {
            events.append(LedgerEvent(date: date, event: .updated, kind: kind, key: key, digest: digest))
        }
    }

    /// 撤回 for every key shown until now and not public today.
    private mutating func withdrawTheRest() {
        for (position, key) in history.order.enumerated() where !isPublic[position] {
            let s = history.state(at: position)
            guard s.isShown else { continue }
            events.append(LedgerEvent(date: date, event: .withdrawn, kind: s.kind, key: key, digest: s.lastDigest))
        }
    }
}
