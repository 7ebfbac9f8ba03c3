import GongshiModel

/// The date fields of one row as parsed, read by schema index (nil where empty, invalid or not a
/// date field). Held inline as day numbers, one slot per date field of the kind: an array of optional
/// dates over the whole schema was 35 entries of 16 bytes and an allocation per row, the largest part
/// of a row's context (the judge keeps a small site's contexts between its passes).
public struct ParsedDates: Sendable {
    /// Enough for every kind's date fields (a test checks that each fits).
    static let capacity = 8
    private var days: InlineArray<8, Int32>
    private let kind: RecordKind

    /// No date parsed yet.
    init(kind: RecordKind) {
        self.kind = kind
        days = InlineArray(repeating: ParsedDates.none)
    }

    private static let none = Int32.min

    /// The date at schema index `i`.
    public subscript(_ i: Int) -> LocalDate? {
        get {
            let slot = ParsedDates.slot(kind, i)
            guard slot >= 0 else { return nil }
            let d = days[slot]
            return d == ParsedDates.none ? nil : LocalDate(dayNumber: Int(d))
        }
        set {
            let slot = ParsedDates.slot(kind, i)
            guard slot >= 0 else { return }
            days[slot] = newValue.map { Int32(clamping: $0.dayNumber) } ?? ParsedDates.none
        }
    }

    /// The slot of schema index `i` of `kind`'s dates, -1 for a field that is not a parsed date.
    private static func slot(_ kind: RecordKind, _ i: Int) -> Int {
        let table: [Int]
        switch kind {
        case .xzxk: table = slotsXZXK
        case .xzcf: table = slotsXZCF
        case .mingdan: table = slotsMingdan
        }
        return i >= 0 && i < table.count ? table[i] : -1
    }

    /// By schema index: the slot of each parsed date field, in schema order, up to ``capacity``.
    static func slots(_ kind: RecordKind) -> [Int] {
        let schema = kind.schema
        var table = [Int](repeating: -1, count: schema.fields.count)
        for (slot, i) in RecordContext.DateFields(schema).parsed.prefix(capacity).enumerated() { table[i] = slot }
        return table
    }
    private static let slotsXZXK = slots(.xzxk)
    private static let slotsXZCF = slots(.xzcf)
    private static let slotsMingdan = slots(.mingdan)
}
