import GongshiModel

/// A record's published field values, and the record's own texts after them, in one allocation:
/// their UTF-8 bytes end to end, after a table of where each ends. A province keeps about a million
/// records public; as an array of ``PublishedField`` each record held its names, roles and a string
/// allocation per value (about 2 KB), packed it holds the bytes of its values and 2 bytes per text
/// (4 when the texts pass 64 KB). Names and roles are the kind's published schema fields
/// (``PublishedField/published(_:)``), the same for every record of a kind.
public struct PackedValues: Sendable {
    /// The number of texts (UInt16), the number of them that are values (UInt16), the width of an end
    /// offset (one byte: 2 or 4), then the end offset of each text (little-endian), then the bytes.
    private let storage: [UInt8]
    private static let header = 5

    /// `values`, then `extras`: texts of the record that are not published fields (its key's id, its
    /// digest …), read with ``extra(_:)``. At most 65 535 texts.
    public init(_ values: [String], extras: [String] = []) {
        let texts = values + extras
        let total = texts.reduce(0) { $0 + $1.utf8.count }
        let width = total <= Int(UInt16.max) ? 2 : 4
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.header + width * texts.count + total)
        func append(_ n: Int, _ width: Int) {
            for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: n >> (8 * k))) }
        }
        append(texts.count, 2)
        append(values.count, 2)
        bytes.append(UInt8(width))
        var end = 0
        for v in texts {
            end += v.utf8.count
            append(end, width)
        }
        for v in texts { bytes.append(contentsOf: v.utf8) }
        storage = bytes
    }

    /// The number of values (the extras not counted).
    public var count: Int { Int(storage[2]) | Int(storage[3]) << 8 }

    /// The `i`-th value; "" out of range.
    public subscript(_ i: Int) -> String {
        guard i >= 0 && i < count else { return "" }
        return text(i)
    }

    /// The `i`-th extra text given at `init`; "" out of range.
    public func extra(_ i: Int) -> String {
        guard i >= 0 && count + i < total else { return "" }
        return text(count + i)
    }

    /// Every value, in order.
    public var all: [String] { (0..<count).map { self[$0] } }

    private var total: Int { Int(storage[0]) | Int(storage[1]) << 8 }

    private func text(_ i: Int) -> String {
        storage.withUnsafeBufferPointer { p in
            let n = Int(p[0]) | Int(p[1]) << 8
            let width = Int(p[4])
            func end(_ k: Int) -> Int {
                let at = Self.header + width * k
                var v = 0
                for b in 0..<width { v |= Int(p[at + b]) << (8 * b) }
                return v
            }
            let base = Self.header + width * n
            let start = i == 0 ? 0 : end(i - 1)
            return String(decoding: UnsafeBufferPointer(rebasing: p[(base + start)..<(base + end(i))]), as: UTF8.self)
        }
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
        let p: Int
        switch kind {
        case .xzxk: p = positionsXZXK[field.rawValue]
        case .xzcf: p = positionsXZCF[field.rawValue]
        case .mingdan: p = positionsMingdan[field.rawValue]
        }
        return p < 0 ? nil : p
    }
    /// By the field's raw value, -1 when not published: every read of a record's name or title asks,
    /// and a dictionary hashed the field each time.
    private static func positions(_ kind: RecordKind) -> [Int] {
        var d = [Int](repeating: -1, count: (Field.allCases.map(\.rawValue).max() ?? 0) + 1)
        for (i, f) in published(kind).enumerated() where d[f.rawValue] < 0 { d[f.rawValue] = i }
        return d
    }
    private static let positionsXZXK = positions(.xzxk)
    private static let positionsXZCF = positions(.xzcf)
    private static let positionsMingdan = positions(.mingdan)
}
