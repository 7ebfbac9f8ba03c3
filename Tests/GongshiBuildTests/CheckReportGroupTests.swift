import GongshiModel
import Testing

@testable import GongshiBuild

@Suite("check's text report: who a finding without a department belongs to, and its columns")
struct CheckReportGroupTests {
    @Test("a data file of no known department is 未对应到部门; the site's own files are the site's")
    func unowned() {
        #expect(CheckReport.unowned("Content/xzcf/2026-11.csv") == "")
        #expect(CheckReport.unowned("Content/mingdan/a.xlsx") == "")
        for file in [
            "Content/calendar/2027.yml", "Content/departments.csv", "Content/xinwen/a.md", "Templates/base.html",
        ] {
            #expect(CheckReport.unowned(file) == CheckReport.siteFiles)
        }
    }

    @Test("departments come first, then data of no department, then the site's own files")
    func order() {
        let sorted = [CheckReport.siteFiles, "", "swj", "scjgj"].sorted(by: CheckReport.groupPrecedes)
        #expect(sorted == ["scjgj", "swj", "", CheckReport.siteFiles])
    }

    @Test("places of every width line up: the severity and the record start in the same terminal column")
    func alignedPlaces() throws {
        let file = "Content/xzcf/2026-11.xlsx"
        let findings = [
            Finding(rule: "a", severity: .error, file: file, line: 3, key: "k1", message: "甲"),
            Finding(rule: "b", severity: .error, file: file, line: 1234, message: "乙"),
            Finding(rule: "c", severity: .error, file: file, line: 0, message: "丙"),
            Finding(rule: "d", severity: .error, file: file, line: 12, sheet: "处罚", message: "丁"),
        ]
        let date = try #require(LocalDate(year: 2026, month: 11, day: 25))
        let text = CheckReport(date: date, findings: findings, records: 4, departments: []).text()
        /// The terminal columns before `marker` on the line of the report that holds it.
        func column(of marker: String, after key: String) -> [Int] {
            text.split(separator: "\n").compactMap { line in
                guard line.contains(key), let r = line.range(of: marker) else { return nil }
                return DisplayText.columns(String(line[..<r.lowerBound]))
            }
        }
        let severities = column(of: "错误 [", after: "错误 [")
        #expect(severities.count == 4)
        #expect(Set(severities).count == 1)
        #expect(column(of: "记录：", after: "记录：k1") == [severities[0]])
    }
}
