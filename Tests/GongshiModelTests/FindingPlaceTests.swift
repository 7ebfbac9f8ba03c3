import Testing

@testable import GongshiModel

/// Where a finding is, as `check` and the preview name it.
@Suite("Finding: its place in the file")
struct FindingPlaceTests {
    static func finding(line: Int, sheet: String = "", key: String = "") -> Finding {
        Finding(
            rule: "r", severity: .warning, file: "Content/xzcf/a.xlsx", line: line, sheet: sheet, key: key,
            message: "m")
    }

    @Test func aRowIsNamedByItsLineAndItsSheet() {
        #expect(Self.finding(line: 3).lineText == "第3行")
        #expect(Self.finding(line: 3, sheet: "补报").lineText == "第3行")
        #expect(Finding.place(file: "Content/xzcf/a.xlsx", sheet: "补报", line: 3) == "Content/xzcf/a.xlsx [补报] 第3行")
    }

    @Test func aWholeFileOrSheetIsSaidSo() {
        #expect(Self.finding(line: 0).lineText == "整个文件")
        #expect(Self.finding(line: 0, sheet: "补报").lineText == "整个工作表")
    }

    /// `removed-record`: a record of the ledger that no row of the data is any more.
    @Test func aRecordNoLineHoldsIsFoundByItsKey() {
        #expect(Self.finding(line: 0, key: "xzcf:区市场监管局:周市监罚〔2026〕12号").lineText == "按记录键")
    }
}
