/// One data row as read from `xzxk/`, `xzcf/` or `mingdan/`: its values in the order of its kind's
/// ``RecordSchema`` (trimmed; codes upper-cased), and where it came from.
public struct SourceRecord: Sendable {
    public let kind: RecordKind
    public let values: [String]
    public let file: String
    public let line: Int
    /// The worksheet the row is on (empty for CSV).
    public let sheet: String
    /// Which schema fields the file's header carried at all.
    public let present: [Bool]

    public init(kind: RecordKind, values: [String], file: String, line: Int, sheet: String = "", present: [Bool]) {
        self.kind = kind
        self.values = values
        self.file = file
        self.line = line
        self.sheet = sheet
        self.present = present
    }

    /// The value of `field`: empty when the row left it empty or its kind has no such field.
    public subscript(_ field: Field) -> String {
        guard let i = kind.schemaIndex(of: field), i < values.count else { return "" }
        return values[i]
    }
}
