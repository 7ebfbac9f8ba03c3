import GongshiModel

/// Something a feed can announce, before its item is built: only the newest `feeds.items` of each feed
/// are turned into items.
enum FeedSource: Sendable, Equatable {
    case record(Int)
    case entry(Int)
    case notice(Int)
    case article(Int)
}

/// The newest `limit` of what a feed could announce, gathered one at a time without holding them all
/// (a million records are candidates of the site's feed): by date, then sort key, newest first; ties
/// keep the order they were added in.
struct NewestFeedSources {
    typealias Candidate = (published: LocalDate, sortKey: String, source: FeedSource)
    let limit: Int
    private var held: [Candidate] = []
    /// Once `limit` candidates are held, the date of the oldest of them: anything published before it
    /// cannot be among the newest, and is passed over without reading its key.
    private var floor: LocalDate?

    init(limit: Int) { self.limit = limit }

    mutating func add(_ published: LocalDate, _ sortKey: @autoclosure () -> String, _ source: FeedSource) {
        if let floor, published < floor { return }
        held.append((published, sortKey(), source))
        // Whenever twice the needed are held, the older half goes. The sort is stable.
        if held.count >= 2 * max(limit, 64) {
            held = Array(Self.newest(held, limit))
            if held.count == limit, let last = held.last { floor = last.published }
        }
    }

    /// The newest `limit`, newest first.
    var sources: [FeedSource] { Self.newest(held, limit).map(\.source) }

    private static func newest(_ a: [Candidate], _ limit: Int) -> ArraySlice<Candidate> {
        a.sorted { ($0.published, $0.sortKey) > ($1.published, $1.sortKey) }.prefix(limit)
    }
}
