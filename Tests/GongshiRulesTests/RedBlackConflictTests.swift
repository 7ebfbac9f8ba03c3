import GongshiModel
import Testing

@testable import GongshiRules

@Suite("red-black-conflict")
struct RedBlackConflictTests {
    let blackKey = listKey("失信被执行人", Fixture.companyA, "2026-11-02")
    let redKey = listKey("纳税信用A级纳税人", Fixture.companyA, "2026-04-01")

    @Test("an entity on an active black list: its red entry is withheld, reported on the red entry")
    func conflict() throws {
        var f = Fixture()
        f.add(.mingdan, [Row.black()], file: "a-black.csv")
        f.add(.mingdan, [Row.red()], file: "b-red.csv")
        let j = try f.judge()
        let c = try #require(j.findings("red-black-conflict").first)
        #expect(j.ruleIDs == ["red-black-conflict"])
        #expect(c.severity == .error)
        #expect(c.file == "Content/mingdan/b-red.csv")
        #expect(c.line == 2)
        #expect(c.key == redKey)
        #expect(c.department == "swj")
        #expect(c.message.contains("失信被执行人"))
        #expect(j.entry(blackKey) != nil)
        #expect(j.entry(redKey) == nil)
        #expect(j.withheld(redKey).map(\.rule) == ["red-black-conflict"])
        #expect(j.publication.newEvents.map(\.key) == [blackKey])
    }

    @Test("several black lists are named in one finding on the red entry")
    func severalBlackLists() throws {
        let j = try Fixture(
            .mingdan, [Row.red(), Row.black(), Row.black(["名单名称": "重大税收违法失信主体", "认定部门": "区税务局", "认定依据": ""])]
        ).judge()
        let found = j.findings("red-black-conflict")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("失信被执行人") == true)
        #expect(found.first?.message.contains("重大税收违法失信主体") == true)
    }

    @Test("a black-list entry under 异议 is not active: no conflict")
    func objection() throws {
        let j = try Fixture(.mingdan, [Row.red(), Row.black(["当前状态": "异议"])]).judge()
        #expect(j.findings("red-black-conflict").isEmpty)
        #expect(j.ruleIDs == ["under-objection"])
        #expect(j.entry(redKey) != nil)
    }

    @Test("a black-list entry removed, expired or not yet listed is not active")
    func inactive() throws {
        for black in [
            Row.black(["移出日期": "2026-11-20"]), Row.black(["有效期至": "2026-11-24"]),
            Row.black(["当前状态": "移出", "状态日期": "2026-11-10"]),
        ] {
            let j = try Fixture(.mingdan, [Row.red(), black]).judge()
            #expect(j.findings("red-black-conflict").isEmpty)
            #expect(j.entry(redKey) != nil)
        }
        let future = try Fixture(.mingdan, [Row.red(), Row.black(["列入日期": "2026-11-30"])]).judge()
        #expect(future.findings("red-black-conflict").isEmpty)
        #expect(future.entry(redKey) != nil)
    }

    @Test("different entities do not conflict")
    func otherEntity() throws {
        let j = try Fixture(.mingdan, [Row.red(), Row.black(["统一社会信用代码": Fixture.companyC, "主体名称": "另一公司"])]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.publication.listEntries.count == 2)
    }

    @Test("an entity without code is matched by name")
    func byName() throws {
        let sole: [String: String] = [
            "主体名称": "周村区某某小吃店", "主体类别": "个体工商户", "统一社会信用代码": "00000000000000000X", "法定代表人": "",
        ]
        let j = try Fixture(.mingdan, [Row.red(sole), Row.black(sole)]).judge()
        #expect(j.ruleIDs == ["red-black-conflict"])
        #expect(j.findings.first?.key == listKey("纳税信用A级纳税人", "周村区某某小吃店", "2026-04-01"))
    }

    @Test("two red entries and no black: no conflict")
    func onlyRed() throws {
        let j = try Fixture(.mingdan, [Row.red(), Row.red(["名单名称": "守合同重信用企业", "列入日期": "2026-05-01"])]).judge()
        #expect(j.findings.isEmpty)
    }
}
