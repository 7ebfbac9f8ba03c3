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

    static func of(_ verdicts: Verdicts, history: LedgerHistory, date: LocalDate) -> [LedgerEvent] {
        var day = DayEvents(history: history, date: date, isPublic: Array(repeating: false, count: history.order.count))
        // By position: a record taken out of the array whole was copied, its strings retained and released.
        let records = verdicts.records
        for (i, position) in verdicts.recordPositions.enumerated() {
            day.publish(
                records[i].kind, records[i].key, records[i].digest, at: position, previous: records[i].previousSystem)
        }
        let entries = verdicts.entries
        for i in entries.indices {
            day.publish(
                .mingdan, entries[i].key, entries[i].digest, at: history.position(of: entries[i].key),
                previous: entries[i].previousSystem)
        }
        day.withdrawTheRest()
        for n in verdicts.notices { day.recordNotice(n) }
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
        if s.lastDigest != digest {
            events.append(LedgerEvent(date: date, event: .updated, kind: kind, key: key, digest: digest))
        }
    }

    /// 撤回 for a withdrawal notice whose record was not shown until now (revoked before this site first
    /// showed it): the notice goes up today, and the ledger dates it once, for its feed item and for
    /// `late-withdrawal` (SPEC §7: the withdrawal date is the ledger's 撤回), instead of each build's date.
    private mutating func recordNotice(_ n: WithdrawalNotice) {
        if let position = history.position(of: n.key) {
            let s = history.state(at: position)
            guard !s.isShown, s.lastEvent != .withdrawn else { return }
        }
        events.append(LedgerEvent(date: date, event: .withdrawn, kind: n.kind, key: n.key, digest: n.digest))
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
