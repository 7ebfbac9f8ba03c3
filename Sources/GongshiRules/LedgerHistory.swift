import GongshiModel

/// What the ledger says about one record key, up to the build date.
public struct LedgerState: Sendable {
    public var firstPublished: LocalDate?
    public var lastUpdated: LocalDate?
    public var lastDigest: String = ""
    public var lastEvent: LedgerEvent.Kind?
    public var lastWithdrawn: LocalDate?
    public var kind: RecordKind
    /// The first publication is known only from an 导入 event (a previous system published it).
    public var firstImported = false
    /// Shown on the public site after the last event.
    public var isShown: Bool { lastEvent == .published || lastEvent == .updated || lastEvent == .imported }
}

/// The ledger folded per key. Events after the build date are ignored, so a build for a past date
/// sees the history as it was.
public struct LedgerHistory: Sendable {
    public private(set) var states: [String: LedgerState] = [:]
    /// Keys in order of first appearance (for deterministic 撤回 events).
    public private(set) var order: [String] = []

    /// `aliases` maps keys the ledger may hold to the keys that replaced them (a natural person's list
    /// keys with the full name): their events are folded under the new key.
    public init(events: [LedgerEvent], through date: LocalDate, aliases: [String: String] = [:]) {
        // Stable by date: a ledger appended out of order still folds chronologically.
        let sorted = events.enumerated().filter { $0.element.date <= date }
            .sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }
        for (_, event) in sorted {
            let e = LedgerHistory.renamed(event, aliases)
            var s =
                states[e.key]
                ?? {
                    order.append(e.key)
                    return LedgerState(kind: e.kind)
                }()
            switch e.event {
            case .published:
                if s.firstPublished == nil { s.firstPublished = e.date }
            case .imported:
                if s.firstPublished == nil {
                    s.firstPublished = e.date
                    s.firstImported = true
                }
            case .updated:
                s.lastUpdated = e.date
            case .withdrawn:
                s.lastWithdrawn = e.date
            }
            s.lastEvent = e.event
            if !e.digest.isEmpty { s.lastDigest = e.digest }
            states[e.key] = s
        }
    }

    public subscript(key: String) -> LedgerState? { states[key] }

    /// `event` under the key that replaced its key, if any.
    public static func renamed(_ event: LedgerEvent, _ aliases: [String: String]) -> LedgerEvent {
        guard let key = aliases[event.key] else { return event }
        return LedgerEvent(date: event.date, event: event.event, kind: event.kind, key: key, digest: event.digest)
    }
}
