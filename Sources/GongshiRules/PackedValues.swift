import GongshiModel

/// A record's published field values, and the record's own texts after them, in one allocation:
/// their UTF-8 bytes end to end, after a table of where each ends. A province keeps about a million
/// records public; as an array of ``PublishedField`` each record held its names, roles and a string
/// allocation per value (about 2 KB), packed it holds the bytes of its values and 2 bytes per text
/// (4 when the texts pass 32 KB). Names and roles are the kind's published schema fields
/// (``PublishedField/published(_:)``), the same for every record of a kind.
///
/// A value of a low-variety column (``PublishedField/shared(_:)``) is kept once in the build's
/// ``ValueTable`` and packed as its number there (1 to 3 bytes) instead of its bytes.
public struct PackedValues: Sendable {
    /// The number of texts (UInt16), the number of them that are values (UInt16), the width of an end
    /// offset (one byte: 2 or 4), then each text's end offset shifted left by one, its low bit set
    /// when the text's bytes are its number in `table` (little-endian), then the bytes.
    private let storage: [UInt8]
    private let table: ValueTable?
    private static let header = 5

    /// `values`, then `extras`: texts of the record that are not published fields (its key's id, its
    /// digest …), read with ``extra(_:)``. At most 65 535 texts. A non-empty value whose position
    /// `shared` holds true is kept in `table` (when it is not full).
    public init(_ values: [String], extras: [String] = [], table: ValueTable? = nil, shared: [Bool] = []) {
        let count = values.count + extras.count
        func text(_ i: Int) -> String { i < values.count ? values[i] : extras[i - values.count] }
        // Each text's number in the table (-1: its bytes are kept), and its length here.
        var numbers = [Int](repeating: -1, count: values.count)
        if let table {
            for i in values.indices where i < shared.count && shared[i] && !values[i].isEmpty {
                numbers[i] = table.number(of: values[i]) ?? -1
            }
        }
        var lengths = [Int](repeating: 0, count: count)
        var total = 0
        for i in 0..<count {
            lengths[i] = i < numbers.count && numbers[i] >= 0 ? Self.numberLength(numbers[i]) : text(i).utf8.count
            total += lengths[i]
        }
        let width = total <= Int(UInt16.max) >> 1 ? 2 : 4
        let size = Self.header + width * count + total
        // Written in place, the size known: appending byte by byte checked capacity at every byte.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
            var at = 0
            func put(_ n: Int, _ width: Int) {
                for k in 0..<width { out[at + k] = UInt8(truncatingIfNeeded: n >> (8 * k)) }
                at += width
            }
            put(count, 2)
            put(values.count, 2)
            put(width, 1)
            var end = 0
            for i in 0..<count {
                end += lengths[i]
                put(end << 1 | (i < numbers.count && numbers[i] >= 0 ? 1 : 0), width)
            }
            for i in 0..<count {
                if i < numbers.count && numbers[i] >= 0 {
                    put(numbers[i], lengths[i])
                } else {
                    var t = text(i)
                    t.withUTF8 { u in
                        _ = UnsafeMutableBufferPointer(rebasing: out[at..<(at + u.count)]).initialize(fromContentsOf: u)
                    }
                    at += lengths[i]
                }
            }
            initialized = at
        }
        storage = bytes
        self.table = numbers.contains { $0 >= 0 } ? table : nil
    }

    /// The bytes a number in the table is packed in.
    private static func numberLength(_ n: Int) -> Int { n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : 3 }

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
        let (number, decoded): (Int, String?) = storage.withUnsafeBufferPointer { p in
            let n = Int(p[0]) | Int(p[1]) << 8
            let width = Int(p[4])
            func end(_ k: Int) -> Int {
                let at = Self.header + width * k
                var v = 0
                for b in 0..<width { v |= Int(p[at + b]) << (8 * b) }
                return v
            }
            let base = Self.header + width * n
            let start = i == 0 ? 0 : end(i - 1) >> 1
            let last = end(i)
            let range = (base + start)..<(base + last >> 1)
            guard last & 1 == 1 else {
                return (-1, String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self))
            }
            var number = 0
            for (k, at) in range.enumerated() { number |= Int(p[at]) << (8 * k) }
            return (number, nil)
        }
        return decoded ?? table.map { $0[number] } ?? ""
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

    /// Whether each of `published(kind)` is a low-variety column, whose values a build keeps once in its
    /// ``ValueTable``: categories, decision kinds and bases, authorities and sources with their codes,
    /// status and dates. Names, numbers, facts and contents vary from record to record: kept in place.
    public static func shared(_ kind: RecordKind) -> [Bool] {
        switch kind {
        case .xzxk: return sharedXZXK
        case .xzcf: return sharedXZCF
        case .mingdan: return sharedMingdan
        }
    }
    static let sharedFields: Set<Field> = [
        .entityCategory, .licenceDocumentName, .licenceCategory, .licenceCertificateName, .licenceDate, .validFrom,
        .validUntil, .licensingAuthority, .licensingAuthorityCode, .violationType, .penaltyBasis, .penaltyKinds,
        .penaltyContent, .penaltyDate, .penaltyValidUntil, .publicityEnd, .penaltyAuthority, .penaltyAuthorityCode,
        .severity, .status, .statusDate, .dataSource, .dataSourceCode,
    ]
    private static let sharedXZXK = publishedXZXK.map(sharedFields.contains)
    private static let sharedXZCF = publishedXZCF.map(sharedFields.contains)
    private static let sharedMingdan = publishedMingdan.map(sharedFields.contains)

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
