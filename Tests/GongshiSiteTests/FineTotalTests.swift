import Foundation
import Testing

@testable import GongshiSite

@Suite("Statistics: fines by 处罚类别 and 违法行为类型")
struct FineTotalTests {
    @Test func amountsAreReadAsDecimals() {
        #expect(FineTotals.parse("0.5") == Decimal(string: "0.5"))
        #expect(FineTotals.parse("1,000.25") == Decimal(string: "1000.25"))
        #expect(FineTotals.parse("五千元") == nil)
        #expect(FineTotals.parse("1.2.3") == nil)
        #expect(FineTotals.format(Decimal(string: "0.1")! + Decimal(string: "0.2")!) == "0.3")
        #expect(FineTotals.format(Decimal(string: "1200")!) == "1200")
        #expect(FineTotals.format(Decimal(string: "0.123456")!) == "0.1235")
    }

    @Test func statsJSONAndPageCarryTheTotals() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty(
                "淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号",
                category: "罚款；没收违法所得", amount: "0.5"),
            SiteFixture.penalty(
                "淄博周村腾威货运有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号",
                category: "罚款", amount: "0.02"),
            SiteFixture.penalty(
                "淄博周村峰荣建筑安装有限公司", code: "91370306178951671P", number: "周市监罚〔2026〕3号",
                type: "不按规定明码标价", category: "警告", amount: ""),
        ]
        let sink = try f.render()
        let stats = sink.json("tongji/stats.json") as? [String: Any]
        let fines = stats?["罚款金额"] as? [String: Any]
        let total = fines?["合计"] as? [String: Any]
        #expect(total?["罚款金额（万元）"] as? Double == 0.52)
        #expect(total?["决定数"] as? Int == 3)
        #expect(total?["罚款决定数"] as? Int == 2)
        let byCategory = fines?["按处罚类别"] as? [[String: Any]] ?? []
        let fine = byCategory.first { $0["处罚类别"] as? String == "罚款" }
        #expect(fine?["罚款金额（万元）"] as? Double == 0.52)
        #expect(byCategory.first { $0["处罚类别"] as? String == "没收违法所得" }?["罚款金额（万元）"] as? Double == 0.5)
        let byType = fines?["按违法行为类型"] as? [[String: Any]] ?? []
        #expect(byType.first { $0["违法行为类型"] as? String == "经营超过保质期的食品" }?["决定数"] as? Int == 2)
        #expect(byType.first { $0["违法行为类型"] as? String == "不按规定明码标价" }?["罚款金额（万元）"] as? Double == 0)
        let page = sink.text("tongji/index.html") ?? ""
        #expect(page.contains("罚款金额合计 <strong>0.52 万元</strong>"))
        #expect(
            page.contains(
                "<tr><th scope=\"row\">罚款</th><td class=\"num\">0.52</td><td class=\"num\">0</td><td class=\"num\">2</td><td class=\"num\">2</td></tr>"
            ))
        #expect(!page.contains("未计入"))
    }

    /// A row 没收违法所得 showing only the fines of its decisions was read as the sum confiscated.
    @Test func confiscationsHaveTheirOwnColumn() throws {
        var f = SiteFixture()
        f.penaltyHeader += ",没收违法所得、没收非法财物的金额（万元）"
        f.penalties = [
            SiteFixture.penalty(
                "淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号",
                category: "罚款；没收违法所得", amount: "20") + ",0.35",
            SiteFixture.penalty(
                "淄博周村腾威货运有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号",
                category: "没收违法所得", amount: "") + ",0.1",
        ]
        let sink = try f.render()
        let fines = (sink.json("tongji/stats.json") as? [String: Any])?["罚款金额"] as? [String: Any]
        let byCategory = fines?["按处罚类别"] as? [[String: Any]] ?? []
        let row = byCategory.first { $0["处罚类别"] as? String == "没收违法所得" }
        #expect(row?["罚款金额（万元）"] as? Double == 20)
        #expect(row?["没收违法所得、没收非法财物的金额（万元）"] as? Double == 0.45)
        let page = sink.text("tongji/index.html") ?? ""
        #expect(page.contains("没收违法所得、没收非法财物的金额合计 <strong>0.45 万元</strong>"))
        #expect(
            page.contains(
                "<tr><th scope=\"row\">没收违法所得</th><td class=\"num\">20</td><td class=\"num\">0.45</td>"))
    }
}
