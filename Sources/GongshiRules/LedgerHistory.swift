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
    /// Shown on the public site after the last event. An 导入 without a digest is a row of `ledger import`
    /// whose record this site withheld that day: the previous system published it, this site has shown
    /// nothing of it yet (nothing to withdraw; when it is shown, that is its 公示 here).
    public var isShown: Bool {
        lastEvent == .published || lastEvent == .updated || (lastEvent == .imported && !lastDigest.isEmpty)
    }
}

/// The ledger folded per key. Events after the build date are ignored, so a build for a past date
/// sees the history as it was.
public struct LedgerHistory: Sendable {
    /// Keys in order of first appearance (for deterministic 撤回 events).
    public private(set) var order: [String] = []
    /// The state of each key of `order`, at the same position.
    private var stateList: [LedgerState] = []
    /// Each key's position in `order`: the judge looks a key up once and then works by position (a
    /// record is asked about by several rules). By ``TextKey``: a `String` key was hashed Unicode-
    /// normalised, a few thousand instructions for a Chinese key, in the judge's serial part too.
    private var positions: [TextKey: Int] = [:]

    /// `aliases` maps keys the ledger may hold to the keys that replaced them (a natural person's list
    /// keys with the full name): their events are folded under the new key.
    public init(events: [LedgerEvent], through date: LocalDate, aliases: [String: String] = [:]) {
        positions.reserveCapacity(events.count)
        // A ledger is appended in date order: folded as it is. One appended out of order is folded
        // chronologically (stable by date).
        if events.indices.dropFirst().allSatisfy({ events[$0 - 1].date <= events[$0].date }) {
            for event in events where event.date <= date { add(LedgerHistory.renamed(event, aliases)) }
        } else {
            let sorted = events.enumerated().filter { $0.element.date <= date }
                .sorted {
                    $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset
                }
            for (_, event) in sorted { add(LedgerHistory.renamed(event, aliases)) }
        }
    }

    private mutating func add(_ e: LedgerEvent) {
        let p: Int
        let key = TextKey(e.key)
        if let known = positions[key] {
            p = known
        } else {
            p = order.count
            positions[key] = p
            order.append(e.key)
            stateList.append(LedgerState(kind: e.kind))
        }
        LedgerHistory.fold(e, into: &stateList[p])
    }

    private static func fold(_ e: LedgerEvent, into s: inout LedgerState) {
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
    }

    public subscript(key: String) -> LedgerState? { positions[TextKey(key)].map { stateList[$0] } }

    /// The position of `key` in ``order`` (nil when the ledger does not know it).
    public func position(of key: String) -> Int? { positions[TextKey(key)] }

    /// The state of the key at `position` in ``order``.
    public func state(at position: Int) -> LedgerState { stateList[position] }

    /// `event` under the key that replaced its key, if any.
    public static func renamed(_ event: LedgerEvent, _ aliases: [String: String]) -> LedgerEvent {
        guard !aliases.isEmpty, let key = aliases[event.key] else { return event }
        return LedgerEvent(date: event.date, event: event.event, kind: event.kind, key: key, digest: event.digest)
    }
}
