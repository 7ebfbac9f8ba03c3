import GongshiModel
import Testing

@testable import GongshiContent

@Suite("Control characters in cells")
struct ControlCharacterTests {
    @Test("control characters pasted into a cell are not read (HTML forbids them); a vertical tab is a space")
    func controlCharacters() {
        let records = readCSV(.xzcf, "行政相对人名称,违法事实\n甲\u{0B}公司,事实\u{01}一\u{1F}二\u{7F}\u{85}三\n", name: "cc.csv").records
        #expect(records.first?[.entityName] == "甲 公司")
        #expect(records.first?[.violationFacts] == "事实一二三")
    }
}
