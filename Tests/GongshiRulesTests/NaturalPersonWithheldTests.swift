import GongshiModel
import Testing

@testable import GongshiRules

@Suite("natural-person-withheld")
struct NaturalPersonWithheldTests {
    static let id = IDNumber.make(birth: "19900101", sequence: "123")

    static func person(_ o: [String: String] = [:]) -> [String: String] {
        Row.penalty(
            [
                "行政相对人名称": "张三明", "行政相对人类别": "自然人", "统一社会信用代码": "", "法定代表人": "",
                "证件类型": "身份证", "证件号码": id,
            ].merging(o) { $1 })
    }

    @Test("withhold (the default): an info finding, and the record is withheld")
    func withhold() throws {
        let j = try Fixture(.xzcf, [Self.person()]).judge()
        let f = try #require(j.findings("natural-person-withheld").first)
        #expect(j.ruleIDs == ["natural-person-withheld"])
        #expect(f.severity == .info)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["natural-person-withheld"])
        #expect(j.publication.newEvents.isEmpty)
        #expect(j.findings("due-soon").isEmpty && j.findings("late-disclosure").isEmpty)
    }

    @Test("list entries are records too")
    func listEntry() throws {
        let j = try Fixture(.mingdan, [Row.black(["主体名称": "李四", "主体类别": "自然人", "统一社会信用代码": "", "法定代表人": ""])]).judge()
        #expect(j.ruleIDs == ["natural-person-withheld"])
        #expect(j.publication.listEntries.isEmpty)
    }

    @Test("mask: a natural person's 双公示 record stays withheld (山东省社会信用条例 Art.20)")
    func mask() throws {
        var f = Fixture(.xzcf, [Self.person(["违法事实": "张三明销售过期食品"])])
        f.add(
            .xzxk,
            [
                Row.licence([
                    "行政相对人名称": "张三明", "行政相对人类别": "自然人", "统一社会信用代码": "", "法定代表人": "",
                    "证件号码": Self.id,
                ])
            ])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.ruleIDs == ["natural-person-withheld", "natural-person-withheld"])
        #expect(j.publication.records.isEmpty)
        #expect(j.findings.allSatisfy { $0.withholds && $0.message.contains("第二十条") })
    }

    @Test("mask publishes only the lists of naturalPersonLists (default 失信被执行人)")
    func maskLists() throws {
        let person = ["主体名称": "欧阳娜娜", "主体类别": "自然人", "统一社会信用代码": "", "法定代表人": "", "证件号码": Self.id]
        var f = Fixture(
            .mingdan, [Row.black(person), Row.black(person.merging(["名单名称": "重大税收违法失信主体", "认定部门": "区税务局"]) { $1 })])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        #expect(j.publication.listEntries.map(\.listName) == ["失信被执行人"])
        #expect(j.ruleIDs == ["natural-person-withheld"])
        var g = f
        g.settings =
            Fixture.defaultSettings + "disclosure:\n  naturalPersons: mask\n  naturalPersonLists: [重大税收违法失信主体]\n"
        let k = try g.judge()
        #expect(k.publication.listEntries.map(\.listName) == ["重大税收违法失信主体"])
    }

    @Test("mask: a natural person on a list is published with a masked name")
    func maskList() throws {
        var f = Fixture(
            .mingdan,
            [
                Row.black([
                    "主体名称": "欧阳娜娜", "主体类别": "自然人", "统一社会信用代码": "", "法定代表人": "",
                    "证件号码": Self.id,
                ])
            ])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        let e = try #require(j.publication.listEntries.first)
        #expect(e.entityName == "欧**娜")
        #expect(e.key == personListKey("失信被执行人", "欧阳娜娜", "2026-11-02"))
        #expect(!e.fields.contains { $0.value.contains(Self.id) })
    }

    @Test("个体工商户 are not natural persons")
    func soleProprietor() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["行政相对人名称": "周村区张三明小吃店", "行政相对人类别": "个体工商户", "法定代表人": ""])]).judge()
        #expect(j.findings.isEmpty)
        #expect(j.record(penaltyKey())?.entityName == "周村区张三明小吃店")
    }

    @Test("organisations are not affected")
    func organisation() throws {
        let j = try Fixture(.xzcf, [Row.penalty()]).judge()
        #expect(j.findings("natural-person-withheld").isEmpty)
        #expect(j.record(penaltyKey())?.entityName == "淄博某某食品有限公司")
    }

    @Test("a natural person's 法定代表人证件号码 of an organisation is never published")
    func legalRepresentativeID() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["法定代表人证件类型": "身份证", "法定代表人证件号码": Self.id])]).judge()
        let r = try #require(j.record(penaltyKey()))
        #expect(!r.fields.contains { $0.value.contains(Self.id) })
        #expect(r.field("法定代表人") == "王某")
    }
}
