import Testing

@testable import GongshiBuild

@Suite("DailyReportFile")
struct DailyReportFileTests {
    @Test("a table cell is one line with its pipes escaped; a plain one is the text itself")
    func cell() {
        #expect(DailyReportFile.cell("周村区甲商贸有限公司") == "周村区甲商贸有限公司")
        #expect(DailyReportFile.cell("甲|乙") == "甲\\|乙")
        #expect(DailyReportFile.cell("第一行\r\n第二行\n|") == "第一行  第二行 \\|")
        #expect(DailyReportFile.cell("") == "")
    }

    @Test("a red-list entry withheld for an active black-list entry asks for the 荣誉 to be revoked, not the data fixed")
    func conflictAdvice() {
        #expect(DailyReportFile.errorAdvice["red-black-conflict"]?.contains("撤销其荣誉称号") == true)
        #expect(DailyReportFile.errorAdvice["invalid-uscc"] == nil)
    }
}
