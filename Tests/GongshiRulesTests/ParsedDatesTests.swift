import GongshiModel
import Testing

@testable import GongshiRules

@Suite("ParsedDates: a row's dates inline, by schema index")
struct ParsedDatesTests {
    /// Every date field of every kind has a slot of its own: none is dropped for want of room.
    @Test func everyKindsDateFieldsFit() {
        for kind in RecordKind.allCases {
            let parsed = RecordContext.DateFields(kind.schema).parsed
            #expect(!parsed.isEmpty && parsed.count <= ParsedDates.capacity)
            let slots = ParsedDates.slots(kind)
            #expect(parsed.map { slots[$0] } == Array(parsed.indices))
            #expect(slots.filter { $0 >= 0 }.count == parsed.count)
        }
    }

    @Test func datesComeBackByTheirSchemaIndex() {
        for kind in RecordKind.allCases {
            let parsed = RecordContext.DateFields(kind.schema).parsed
            var dates = ParsedDates(kind: kind)
            for (n, i) in parsed.enumerated() where n % 2 == 0 { dates[i] = LocalDate(dayNumber: -1000 + n) }
            for (n, i) in parsed.enumerated() {
                #expect(dates[i] == (n % 2 == 0 ? LocalDate(dayNumber: -1000 + n) : nil))
            }
            // A field that is not a date, and indices out of the schema, hold nothing and take nothing.
            let other = kind.schema.fields.indices.first { !parsed.contains($0) } ?? -1
            dates[other] = LocalDate(dayNumber: 5)
            #expect(dates[other] == nil && dates[-1] == nil && dates[kind.schema.fields.count] == nil)
            if let first = parsed.first {
                dates[first] = nil
                #expect(dates[first] == nil)
            }
        }
    }

    /// A row's context reads its dates through the slots, as the rules ask for them.
    @Test func aRowsDatesAreParsed() throws {
        let site = Fixture(
            .xzcf,
            [
                Row.penalty(["公示截止期": "2027-01-31"]),
                Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号", "状态日期": "2026-13-01"]),
            ])
        let judgement = try site.judge()
        #expect(judgement.publication.records.map(\.publicityEnd) == [day("2027-01-31")])
        #expect(judgement.findings("bad-date").map(\.line) == [3])
    }
}
