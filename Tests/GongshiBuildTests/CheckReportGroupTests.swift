import Testing

@testable import GongshiBuild

@Suite("check's text report: who a finding without a department belongs to")
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
}
