import Testing

@testable import GongshiModel

@Suite("Display text and hostile values")
struct DisplayTextTests {
    @Test("escape sequences, other controls and bidi overrides are made visible")
    func terminalSafe() {
        #expect(DisplayText.terminalSafe("列\u{1B}[2J\u{1B}]0;x\u{07}") == "列\\u{1B}[2J\\u{1B}]0;x\\u{7}")
        #expect(DisplayText.terminalSafe("a\nb\tc\u{7F}\u{9B}") == "a\\u{A}b\\u{9}c\\u{7F}\\u{9B}")
        #expect(DisplayText.terminalSafe("\u{202E}txt.exe") == "\\u{202E}txt.exe")
        #expect(DisplayText.terminalSafe("正常的中文，no escapes!") == "正常的中文，no escapes!")
        #expect(DisplayText.terminalSafe("第1行\n\t第2行\u{1B}[0m", keepingLineBreaks: true) == "第1行\n\t第2行\\u{1B}[0m")
    }

    @Test("long text keeps its head and tail and says how much was left out")
    func cut() {
        #expect(DisplayText.cut("短消息") == "短消息")
        let long = "未知的列「" + String(repeating: "长", count: 10_000) + "」：已忽略"
        let c = DisplayText.cut(long)
        #expect(c.count < DisplayText.messageLimit + 20)
        #expect(c.hasPrefix("未知的列「长"))
        #expect(c.hasSuffix("」：已忽略"))
        #expect(c.contains("省略"))
    }

    @Test("Han, fullwidth punctuation and kana take two terminal columns, combining marks none")
    func columns() {
        #expect(DisplayText.columns("第12行") == 6)
        #expect(DisplayText.columns("整个工作表") == 10)
        #expect(DisplayText.columns("[Sheet1] 第3行") == 14)
        #expect(DisplayText.columns("「」，（）ｱ") == 11)  // halfwidth katakana ｱ is narrow
        #expect(DisplayText.columns("e\u{301}") == 1)
        #expect(DisplayText.columns("") == 0)
        #expect(DisplayText.padded("第3行", toColumns: 9) == "第3行    ")
        #expect(DisplayText.padded("整个工作表", toColumns: 9) == "整个工作表")
    }

    @Test("a finding's message is cut when it is made")
    func findingCut() {
        let f = Finding(
            rule: "bad-file", severity: .error, file: "f", line: 1, message: String(repeating: "x", count: 1_000_000))
        #expect(f.message.count < DisplayText.messageLimit + 20)
    }

    @Test("a calendar year no date can name is ignored instead of trapping")
    func calendarYearOutOfRange() throws {
        var cal = WorkdayCalendar()
        cal.add(year: 0, holidays: [], workdays: [])
        cal.add(year: 10_000, holidays: [], workdays: [])
        #expect(cal.years.isEmpty)
        cal.add(year: 9999, holidays: [], workdays: [])
        cal.add(year: 1, holidays: [], workdays: [])
        let last = try #require(LocalDate(year: 9999, month: 12, day: 31))
        #expect(try cal.workdays(after: try #require(LocalDate(year: 9999, month: 12, day: 24)), through: last) == 5)
    }

    @Test("an ID number with a non-ASCII digit is invalid, not a trap")
    func idNumberDigits() {
        #expect(ResidentIDNumber.problem("37030319900101123٣") != nil)
        #expect(ResidentIDNumber.problem("３７０３０３１９９００１０１１２３４") != nil)
    }
}
