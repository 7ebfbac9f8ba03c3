import GongshiModel

extension RecordContext {
    /// Schema indices of the date fields of each kind, worked out once (comparing Chinese names per row is slow).
    struct DateFields: Sendable {
        /// Every field parsed as a date: `.date` fields, 状态日期 and 移出日期.
        let parsed: [Int]
        /// Required and status dates: a bad one is `bad-date`.
        let checked: [Int]
        /// Optional dates: a bad one is `bad-value`.
        let optional: [Int]
        let end: Set<Int>

        init(_ schema: RecordSchema) {
            let parsed = schema.fields.indices.filter {
                schema.fields[$0].role == .date || [.statusDate, .removedOn].contains(schema.fields[$0])
            }
            self.parsed = parsed
            optional = parsed.filter { RecordContext.optionalDateFields.contains(schema.fields[$0]) }
            checked = parsed.filter { !RecordContext.optionalDateFields.contains(schema.fields[$0]) }
            end = Set(parsed.filter { RecordContext.endDateFields.contains(schema.fields[$0]) })
        }
    }

    /// The date fields of `kind` (by a switch: a dictionary hashed the kind for every row and rule).
    static func dateFields(_ kind: RecordKind) -> DateFields {
        switch kind {
        case .xzxk: return dateFieldsXZXK
        case .xzcf: return dateFieldsXZCF
        case .mingdan: return dateFieldsMingdan
        }
    }
    private static let dateFieldsXZXK = DateFields(RecordKind.xzxk.schema)
    private static let dateFieldsXZCF = DateFields(RecordKind.xzcf.schema)
    private static let dateFieldsMingdan = DateFields(RecordKind.mingdan.schema)
}
