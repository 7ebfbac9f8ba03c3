import Foundation
import GongshiModel
import Testing

@testable import GongshiSite

/// A decision put under objection shows 异议处理中 in its feed items from its 状态日期; the ledger records
/// no 更新 for a status change, so the items' updated date comes from the objection.
@Suite("Feed items: the date an objection began")
struct ObjectionFeedDateTests {
    static func day(_ s: String) -> LocalDate { LocalDate(parsing: s)! }

    @Test func anObjectionAfterTheLastUpdateDatesTheItem() {
        #expect(
            Feeds.updated(Self.day("2026-11-02"), underObjection: true, since: "2026-11-20") == Self.day("2026-11-20"))
    }

    @Test func otherwiseTheLastUpdateStays() {
        let last = Self.day("2026-11-20")
        #expect(Feeds.updated(last, underObjection: true, since: "2026-11-10") == last)
        #expect(Feeds.updated(last, underObjection: false, since: "2026-11-24") == last)
        #expect(Feeds.updated(last, underObjection: true, since: "") == last)
    }

    @Test func aPenaltyUnderObjectionIsUpdatedInEveryFeedOnItsStatusDate() throws {
        var f = SiteFixture()
        f.penaltyHeader += ",当前状态,状态日期,状态说明"
        f.penalties = [
            SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", date: "2026-11-02")
                + ",,,"
        ]
        var built = try f.published(on: "2026-11-04")
        built.penalties = [
            SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", date: "2026-11-02")
                + ",异议,2026-11-20,当事人提出异议，正在核实"
        ]
        let sink = try built.render(date: "2026-11-25")
        #expect(built.ledger.map(\.event) == [.published])
        for feed in ["atom.xml", "xzcf/atom.xml", "bumen/scjgj/atom.xml", "zhuti/913703061912261243/atom.xml"] {
            let atom = try #require(sink.text(feed), "\(feed)")
            #expect(atom.contains("异议处理中"), "\(feed)")
            #expect(atom.contains("<published>2026-11-04T00:00:00+08:00</published>"), "\(feed)")
            #expect(atom.contains("<updated>2026-11-20T00:00:00+08:00</updated>"), "\(feed)")
        }
        let json = try #require(sink.json("xzcf/feed.json") as? [String: Any])
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(item["date_modified"] as? String == "2026-11-20T00:00:00+08:00")
    }
}
