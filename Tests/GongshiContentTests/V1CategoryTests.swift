import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

@Suite("The v1 审批类别 (XK_SPLB) and 处罚类别 (CF_CFLB1, CF_CFLB2)")
struct V1CategoryTests {
    @Test("XK_SPLB names 许可类别 and its codes 0–5 are read as the names (0 普通 … 5 其他)")
    func codesCountFromZero() {
        let records = readCSV(.xzxk, "XK_XDR,XK_SPLB\n甲公司,1\n乙公司,0\n丙公司,核准\n丁公司,5\n", name: "v1.csv").records
        #expect(records.map { $0[.licenceCategory] } == ["特许", "普通", "核准", "其他"])
    }

    @Test("the v2.0 column keeps its codes 01–06")
    func v2Unchanged() {
        let records = readCSV(.xzxk, "XK_XDR_MC,XK_XKLB\n甲公司,1\n", name: "v2.csv").records
        #expect(records.first?[.licenceCategory] == "1")
    }

    @Test("the v1 处罚类别 CF_CFLB1 and CF_CFLB2: codes 0–6 are read as names, the second joined to the first")
    func penaltyKinds() {
        let (records, findings) = readCSV(
            .xzcf, "CF_XDR_MC,CF_CFLB1,CF_CFLB2\n甲公司,0,\n乙公司,1,2\n丙公司,罚款,\n丁公司,3,警告\n", name: "v1cf.csv")
        #expect(records.map { $0[.penaltyKinds] } == ["警告", "罚款；没收违法所得、没收非法财物", "罚款", "责令停产停业；警告"])
        #expect(!findings.contains { $0.rule == "unknown-column" })
        #expect(Severity.inferred(fromKinds: records[0][.penaltyKinds]) == .minor)
        #expect(Severity.inferred(fromKinds: records[3][.penaltyKinds]) == .serious)
        #expect(CellText.penaltyKindName("４") == "暂扣或者吊销许可证、执照", "a code typed in full width")
        #expect(CellText.penaltyKindName("3；1") == "责令停产停业；罚款", "several codes")
        #expect(CellText.penaltyKindName("0,1") == "警告；罚款")
        #expect(CellText.penaltyKindName("03") == "责令停产停业", "zero-padded")
        // Beside names a digit numbers the kinds (1、罚款；2、没收): kept as written.
        for kept in ["10", "罚款；3", "1、罚款；2、没收违法所得", "3号", "2026", ""] {
            #expect(CellText.penaltyKindName(kept) == kept, "\(kept)")
        }
    }

    @Test("a lone code 0–6 under the v2.0 header 处罚类别 is the v1 code too: as text it says nothing")
    func penaltyKindCodeUnderV2Header() {
        let records = readCSV(.xzcf, "行政相对人名称,处罚类别\n甲公司,0\n乙公司,4\n丙公司,罚款\n丁公司,10\n", name: "v2cf.csv").records
        #expect(records.map { $0[.penaltyKinds] } == ["警告", "暂扣或者吊销许可证、执照", "罚款", "10"])
    }
}
