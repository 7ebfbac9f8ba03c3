import Testing

@testable import GongshiSite

@Suite("Statistics: medians, rates and their formatting")
struct StatisticsTests {
    static func figures(_ days: [Int]) -> DepartmentFigures {
        var f = DepartmentFigures(code: "x", name: "部门")
        f.days = days
        return f
    }

    @Test func theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        #expect(Self.figures([]).median == nil)
        #expect(Self.figures([4]).median == 4)
        #expect(Self.figures([9, 1, 5]).median == 5)
        #expect(Self.figures([1, 2, 3, 10]).median == 2.5)
        #expect(Self.figures([7, 7, 0, 0]).median == 3.5)
        // Order of arrival does not matter.
        #expect(Self.figures([10, 3, 2, 1]).median == Self.figures([1, 2, 3, 10]).median)
    }

    @Test func theOnTimeRateCountsOnlyJudgedDecisions() {
        var f = Self.figures([])
        #expect(f.rate == nil)
        f.onTime = 7
        f.late = 1
        f.notJudged = 5
        #expect(f.rate == 0.875)
        f.licences = 3
        f.penalties = 10
        #expect(f.published == 13)
    }

    @Test func figuresAreShownWithOneDecimalAtMost() {
        #expect(Statistics.number(nil) == "—")
        #expect(Statistics.number(2) == "2")
        #expect(Statistics.number(2.5) == "2.5")
        #expect(Statistics.percent(nil) == "—")
        #expect(Statistics.percent(0.875) == "87.5%")
        #expect(Statistics.percent(1) == "100.0%")
    }

    @Test func theStatisticsPageShowsADepartmentsMedian() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty("甲公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", date: "2026-11-02"),
            SiteFixture.penalty("乙公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号", date: "2026-11-20"),
        ]
        let sink = try f.render()
        let json = sink.json("tongji/stats.json") as? [String: Any]
        let total = json?["合计"] as? [String: Any]
        #expect(total?["公示中的决定"] as? Int == 2)
        // Both first published on the build date: 17 and 3 working days after their decisions.
        let median = total?["公示用时中位数（工作日）"] as? Double
        #expect(median == 10)
        #expect(sink.text("tongji/index.html")?.contains("区市场监管局") == true)
        // Entries per department, entities per list: the page says which it counts.
        #expect(sink.text("tongji/index.html")?.contains("<th scope=\"col\" class=\"num\">名单条目</th>") == true)
        #expect(sink.text("tongji/index.html")?.contains("在此计为一个主体") == true)
    }

    @Test func theMonthlyFiguresKeepUnjudgedDecisionsApartFromLateOnes() throws {
        var f = SiteFixture()
        // Decided in December 2026 and first published in January 2027, for which the site has no calendar.
        f.penalties = [
            SiteFixture.penalty("甲公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", date: "2026-12-28")
        ]
        let sink = try f.render(date: "2027-01-04")
        let json = sink.json("tongji/stats.json") as? [String: Any]
        let months = json?["月度"] as? [[String: Any]]
        let january = months?.first { $0["月份"] as? String == "2027-01" }
        #expect(january?["首次公示"] as? Int == 1)
        #expect(january?["按时公示"] as? Int == 0)
        #expect(january?["逾期公示"] as? Int == 0)
        #expect(january?["未评价时效"] as? Int == 1)
        let page = sink.text("tongji/index.html") ?? ""
        #expect(page.contains("灰色为未评价时效"))
        #expect(page.contains("class=\"bar-unjudged\""))
        #expect(
            page.contains(
                "<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"))
    }

    @Test func aSiteWithEveryDecisionJudgedShowsNoUnjudgedColumn() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty("甲公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", date: "2026-11-20")
        ]
        let page = try f.render().text("tongji/index.html") ?? ""
        #expect(!page.contains("未评价</th>") && !page.contains("bar-unjudged"))
        // The monthly figures are of what is still public, and the page says so: they shrink as
        // decisions are withdrawn, repaired or end their publicity.
        #expect(page.contains("近12个月首次公示、仍在公示的决定数"))
        #expect(page.contains("较早月份的数字因此会逐渐减少"))
    }
}
