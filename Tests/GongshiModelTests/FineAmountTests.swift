import GongshiModel
import Testing

@Suite("罚款金额（万元）: a plain decimal")
struct FineAmountTests {
    @Test func plainDecimalsAreRead() {
        #expect(FineAmount.plainDecimal("0.5") == "0.5")
        #expect(FineAmount.plainDecimal("1,234.5") == "1234.5")
        #expect(FineAmount.plainDecimal("1，000") == "1000")
        #expect(FineAmount.plainDecimal(" 12 ") == "12")
        #expect(FineAmount.plainDecimal("1,234,567.89") == "1234567.89")
    }

    @Test func anythingElseIsNot() {
        // A comma that groups no three digits is a decimal point typed as a comma (0,5), not 5.
        for s in [
            "5000元", "0.5万元", "-", "-2", "+2", "1e3", "1.2.3", ".", "", "１.５", "壹万", "0,5", "1,5", "12,34", "1.5,0",
            "0,500",
        ] {
            #expect(FineAmount.plainDecimal(s) == nil, "\(s)")
        }
    }
}
