import Foundation
import Testing

@testable import GongshiSite

/// An empty 当前状态 is 正常 (SPEC §8.2): the open data says so, as it does for the code 0.
@Suite("Open data: 当前状态")
struct OpenDataStatusTests {
    @Test func anEmptyStatusIsWrittenNormalInEveryFormat() throws {
        var f = SiteFixture()
        f.penaltyHeader += ",当前状态,状态日期,状态说明"
        f.penalties = [
            SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号") + ",,,",
            SiteFixture.penalty("淄博周村腾威货运有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号") + ",0,,",
        ]
        let sink = try f.render()
        let rows = sink.json("data/xzcf.json") as? [[String: Any]] ?? []
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["当前状态"] as? String == "正常" }, "\(rows)")
        let csv = sink.text("data/xzcf.csv") ?? ""
        #expect(csv.components(separatedBy: ",正常,").count - 1 == 2, "\(csv)")
    }

    @Test func aGivenStatusIsKept() {
        #expect(Renderer.statusShown(["a", "", "b"], at: 1) == ["a", "正常", "b"])
        #expect(Renderer.statusShown(["a", "异议", "b"], at: 1) == ["a", "异议", "b"])
        #expect(Renderer.statusShown(["a", ""], at: nil) == ["a", ""])
    }
}
