import GongshiModel
import Testing

@testable import GongshiRules

@Suite("unknown-department")
struct UnknownDepartmentTests {
    @Test("an authority not in departments.csv withholds the record; department is empty")
    func unknown() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚机关": "周村区市场监督管理局", "处罚机关统一社会信用代码": Fixture.companyC])]).judge()
        let f = try #require(j.findings("unknown-department").first)
        #expect(j.ruleIDs == ["unknown-department"])
        #expect(f.severity == .error)
        #expect(f.line == 2)
        #expect(f.department == "")
        #expect(f.key == penaltyKey(authority: "周村区市场监督管理局"))
        #expect(f.message.contains("周村区市场监督管理局"))
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.first?.department == "")
    }

    @Test("an authority is matched by its 统一社会信用代码 when the name differs")
    func byCode() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚机关": "周村区市场监督管理局"])]).judge()
        #expect(j.findings.isEmpty)
        let r = try #require(j.record(penaltyKey(authority: "周村区市场监督管理局")))
        #expect(r.department.code == "scjgj")
        #expect(r.id.hasPrefix("scjgj-"))
    }

    @Test("a list's 认定部门 is matched by name")
    func list() throws {
        let j = try Fixture(.mingdan, [Row.black(["认定部门": "周村区人民法院"])]).judge()
        #expect(j.ruleIDs == ["unknown-department"])
        let ok = try Fixture(.mingdan, [Row.black()]).judge()
        #expect(ok.findings.isEmpty)
        #expect(ok.publication.listEntries.first?.department.code == "fy")
    }

    @Test("without departments.csv every record's authority is unknown")
    func noRegistry() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.departments = ""
        let j = try f.judge()
        #expect(j.findings("unknown-department").count == 1)
        #expect(j.publication.records.isEmpty)
    }

    @Test("a licence's authority")
    func licence() throws {
        let j = try Fixture(.xzxk, [Row.licence(["许可机关": "区卫健局", "许可机关统一社会信用代码": Fixture.companyB])]).judge()
        #expect(j.ruleIDs == ["unknown-department"])
        #expect(try Fixture(.xzxk, [Row.licence()]).judge().findings.isEmpty)
    }
}
