import GongshiModel

/// A record's published field values in one allocation: their UTF-8 bytes end to end, after a table
/// of where each ends. A province keeps about a million records public; as an array of
/// ``PublishedField`` each record held its names, roles and a string allocation per value (about 2 KB),
/// packed it holds the bytes of its values and 4 bytes per field. Names and roles are the kind's
/// published schema fields (``PublishedField/published(_:)``), the same for every record of a kind.
public struct PackedValues: Sendable {
    /// `count` as a UInt32, then the end offset of each value (UInt32, little-endian), then the bytes.
    private let storage: [UInt8]

    public init(_ values: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * (values.count + 1) + values.reduce(0) { $0 + $1.utf8.count })
        func append(_ n: Int) {
            let v = UInt32(truncatingIfNeeded: n)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
        }
        append(values.count)
        var end = 0
        for v in values {
            end += v.utf8.count
            append(end)
        }
        for v in values { bytes.append(contentsOf: v.utf8) }
        storage = bytes
    }

    public var count: Int { Int(word(0)) }

    public subscript(_ i: Int) -> String {
        let n = count
        guard i >= 0 && i < n else { return "" }
        let base = 4 * (n + 1)
        let start = i == 0 ? 0 : Int(word(4 * i))
        let end = Int(word(4 * (i + 1)))
        return String(decoding: storage[(base + start)..<(base + end)], as: UTF8.self)
    }

    /// Every value, in order.
    public var all: [String] { (0..<count).map { self[$0] } }

    private func word(_ offset: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(storage[offset + k]) << UInt32(8 * k) }
        return v
    }
}

extension PublishedField {
    /// The fields a record of `kind` publishes, in schema order: every column but the secret ones.
    public static func published(_ kind: RecordKind) -> [Field] {
        switch kind {
        case .xzxk: return publishedXZXK
        case .xzcf: return publishedXZCF
        case .mingdan: return publishedMingdan
        }
    }
    private static let publishedXZXK = RecordKind.xzxk.schema.fields.filter { $0.role != .secret }
    private static let publishedXZCF = RecordKind.xzcf.schema.fields.filter { $0.role != .secret }
    private static let publishedMingdan = RecordKind.mingdan.schema.fields.filter { $0.role != .secret }

    /// The position of a published field among `published(kind)`, nil when the kind does not publish it.
    static func position(_ kind: RecordKind, _ field: Field) -> Int? {
        switch kind {
        case .xzxk: return positionsXZXK[field]
        case .xzcf: return positionsXZCF[field]
        case .mingdan: return positionsMingdan[field]
        }
    }
    private static func positions(_ kind: RecordKind) -> [Field: Int] {
        var d: [Field: Int] = [:]
        for (i, f) in published(kind).enumerated() where d[f] == nil { d[f] = i }
        return d
    }
    private static let positionsXZXK = positions(.xzxk)
    private static let positionsXZCF = positions(.xzcf)
    private static let positionsMingdan = positions(.mingdan)
}
