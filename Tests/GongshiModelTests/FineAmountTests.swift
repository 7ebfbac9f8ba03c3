import GongshiModel
import Testing

@Suite("罚款金额（万元）: a plain decimal")
struct FineAmountTests {
    @Test func plainDecimalsAreRead() {
        #expect(FineAmount.plainDecimal("0.5") == "0.5")
        #expect(FineAmount.plainDecimal("1,234.5") == "1234.5")
        #expect(FineAmount.plainDecimal("1，000") == "1000")
        #expect(FineAmount.plainDecimal(" 12 ") == "12")
    }

    @Test func anythingElseIsNot() {
        for s in ["5000元", "0.5万元", "-", "-2", "+2", "1e3", "1.2.3", ".", "", "１.５", "壹万"] {
            #expect(FineAmount.plainDecimal(s) == nil, "\(s)")
        }
    }
}
