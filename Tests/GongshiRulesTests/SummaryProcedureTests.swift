import GongshiModel
import Testing

@testable import GongshiRules

@Suite("summary-procedure")
struct SummaryProcedureTests {
    @Test("a penalty marked 简易程序 in 备注 is withheld with an info finding on its row")
    func marked() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["备注": "简易程序（当场处罚）"])]).judge()
        let f = try #require(j.findings("summary-procedure").first)
        #expect(j.ruleIDs == ["summary-procedure"])
        #expect(f.severity == .info)
        #expect(f.line == 2)
        #expect(f.message.contains("备注"))
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["summary-procedure"])
    }

    @Test("当场处罚 in 处罚内容 is the same")
    func onTheSpot() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚内容": "当场处罚，罚款人民币200元"])]).judge()
        #expect(j.ruleIDs == ["summary-procedure"])
    }

    @Test("当场罚款 and 当场作出行政处罚决定, the law's own words for it, are the same")
    func lawsWords() throws {
        for content in ["当场罚款人民币200元", "依照《中华人民共和国行政处罚法》第五十一条当场作出行政处罚决定"] {
            let j = try Fixture(.xzcf, [Row.penalty(["处罚内容": content])]).judge()
            #expect(j.ruleIDs == ["summary-procedure"], "\(content)")
            #expect(j.publication.records.isEmpty)
        }
    }

    @Test("a denial, or no mention, publishes the penalty")
    func denied() throws {
        for remark in [
            "不适用简易程序", "非简易程序案件", "普通程序", "简易程序转为普通程序", "程序：一般程序；简易程序不适用", "",
            "不按简易程序办理", "本案未按简易程序处理，适用普通程序", "未采用当场处罚", "不适用当场罚款",
        ] {
            let j = try Fixture(.xzcf, [Row.penalty(["备注": remark])]).judge()
            #expect(j.findings("summary-procedure").isEmpty, "\(remark)")
            #expect(j.publication.records.count == 1)
        }
        #expect(SummaryProcedure.saysSummary("非简易程序；复核后改为简易程序", "简易程序"))
    }

    @Test("licences are not penalties")
    func licence() throws {
        let j = try Fixture(.xzxk, [Row.licence(["备注": "简易程序"])]).judge()
        #expect(j.findings("summary-procedure").isEmpty)
    }
}
