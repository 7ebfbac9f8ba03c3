import GongshiModel
import Testing

@testable import GongshiSite

/// A feed keeps only its newest items, gathered without holding every candidate: the result must be
/// that of sorting them all.
@Suite("NewestFeedSources")
struct NewestFeedSourcesTests {
    /// The newest `limit` of `candidates` by sorting them all (stable: ties in the order given).
    static func reference(_ candidates: [(LocalDate, String, FeedSource)], limit: Int) -> [FeedSource] {
        Array(candidates.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.prefix(limit).map(\.2))
    }

    @Test("the newest of many, with ties of date and of key, as a full sort gives", arguments: [0, 1, 20, 100])
    func sameAsFullSort(limit: Int) {
        var rng = CompiledTemplateTests.Seeded(state: UInt64(limit) + 7)
        let start = LocalDate(year: 2026, month: 1, day: 1)!
        var candidates: [(LocalDate, String, FeedSource)] = []
        for i in 0..<5000 {
            // Few dates and keys, so that ties are common; the dates rise on the whole, as records do.
            let date = start.adding(days: Int(rng.next() % 40) + i / 200)
            let key = "k\(rng.next() % 300)"
            candidates.append((date, key, i % 3 == 0 ? .entry(i) : .record(i)))
        }
        var top = NewestFeedSources(limit: limit)
        for (d, k, s) in candidates { top.add(d, k, s) }
        #expect(top.sources == Self.reference(candidates, limit: limit))
    }

    @Test("a candidate older than the newest already held is passed over without its key")
    func olderSkipped() {
        var top = NewestFeedSources(limit: 2)
        let day = LocalDate(year: 2026, month: 11, day: 20)!
        for i in 0..<128 { top.add(day, "b\(i)", .record(i)) }
        var keysRead = 0
        top.add(
            day.adding(days: -1),
            {
                keysRead += 1
                return "z"
            }(), .record(999))
        #expect(keysRead == 0)
        top.add(
            day,
            {
                keysRead += 1
                return "zz"
            }(), .record(1000))
        #expect(keysRead == 1)
        #expect(top.sources == [.record(1000), .record(99)])
    }
}
