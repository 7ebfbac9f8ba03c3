import GongshiModel
import Testing

@testable import GongshiRules

@Suite("authority-code")
struct AuthorityCodeTests {
    @Test("an invalid authority code warns, the record is published")
    func invalid() throws {
        for code in ["11370306004310380X", "1.137E+17"] {
            let j = try Fixture(.xzcf, [Row.penalty(["处罚机关统一社会信用代码": code])]).judge()
            let f = try #require(j.findings("authority-code").first, "\(code)")
            #expect(f.severity == .warning && f.line == 2)
            #expect(f.message.contains(code))
            #expect(j.publication.records.count == 1)
            // The department's code from departments.csv is published in its place, and said once.
            #expect(j.publication.records.first?.field("处罚机关统一社会信用代码") == Fixture.scjgjCode)
            #expect(f.message.contains("公开时按 departments.csv 中「区市场监管局」的代码 \(Fixture.scjgjCode) 显示"))
            #expect(j.findings("missing-field").isEmpty)
        }
        let sci = try Fixture(.xzcf, [Row.penalty(["处罚机关统一社会信用代码": "1.137E+17"])]).judge()
        #expect(sci.findings("authority-code").first?.message.contains("科学计数法") == true)
    }

    @Test("an invalid data-source code warns and is not published; a valid one is")
    func dataSourceCode() throws {
        let row = Row.penalty(["数据来源单位": "区市场监管局", "数据来源单位统一社会信用代码": "1.13700000004E+17"])
        let j = try Fixture(.xzcf, [row]).judge()
        let f = try #require(j.findings("authority-code").first)
        #expect(f.message.hasPrefix("「数据来源单位统一社会信用代码」1.13700000004E+17 无效") && f.message.contains("未公示"))
        #expect(j.publication.records.first?.field("数据来源单位统一社会信用代码") == "")
        let valid = Row.penalty(["数据来源单位统一社会信用代码": Fixture.scjgjCode])
        let k = try Fixture(.xzcf, [valid]).judge()
        #expect(k.findings("authority-code").isEmpty)
        #expect(k.publication.records.first?.field("数据来源单位统一社会信用代码") == Fixture.scjgjCode)
        // A list entry's too.
        let l = try Fixture(.mingdan, [Row.black(["数据来源单位统一社会信用代码": "1.13700000004E+17"])]).judge()
        #expect(l.findings("authority-code").count == 1)
        let e = try #require(l.publication.listEntries.first)
        #expect(!e.fields.contains { $0.value.contains("E+17") })
    }

    @Test("another department's valid code under this department's name warns")
    func otherDepartments() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚机关统一社会信用代码": "113703060043118692"])]).judge()
        let f = try #require(j.findings("authority-code").first)
        #expect(f.message.contains(Fixture.scjgjCode))
    }

    @Test("the department's own code, an empty one and the no-code placeholder are quiet")
    func quiet() throws {
        for code in [Fixture.scjgjCode, "", UnifiedSocialCreditCode.none] {
            let j = try Fixture(.xzcf, [Row.penalty(["处罚机关统一社会信用代码": code])]).judge()
            #expect(j.findings("authority-code").isEmpty, "\(code)")
        }
    }
}
