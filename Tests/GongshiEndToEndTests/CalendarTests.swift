import Foundation
import Testing

/// SPEC §8.1: a missing calendar year never stops publication.
@Suite("gongshi build without next year's calendar")
struct CalendarTests {
    /// The basic site with one more penalty decided on Monday 2026-12-28: its deadline falls in 2027.
    func siteWithLateDecember() throws -> String {
        let site = try Gongshi.site("basic")
        try? FileManager.default.removeItem(atPath: site + "/Content/calendar/2027.yml")
        let csv = """
            行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,处罚机关,处罚机关统一社会信用代码,失信严重程度
            周村年末测试食品有限公司,法人及非法人组织,91370306MA3C10017X,张三,周市监罚〔2026〕99号,违反食品安全规定,经查，当事人销售过期食品。,《中华人民共和国食品安全法》第一百二十四条,罚款,罚款人民币1万元,1,2026-12-28,区市场监管局,11370306004000024A,一般

            """
        try Data(csv.utf8).write(to: URL(fileURLWithPath: site + "/Content/xzcf/2026-12.csv"))
        return site
    }

    @Test func aBuildDated20261231PublishesADecisionOf20261228WithoutThe2027Calendar() throws {
        let site = try siteWithLateDecember()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-12-31"])
        #expect(r.status == 0, "\(r.stderr)")
        let pub = site + "/Public"
        let listing = Gongshi.read(pub + "/xzcf/index.html")
        #expect(listing.contains("周村年末测试食品有限公司"))
        #expect(Gongshi.read(pub + "/data/xzcf.csv").contains("周市监罚〔2026〕99号"))
        #expect(Gongshi.read(site + "/Content/ledger.csv").contains("2026-12-31,公示,xzcf,xzcf:区市场监管局:周市监罚〔2026〕99号"))
        let page = Gongshi.files(pub).filter { $0.hasPrefix("xzcf/scjgj-") }.map { Gongshi.read(pub + "/" + $0) }
            .first { $0.contains("周村年末测试食品有限公司") }
        #expect(page?.contains("未评价是否按时") == true)
        // Statistics count it as not judged.
        #expect(Gongshi.read(pub + "/tongji/stats.json").contains("未评价时效"))
    }

    @Test func checkReportsTheMissingYearOnceAndCountsTheRecord() throws {
        let site = try siteWithLateDecember()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-12-31"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").filter { $0.contains("[missing-calendar]") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("1 条记录") == true)
        #expect(r.stdout.contains("Content/calendar/2027.yml"))
    }

    /// A typo in next year's file, as a webmaster adds it in December: each leaves 2027 without a
    /// calendar, and the build publishes as without the file.
    @Test(
        arguments: [
            ("year: 2027\nholidays:\n  - 2027-01-01\n  - 2027-02-30\nworkdays: []\n", 4),
            ("year: 2026\nholidays:\n  - 2027-01-01\n", 1),
            ("year: 2027\nholiday:\n  - 2027-01-01\n", 2),
        ])
    func aBrokenNextYearFileIsAFindingAndTheRecordIsPublished(text: String, line: Int) throws {
        let site = try siteWithLateDecember()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: site + "/Content/calendar/2027.yml"))
        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-12-31"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(Gongshi.read(site + "/Public/data/xzcf.csv").contains("周市监罚〔2026〕99号"))
        #expect(Gongshi.read(site + "/Content/ledger.csv").contains("2026-12-31,公示,xzcf,xzcf:区市场监管局:周市监罚〔2026〕99号"))
        let check = try Gongshi.run(["check", "--site", site, "--date", "2026-12-31"])
        #expect(check.status == 1)
        // The text report names the file, the line and what the error costs, beside missing-calendar.
        let text = check.stdout
        #expect(text.contains("Content/calendar/2027.yml"))
        #expect(text.contains("第\(line)行"), "\(text)")
        #expect(text.contains("2027 年按缺少节假日安排处理"))
        // A webmaster's file, under the site's heading, not among data of no department.
        #expect(text.contains("■ 全站（节假日、部门名录、文章、模板等）\n  Content/calendar/2027.yml"), "\(text)")
        let json = try Gongshi.run(["check", "--site", site, "--date", "2026-12-31", "--format", "json"])
        let rep = try JSONDecoder().decode(CheckReportJSON.self, from: Data(json.stdout.utf8))
        let bad = rep.findings.filter { $0.rule == "bad-file" && $0.file == "Content/calendar/2027.yml" }
        #expect(bad.map(\.line) == [line])
        #expect(bad.first?.severity == "error")
        let missing = rep.findings.filter { $0.rule == "missing-calendar" }
        #expect(missing.map(\.file) == ["Content/calendar/2027.yml"])
        #expect(missing.first?.message.contains("1 条记录") == true)
        // Said as a file to correct, not one to add.
        #expect(missing.first?.message.contains("改正该文件") == true)
    }

    @Test func theHomePageCountsWeekdaysWhenTheBuildYearIsMissing() throws {
        let site = try Gongshi.site("basic")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let r = try Gongshi.run(["build", "--site", site, "--date", "2027-01-05", "--no-ledger"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Gongshi.read(site + "/Public/index.html").contains("按周一至周五计算"))
    }
}
