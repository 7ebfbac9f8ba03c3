import Foundation
import Testing

/// `gongshi ledger import`: a previous system's publication dates appended as 导入 events.
@Suite("gongshi ledger import")
struct LedgerImportTests {
    @Test func importsMatchedRowsReportsTheRestAndNeverRewrites() throws {
        let site = try Gongshi.site("basic")
        let ledgerPath = site + "/Content/ledger.csv"
        let before = Gongshi.read(ledgerPath)
        let rows = """
            类型,机关,文书号,公示日期
            行政许可,区市场监管局,周市监建〔2026〕3号,2026-11-18
            xzcf,区市场监管局,周市监罚[2026]9号,20261106
            行政处罚,区市场监管局,周市监罚〔2026〕7号,2026-11-10
            行政处罚,区市场监管局,周市监罚〔2026〕99号,2026-11-10
            行政许可,区税务局,周市监建〔2026〕3号,2026-11-18
            行政许可,区市场监管局,周市监建〔2026〕3号,2099-01-01

            """
        let file = site + "/原系统公示记录.csv"
        try rows.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["ledger", "import", file, "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 1, "some rows could not be imported: status 1")
        #expect(r.stdout.contains("导入 2 条"))
        #expect(r.stdout.contains("已在台账中（未改动）1 条"))
        #expect(r.stdout.contains("第5行：数据中没有行政处罚「周市监罚〔2026〕99号」"))
        #expect(r.stdout.contains("第6行：机关「区税务局」"))
        #expect(r.stdout.contains("第7行：公示日期 2099-01-01 晚于今天"))
        let after = Gongshi.read(ledgerPath)
        #expect(after.hasPrefix(before), "existing events are never rewritten")
        let added = after.dropFirst(before.count).split(separator: "\n").map(String.init)
        #expect(added.count == 2)
        #expect(added.contains { $0.hasPrefix("2026-11-06,导入,xzcf,xzcf:区市场监管局:周市监罚〔2026〕9号,") })
        #expect(added.contains { $0.hasPrefix("2026-11-18,导入,xzxk,xzxk:区市场监管局:周市监建〔2026〕3号,") })

        // Importing again changes nothing; a build then judges timeliness from the imported dates.
        let again = try Gongshi.run(["ledger", "import", file, "--site", site, "--date", "2026-11-25"])
        #expect(again.stdout.contains("导入 0 条"))
        #expect(Gongshi.read(ledgerPath) == after)
        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!Gongshi.read(ledgerPath).contains("2026-11-25,公示,xzxk,xzxk:区市场监管局:周市监建〔2026〕3号"))
    }

    @Test func anAuthorityGivenByItsCreditCodeIsMatched() throws {
        let site = try Gongshi.site("basic")
        let file = site + "/原系统.csv"
        try "类型,机关,文书号,公示日期\n行政许可,11370306004000024A,周市监个〔2026〕2号,2026-11-18\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["ledger", "import", file, "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("导入 1 条"))
        #expect(Gongshi.read(site + "/Content/ledger.csv").contains("2026-11-18,导入,xzxk,xzxk:区市场监管局:周市监个〔2026〕2号,"))
    }

    @Test func oneRecordTwiceIsImportedOnceAtItsEarlierDateAndReported() throws {
        let site = try Gongshi.site("basic")
        let file = site + "/原系统.csv"
        try """
        类型,机关,文书号,公示日期
        行政处罚,区市场监管局,周市监罚〔2026〕9号,2026-11-09
        行政处罚,区市场监管局,周市监罚〔2026〕9号,2026-11-06
        行政许可,11370306004000024A,周市监广〔2026〕5号,2026-10-12

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["ledger", "import", file, "--site", site, "--date", "2026-11-25"])
        #expect(r.stdout.contains("导入 1 条"), "\(r.stdout)")
        #expect(r.stdout.contains("第3行：与 原系统.csv 第2行 是同一记录，公示日期不同（2026-11-09、2026-11-06）：导入较早的 2026-11-06"))
        // A revoked record is a notice and a withheld row, one candidate: matched (and already known).
        #expect(r.stdout.contains("已在台账中（未改动）1 条"), "\(r.stdout)")
        let ledger = Gongshi.read(site + "/Content/ledger.csv")
        #expect(ledger.contains("2026-11-06,导入,xzcf,xzcf:区市场监管局:周市监罚〔2026〕9号,"))
        #expect(!ledger.contains("2026-11-09,导入"))
    }

    @Test func aMalformedRowIsNamedAndAnXlsFileRefusedWithWhatToDo() throws {
        let site = try Gongshi.site("basic")
        let file = site + "/原系统.csv"
        try "类型,机关,文书号,公示日期\n行政处罚,区市场监管局,\"周市监罚〔2026〕9号,2026-11-06\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["ledger", "import", file, "--site", site, "--date", "2026-11-25"])
        #expect(r.stdout.contains("第2行："), "\(r.stdout)")
        #expect(!r.stdout.contains("公示日期「」"), "\(r.stdout)")
        let xls = site + "/原系统.xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: xls))
        let x = try Gongshi.run(["ledger", "import", xls, "--site", site, "--date", "2026-11-25"])
        #expect(x.status == 2)
        #expect(x.stderr.contains("另存为 .xlsx"), "\(x.stderr)")
    }

    @Test func aFileWithoutTheColumnsIsRefused() throws {
        let site = try Gongshi.site("basic")
        let file = site + "/bad.csv"
        try "名称,日期\n甲,2026-01-01\n".write(toFile: file, atomically: true, encoding: .utf8)
        let before = Gongshi.read(site + "/Content/ledger.csv")
        let r = try Gongshi.run(["ledger", "import", file, "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("文书号"))
        #expect(Gongshi.read(site + "/Content/ledger.csv") == before)
    }
}
