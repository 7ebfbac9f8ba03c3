import Foundation
import Testing

/// A department clerk's view of `gongshi check`: named by 编码, 名称 or alias, errors first, one level.
@Suite("gongshi check for one department")
struct DepartmentViewTests {
    typealias Report = CheckReportJSON

    /// The basic fixture with an alias for 区市场监管局, used by one penalty as its 处罚机关.
    func siteWithAlias() throws -> String {
        let site = try Gongshi.site("basic")
        let depts = """
            编码,名称,统一社会信用代码,网站,别名
            fgj,区发改局,11370306004000016F,,
            scjgj,区市场监管局,11370306004000024A,https://scjgj.test.example/,淄博市周村区市场监督管理局；周村区市场监管局
            swj,区税务局,113703060040000325,,

            """
        try depts.write(toFile: site + "/Content/departments.csv", atomically: true, encoding: .utf8)
        let path = site + "/Content/xzcf/2026-11.csv"
        let csv = Gongshi.read(path).replacingOccurrences(of: "2026-11-03,区市场监管局,", with: "2026-11-03,淄博市周村区市场监督管理局,")
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return site
    }

    func check(_ site: String, _ extra: [String]) throws -> (Int32, Report) {
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"] + extra)
        return (r.status, try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8)))
    }

    @Test func aliasAttributesRecordsAndNamesTheDepartment() throws {
        let site = try siteWithAlias()
        let (_, all) = try check(site, [])
        #expect(!all.findings.contains { $0.rule == "unknown-department" })
        // The ledger knows the decision under the department's name: it keeps that key (respelt-decision).
        let keptKey = "xzcf:区市场监管局:周市监罚〔2026〕7号"
        #expect(
            all.findings.contains { $0.rule == "respelt-decision" && $0.key == keptKey && $0.department == "scjgj" })
        let (_, byCode) = try check(site, ["--department", "scjgj"])
        let (_, byName) = try check(site, ["--department", "区市场监管局"])
        let (_, byAlias) = try check(site, ["--department", "淄博市周村区市场监督管理局"])
        #expect(!byCode.findings.isEmpty)
        #expect(byCode.findings.allSatisfy { $0.department == "scjgj" })
        #expect(byName.findings.map(\.key) == byCode.findings.map(\.key))
        #expect(byAlias.findings.map(\.key) == byCode.findings.map(\.key))
    }

    @Test func unknownDepartmentIsAChineseErrorWithStatus2() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--department", "不存在的局"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("「不存在的局」"))
        #expect(r.stderr.contains("scjgj（区市场监管局）"))
    }

    @Test func severityShowsOnlyThatLevelAndWorse() throws {
        let site = try Gongshi.site("basic")
        let (status, errors) = try check(site, ["--severity", "error"])
        #expect(status == 1)
        #expect(!errors.findings.isEmpty)
        #expect(errors.findings.allSatisfy { $0.severity == "error" })
        #expect(errors.summary.warnings == 0 && errors.summary.infos == 0)
        let (_, warnings) = try check(site, ["--severity", "warning"])
        #expect(warnings.findings.contains { $0.severity == "warning" })
        #expect(!warnings.findings.contains { $0.severity == "info" })
        let (_, all) = try check(site, [])
        #expect(all.findings.count > warnings.findings.count)
    }

    @Test func textReportPutsErrorsFirst() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25"])
        let text = r.stdout
        guard let errors = text.range(of: "━━ 错误"), let warnings = text.range(of: "━━ 警告"),
            let infos = text.range(of: "━━ 提示")
        else {
            Issue.record("missing a severity heading in:\n\(text)")
            return
        }
        #expect(errors.lowerBound < warnings.lowerBound)
        #expect(warnings.lowerBound < infos.lowerBound)
    }

    /// A clerk's broken export: a header the standard does not know (处罚机关名称) makes every row lack
    /// its authority, so no row has a department; and a second file names the authority differently.
    func siteWithBrokenExports() throws -> String {
        let site = try Gongshi.site("basic")
        let broken = """
            行政相对人名称,行政相对人类别,统一社会信用代码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,处罚决定日期,处罚机关名称
            周村测试丙商贸有限公司,法人及非法人组织,91370306MA3C10025Q,周市监罚〔2026〕30号,违规,事实,依据,罚款,罚款1000元,2026-11-20,区市场监管局

            """
        try broken.write(toFile: site + "/Content/xzcf/区市场监管局-2026-11-daochu.csv", atomically: true, encoding: .utf8)
        let renamed = """
            行政相对人名称,行政相对人类别,统一社会信用代码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,处罚决定日期,处罚机关
            周村测试丁商贸有限公司,法人及非法人组织,91370306MA3C10033K,周市监罚〔2026〕31号,违规,事实,依据,罚款,罚款1000元,2026-11-20,淄博市周村区市场监督管理局

            """
        try renamed.write(toFile: site + "/Content/xzcf/2026-11-waibu.csv", atomically: true, encoding: .utf8)
        return site
    }

    @Test func departmentSeesEveryProblemInItsFiles() throws {
        let site = try siteWithBrokenExports()
        let (_, view) = try check(site, ["--department", "scjgj"])
        let daochu = view.findings.filter { $0.file == "Content/xzcf/区市场监管局-2026-11-daochu.csv" }
        // The unknown header, with the standard name it probably means, and the rows it broke.
        #expect(daochu.contains { $0.rule == "unknown-column" && $0.message.contains("您是否指「处罚机关」") })
        #expect(daochu.contains { $0.rule == "missing-field" && $0.department.isEmpty })
        // The authority that matches no department names the closest one and the alias to add.
        let waibu = view.findings.filter { $0.file == "Content/xzcf/2026-11-waibu.csv" }
        let unknown = try #require(waibu.first { $0.rule == "unknown-department" })
        #expect(unknown.message.contains("区市场监管局（scjgj）"))
        #expect(unknown.message.contains("别名"))
        #expect(unknown.entity == "周村测试丁商贸有限公司")
        // Another department does not see them.
        let (_, other) = try check(site, ["--department", "swj"])
        #expect(!other.findings.contains { $0.file.contains("daochu") || $0.file.contains("waibu") })
    }
}
