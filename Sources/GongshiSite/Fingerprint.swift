import Crypto
import GongshiModel

/// What an output file was made from, in 16 bytes: equal fingerprints mean equal bytes.
///
/// A page's fingerprint hashes its template set, the template's name and every value handed to the
/// template (the context); a file written without a template (feeds, open data, search) hashes its
/// bytes or the values it is made of. An incremental build (see `PageReuse` in `GongshiBuild`) takes a
/// file from the previous output instead of rendering it when the fingerprints agree.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The first 16 bytes of the SHA-256 of `bytes`.
    public init(hashing bytes: [UInt8]) {
        self.init(digest: SHA256.hash(data: bytes))
    }

    init(digest: SHA256.Digest) {
        var h: UInt64 = 0
        var l: UInt64 = 0
        for (i, b) in digest.prefix(16).enumerated() {
            if i < 8 { h = h << 8 | UInt64(b) } else { l = l << 8 | UInt64(b) }
        }
        high = h
        low = l
    }

    /// The fingerprint of a file written from its bytes alone.
    public static func content(_ bytes: [UInt8]) -> Fingerprint {
        var buffer = FingerprintBuffer(tag: "bytes")
        buffer.add(bytes)
        return buffer.finish()
    }

    /// 32 lower-case hex digits.
    public var description: String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [high, low] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(hex[Int((word >> UInt64(shift)) & 15)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses ``description``.
    public init?(hex: Substring) {
        guard hex.utf8.count == 32 else { return nil }
        var words: [UInt64] = [0, 0]
        for (i, c) in hex.utf8.enumerated() {
            let v: UInt8
            switch c {
            case 48...57: v = c - 48
            case 97...102: v = c - 87
            default: return nil
            }
            words[i / 16] = words[i / 16] << 4 | UInt64(v)
        }
        high = words[0]
        low = words[1]
    }
}

/// Serialises values without ambiguity (a tag and a length before each) and hashes them.
///
/// Strings, integers, booleans, fingerprints and template values (the typed page contexts), each kind
/// with its own tag, so that values of different kinds or shapes never give the same bytes.
public struct FingerprintBuffer {
    private var bytes: [UInt8] = []
    /// Fed the bytes whenever they pass ``flushSize``: the open data's fingerprint covers every
    /// published value (100 MB at 100 000 records), which is hashed as it comes, never held whole.
    private var hasher = SHA256()
    private static let flushSize = 1 << 16

    /// - Parameter tag: what the fingerprint is of (`page`, `feed` …), so that two kinds never meet.
    public init(tag: String) {
        bytes.reserveCapacity(4096)
        add(tag)
    }

    public mutating func add(_ s: String) {
        if bytes.count >= Self.flushSize { flush() }
        bytes.append(0x73)
        var s = s
        s.withUTF8 { utf8 in
            addLength(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func add(_ raw: [UInt8]) {
        if bytes.count >= Self.flushSize { flush() }
        bytes.append(0x72)
        addLength(raw.count)
        bytes.append(contentsOf: raw)
    }

    public mutating func add(_ i: Int) {
        bytes.append(0x69)
        addWord(UInt64(bitPattern: Int64(i)))
    }

    public mutating func add(_ b: Bool) { bytes.append(b ? 0x54 : 0x46) }

    public mutating func add(_ f: Fingerprint) {
        bytes.append(0x66)
        addWord(f.high)
        addWord(f.low)
    }

    /// Adds a template value (a page's context): every case is understood.
    mutating func add(value: TemplateValue) {
        switch value {
        case .text(let s): add(s)
        case .number(let n): add(n)
        case .flag(let b): add(b)
        case .list(let items):
            bytes.append(0x61)
            addLength(items.count)
            for i in items { add(value: i) }
        case .object(let o): add(object: o)
        }
    }

    /// Adds a template object, keys in order.
    mutating func add(object o: TemplateObject) {
        bytes.append(0x4D)
        addLength(o.count)
        for e in o.entries.sorted(by: { $0.key < $1.key }) {
            add(e.key)
            add(value: e.value)
        }
    }

    /// The first 16 bytes of the SHA-256 of everything added: the same however it was flushed.
    public func finish() -> Fingerprint {
        var h = hasher
        h.update(data: bytes)
        return Fingerprint(digest: h.finalize())
    }

    private mutating func flush() {
        hasher.update(data: bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func addLength(_ n: Int) { addWord(UInt64(n)) }

    private mutating func addWord(_ w: UInt64) { bytes.appendBigEndian(w) }
}
