import Foundation
import Testing

/// The build report beside the ledger: exactly the ledger events of the build date, and what was withheld.
@Suite("the daily build report")
struct DailyReportTests {
    func section(_ report: String, _ heading: String) -> String {
        guard let start = report.range(of: "## \(heading)") else { return "" }
        let rest = report[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func listsExactlyTheLedgerEventsOfTheDate() throws {
        let site = try Gongshi.site("basic")
        let before = Set(Gongshi.read(site + "/Content/ledger.csv").split(separator: "\n").map(String.init))
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Content/baogao/2026-11-25.md"))
        let report = Gongshi.read(site + "/Content/baogao/2026-11-25.md")
        let added = Gongshi.read(site + "/Content/ledger.csv").split(separator: "\n").map(String.init)
            .filter { !before.contains($0) }
        #expect(!added.isEmpty)
        for line in added {
            let cols = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let heading = ["公示": "首次公示", "更新": "更新", "撤回": "撤回"][cols[1]] ?? "?"
            #expect(section(report, heading).contains(cols[3]), "\(cols[3]) not under \(heading)")
        }
        let published = added.filter { $0.contains(",公示,") }.count
        #expect(report.contains("首次公示 \(published) 条"))
        // Withheld records are listed by why, with their file and row.
        let withheld = section(report, "不予公示")
        #expect(withheld.contains("自然人信息不予公示"))
        #expect(withheld.contains("Content/xzxk/2026-11.csv 第3行"))
        // With the document its key names (a withheld record has no published fields).
        #expect(withheld.contains("周市监个〔2026〕2号"), "\(withheld)")

        // A second build of the same date appends nothing and still reports the date's events.
        let again = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(again.status == 0)
        #expect(Gongshi.read(site + "/Content/baogao/2026-11-25.md") == report)
    }

    @Test func aRowDeletedFromTheDataIsReportedAsSuch() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        // The department's next export leaves out a published licence.
        let licences = site + "/Content/xzxk/2026-11.csv"
        let rows = Gongshi.read(licences).split(separator: "\n", omittingEmptySubsequences: false)
        let gone = try #require(rows.firstIndex { $0.contains("周市监食〔2026〕1号") })
        try (rows.enumerated().filter { $0.offset != gone }.map { String($0.element) }.joined(separator: "\n"))
            .write(toFile: licences, atomically: true, encoding: .utf8)
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"]).status == 0)
        let withdrawn = section(Gongshi.read(site + "/Content/baogao/2026-11-26.md"), "撤回")
        let line = try #require(withdrawn.split(separator: "\n").first { $0.contains("周市监食〔2026〕1号") })
        #expect(line.contains("数据中已无此记录"), "\(line)")
    }

    @Test func aWithdrawalFromAFileThatCannotBeReadNamesTheFile() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status == 0)
        // Saved as UTF-16 by mistake: the whole file cannot be read, its records are withdrawn.
        let licences = site + "/Content/xzxk/2026-11.csv"
        let text = Gongshi.read(licences)
        try text.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 }?
            .write(to: URL(fileURLWithPath: licences))
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"]).status != 2)
        let withdrawn = section(Gongshi.read(site + "/Content/baogao/2026-11-26.md"), "撤回")
        #expect(withdrawn.contains("在无法读取的文件中（Content/xzxk/2026-11.csv"), "\(withdrawn)")
        #expect(!withdrawn.contains("（已删除）"))
    }

    @Test func noLedgerWritesNoReport() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(r.status == 0)
        #expect(!FileManager.default.fileExists(atPath: site + "/Content/baogao"))
    }
}
