import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

@Suite("The v1 审批类别 (XK_SPLB)")
struct V1CategoryTests {
    @Test("XK_SPLB names 许可类别 and its codes 0–5 are read as the names (0 普通 … 5 其他)")
    func codesCountFromZero() {
        let dir = TempDir()
        let path = dir.write("v1.csv", "XK_XDR,XK_SPLB\n甲公司,1\n乙公司,0\n丙公司,核准\n丁公司,5\n")
        var records: [SourceRecord] = []
        _ = RecordFileReader.read(kind: .xzxk, path: path, file: "Content/xzxk/v1.csv", columns: [:]) {
            records.append($0)
        }
        #expect(records.map { $0[.licenceCategory] } == ["特许", "普通", "核准", "其他"])
    }

    @Test("the v2.0 column keeps its codes 01–06")
    func v2Unchanged() {
        let dir = TempDir()
        let path = dir.write("v2.csv", "XK_XDR_MC,XK_XKLB\n甲公司,1\n")
        var records: [SourceRecord] = []
        _ = RecordFileReader.read(kind: .xzxk, path: path, file: "Content/xzxk/v2.csv", columns: [:]) {
            records.append($0)
        }
        #expect(records.first?[.licenceCategory] == "1")
    }
}
