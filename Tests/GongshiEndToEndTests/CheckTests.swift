import Foundation
import Testing

@Suite("gongshi check on a fixture site")
struct CheckTests {
    typealias Report = CheckReportJSON

    func report(_ site: String, _ extra: [String] = []) throws -> (Int32, Report) {
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"] + extra)
        return (r.status, try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8)))
    }

    @Test func jsonReportsEveryPlantedProblemWithFileAndLine() throws {
        let site = try Gongshi.site("basic")
        let (status, rep) = try report(site)
        #expect(status == 1)
        #expect(rep.date == "2026-11-25")
        #expect(rep.summary.records == 10)
        let got = Set(rep.findings.map { "\($0.rule)|\($0.file)|\($0.line)" })
        let expected = [
            "natural-person-withheld|Content/xzxk/2026-11.csv|3",
            "revoked|Content/xzxk/2026-11.csv|5",
            "invalid-uscc|Content/xzcf/2026-11.csv|3",
            "publicity-ended|Content/xzcf/2026-11.csv|4",
            "personal-data|Content/xzcf/2026-11.csv|2",
            "late-disclosure|Content/xzcf/2026-11.csv|2",
            "red-black-conflict|Content/mingdan/lists.csv|4",
            "due-soon|Content/xzxk/2026-11.csv|4",
        ]
        for e in expected { #expect(got.contains(e), "missing \(e)") }
        #expect(rep.summary.errors == rep.findings.filter { $0.severity == "error" }.count)
        #expect(rep.summary.warnings == rep.findings.filter { $0.severity == "warning" }.count)
        let late = rep.findings.first { $0.rule == "late-disclosure" }!
        #expect(late.key == "xzcf:区市场监管局:周市监罚〔2026〕7号")
        #expect(late.department == "scjgj")
    }

    /// A portal's own footer that says the build date unguarded: check and build both warn, naming the line.
    @Test func aFooterSayingTheBuildDateUnguardedIsAWarning() throws {
        let site = try Gongshi.site("basic")
        let footer = site + "/Templates/footer.mustache"
        let text = Gongshi.read(footer).replacingOccurrences(
            of: "{{#buildDateChinese}}数据截至 {{buildDateChinese}}。{{/buildDateChinese}}",
            with: "数据截至 {{buildDateChinese}}。")
        #expect(text != Gongshi.read(footer))
        try text.write(toFile: footer, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("数据截至") }! + 1
        let (_, rep) = try report(site)
        let found = rep.findings.filter { $0.rule == "template-date" }
        #expect(found.map { "\($0.file)|\($0.line)|\($0.severity)" } == ["Templates/footer.mustache|\(line)|warning"])
        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(build.status == 0 || build.status == 1, "\(build.stderr)")
        #expect(build.stdout.contains("警告 \(rep.summary.warnings) 条"), "\(build.stdout)")
    }

    @Test func textReportGroupsByDepartmentAndEndsWithASummary() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("■ 区市场监管局（scjgj）"))
        #expect(r.stdout.contains("第3行"))
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("共检查 10 条记录"))
    }

    @Test func aFileOfOneDepartmentHasItsOwnFindingsUnderThatDepartment() throws {
        let site = try Gongshi.site("basic")
        let text = """
            经办人,行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,处罚机关,处罚机关统一社会信用代码,失信严重程度
            王五,周村测试甲食品有限公司,法人及非法人组织,91370306MA3C10017X,张三,周市监罚〔2026〕99号,违反食品安全规定,销售过期食品,《食品安全法》第一百二十四条,罚款,罚款一万元,1,2026-11-20,区市场监管局,11370306004000024A,一般

            """
        try text.write(toFile: site + "/Content/xzcf/2026-11-extra.csv", atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--severity", "warning"])
        let own = try #require(r.stdout.components(separatedBy: "■ 区市场监管局（scjgj）").last)
        #expect(own.components(separatedBy: "■ ").first?.contains("未知的列「经办人」") == true, "\(r.stdout)")
    }

    @Test func departmentFilterKeepsOnlyItsFindings() throws {
        let site = try Gongshi.site("basic")
        let (_, rep) = try report(site, ["--department", "fgj"])
        #expect(!rep.findings.isEmpty)
        #expect(rep.findings.allSatisfy { $0.department == "fgj" })
        let bad = try Gongshi.run(["check", "--site", site, "--department", "nosuch"])
        #expect(bad.status == 2)
    }

    @Test func anUnreadableDataFileIsShownToEveryDepartmentAndFailsStrict() throws {
        let site = try Gongshi.site("basic")
        // A web page saved under a workbook's name: no row of it can be read, nor whose records it holds.
        try "<html><body>导出失败</body></html>".write(
            toFile: site + "/Content/xzcf/2026-11-export.xlsx", atomically: true, encoding: .utf8)
        let (_, rep) = try report(site, ["--department", "fgj"])
        #expect(rep.findings.contains { $0.rule == "bad-file" && $0.file == "Content/xzcf/2026-11-export.xlsx" })
        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger", "--strict"])
        #expect(build.status == 1)
        #expect(build.stdout.contains("无法读取：1 个数据文件或工作表"), "\(build.stdout)")
        #expect(build.stderr.contains("1 个数据文件或工作表无法读取"), "\(build.stderr)")
    }

    @Test func missingCalendarIsAnErrorOnTheFileNotFatal() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["check", "--site", site, "--date", "2027-01-05", "--format", "json"])
        #expect(r.status == 1)
        let rep = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        let missing = rep.findings.filter { $0.rule == "missing-calendar" }
        #expect(missing.map(\.file) == ["Content/calendar/2027.yml"])
        #expect(missing.first?.line == 0 && missing.first?.severity == "error")
        #expect(rep.findings.contains { $0.rule == "calendar-ending" && $0.severity == "warning" })
    }

    @Test func readsGB18030AndBOMExports() throws {
        let site = try Gongshi.site("basic")
        let header = "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可内容,许可决定日期,许可机关,许可机关统一社会信用代码\n"
        let gb =
            header
            + "周村编码测试戊公司,法人及非法人组织,91370306MA3C10025Q,钱九,许可决定书,周税许〔2026〕1号,普通,发票领用,2026年11月19日,区税务局,113703060040000325\n"
        let gbData = gb.data(using: String.Encoding(rawValue: 0x8000_0632))!
        try gbData.write(to: URL(fileURLWithPath: site + "/Content/xzxk/gb.csv"))
        let bom =
            "\u{FEFF}" + header.replacingOccurrences(of: "行政相对人名称", with: "XK_XDR_MC")
            + "周村编码测试己公司,法人及非法人组织,91370306MA3C10033K,李四,许可决定书,周税许〔2026〕2号,普通,发票领用,2026/11/19,区税务局,113703060040000325\r\n"
        try bom.write(toFile: site + "/Content/xzxk/bom.csv", atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = Gongshi.read(site + "/Public/data/xzxk.csv")
        #expect(data.contains("周村编码测试戊公司"))
        #expect(data.contains("周村编码测试己公司"))
        let (_, rep) = try report(site)
        #expect(
            !rep.findings.contains {
                $0.file.hasSuffix("gb.csv") || $0.file.hasSuffix("bom.csv") && $0.severity == "error"
            })
    }

    @Test func anUndecodableRowIsAFindingAtItsLineAndAUTF16FileAWholeFileOne() throws {
        let site = try Gongshi.site("basic")
        var bytes = Array("行政相对人名称,行政相对人类别\n周村甲,法人及非法人组织\n".utf8)
        bytes += [0xFF, 0xFE, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: site + "/Content/xzcf/zz-bad.csv"))
        let utf16 = try #require("行政相对人名称,行政相对人类别\r\n周村乙,法人及非法人组织\r\n".data(using: .utf16LittleEndian))
        try (Data([0xFF, 0xFE]) + utf16).write(to: URL(fileURLWithPath: site + "/Content/xzcf/zz-unicode.csv"))
        let (status, rep) = try report(site)
        #expect(status == 1)
        let bad = rep.findings.filter { $0.file == "Content/xzcf/zz-bad.csv" && $0.rule == "bad-file" }
        #expect(bad.map(\.line) == [3])
        let unicode = rep.findings.filter { $0.file == "Content/xzcf/zz-unicode.csv" && $0.rule == "bad-file" }
        #expect(unicode.map(\.line) == [0])
        #expect(unicode.first?.message.contains("UTF-16") == true)
    }

    @Test func malformedRowsAreFindingsAndTheRestIsStillJudged() throws {
        let site = try Gongshi.site("basic")
        let text = """
            名单类型,名单名称,主体名称,主体类别,统一社会信用代码,法定代表人,列入日期,列入事由,认定部门,认定依据,未知列
            黑名单,失信被执行人,周村坏行公司,法人及非法人组织,91370306MA3C10033K,李四,2026-02-30,拒不履行,区发改局,发改财金〔2099〕1号,x
            黑名单,失信被执行人,"周村引号公司,法人及非法人组织
            """
        try text.write(toFile: site + "/Content/mingdan/bad.csv", atomically: true, encoding: .utf8)
        let (_, rep) = try report(site)
        let got = Set(rep.findings.filter { $0.file == "Content/mingdan/bad.csv" }.map { "\($0.rule)|\($0.line)" })
        #expect(got.contains("unknown-column|1"))
        #expect(got.contains("bad-date|2"))
        #expect(got.contains("unknown-memorandum|2"))
        #expect(got.contains("bad-file|3"))
        #expect(rep.findings.contains { $0.rule == "late-disclosure" })  // the other files are still judged
    }
}

@Suite("documentation")
struct DocumentationTests {
    @Test func rulesReferenceMatchesTheCode() throws {
        let r = try Gongshi.run(["rules"])
        #expect(r.status == 0)
        let doc = Gongshi.read(Gongshi.repo.appendingPathComponent("Documentation/rules.md").path)
        #expect(doc == r.stdout, "Documentation/rules.md is stale: run `gongshi rules > Documentation/rules.md`")
        for id in ["bad-file", "late-disclosure", "red-black-conflict", "missing-calendar"] {
            #expect(doc.contains("## \(id)"))
        }
    }
}
