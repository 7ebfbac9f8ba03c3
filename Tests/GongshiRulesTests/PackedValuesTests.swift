import GongshiModel
import Testing

@testable import GongshiRules

@Suite("PackedValues: a record's field values in one allocation")
struct PackedValuesTests {
    @Test func everyValueComesBackAsGiven() {
        let values = [
            "", "淄博周村品宁食品有限公司", "91370306378114528B", "", "a\u{0}b\nc", String(repeating: "长", count: 30_000), "",
        ]
        let packed = PackedValues(values)
        #expect(packed.count == values.count)
        #expect(packed.all == values)
        #expect(packed[-1] == "" && packed[values.count] == "")
        #expect(PackedValues([]).all == [])
    }

    /// Extras come back by their own position and never count as values, with 2-byte offsets (texts
    /// under 64 KB) and with 4-byte ones.
    @Test func extrasComeBackApartFromTheValues() {
        for long in [String(repeating: "长", count: 10), String(repeating: "长", count: 30_000)] {
            let packed = PackedValues(["a", long, ""], extras: ["scjgj-3f9a", "", long, "x"])
            #expect(packed.count == 3)
            #expect(packed.all == ["a", long, ""])
            #expect((0..<5).map(packed.extra) == ["scjgj-3f9a", "", long, "x", ""])
            #expect(packed.extra(-1) == "" && packed[3] == "")
        }
        #expect(PackedValues([], extras: ["k"]).all == [] && PackedValues([], extras: ["k"]).extra(0) == "k")
    }

    @Test func fieldsAreTheKindsPublishedColumns() {
        let fields = PublishedField.published(.xzcf)
        #expect(!fields.contains { $0.role == .secret })
        #expect(fields == RecordKind.xzcf.schema.fields.filter { $0.role != .secret })
        #expect(PublishedField.position(.xzcf, .fineAmount) == fields.firstIndex(of: .fineAmount))
        #expect(PublishedField.position(.xzxk, .fineAmount) == nil)
    }
}
