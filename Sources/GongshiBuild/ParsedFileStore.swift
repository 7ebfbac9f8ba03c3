import Crypto
import Foundation
import GongshiContent
import GongshiModel
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// Parsed data files in the build cache (`.gongshi.cache/rows-<key>.bin`), keyed by the SHA-256 of
/// the bytes of every file the parse depends on, what else it depends on (kind, path, `columns:` map)
/// and the program: a file that changed in any way, or a cache of another program, is read again.
///
/// An entry is a compact binary of the records and findings, closed by the SHA-256 of its bytes; a
/// damaged or truncated entry, or one that does not decode whole, is read from the file instead.
final class ParsedFileStore: ParsedFileCache, @unchecked Sendable {
    let cache: BuildCache
    private var used = Set<String>()
    private let lock = NSLock()

    init(cache: BuildCache) { self.cache = cache }

    func parsed(inputs: [String], context: String, read: () -> ParsedFile) -> ParsedFile {
        let stamps = inputs.map(InputStamps.Stamp.of)
        guard let key = key(inputs: inputs, context: context) else { return read() }
        let name = "rows-\(key).bin"
        lock.lock()
        used.insert(name)
        lock.unlock()
        if let bytes = cache.read(name), let p = ParsedFileCoding.decode(bytes, key: key) { return p }
        let p = read()
        // Kept only when the files were not written while they were read: the same bytes and the same
        // stamps after as before (a file written and put back, A B A, has its bytes but a new change time).
        if self.key(inputs: inputs, context: context) == key, inputs.map(InputStamps.Stamp.of) == stamps {
            cache.write(name, ParsedFileCoding.encode(p, key: key))
        }
        return p
    }

    /// Removes the entries this build did not use (files since changed or gone).
    func removeUnused() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cache.folder) else { return }
        lock.lock()
        let keep = used
        lock.unlock()
        for n in names where n.hasPrefix("rows-") && !keep.contains(n) { unlink(cache.folder + "/" + n) }
    }

    private func key(inputs: [String], context: String) -> Fingerprint? {
        var hasher = SHA256()
        hasher.update(data: Array("\(cache.program)\n\(ParsedFileCoding.format)\n\(context)".utf8))
        for path in inputs {
            guard BuildCache.hash(file: path, into: &hasher) else { return nil }
            hasher.update(data: Array("\n\(path)\n".utf8))
        }
        return Fingerprint(hashing: Array(hasher.finalize()))
    }
}

/// The binary form of a ``ParsedFile``.
enum ParsedFileCoding {
    static let format = "rows 1"
    static let magic = Array("gongshi-rows 1\n".utf8)

    /// - Parameter key: the entry's key, kept in it: an entry renamed or copied to another key is refused.
    static func encode(_ p: ParsedFile, key: Fingerprint) -> [UInt8] {
        var w = ByteWriter()
        w.bytes = magic
        w.string(key.description)
        w.int(p.rows)
        w.int(p.records.count)
        for r in p.records {
            w.string(r.kind.rawValue)
            w.string(r.file)
            w.int(r.line)
            w.string(r.sheet)
            w.int(r.values.count)
            for v in r.values { w.string(v) }
            w.int(r.present.count)
            for b in r.present { w.bytes.append(b ? 1 : 0) }
        }
        w.findings(p.findings)
        return BuildCache.sealed(w.bytes)
    }

    static func decode(_ bytes: [UInt8], key: Fingerprint) -> ParsedFile? {
        guard let end = BuildCache.bodyEnd(of: bytes, magic: magic) else { return nil }
        var r = ByteReader(bytes: bytes, at: magic.count, end: end)
        guard r.string() == key.description, let rows = r.int(), let count = r.int(), count <= end else { return nil }
        var records: [SourceRecord] = []
        records.reserveCapacity(count)
        for _ in 0..<count {
            guard let k = r.string(), let kind = RecordKind(rawValue: k), let file = r.string(), let line = r.int(),
                let sheet = r.string(), let n = r.int(), n == kind.schema.fields.count
            else { return nil }
            var values: [String] = []
            values.reserveCapacity(n)
            for _ in 0..<n {
                guard let v = r.string() else { return nil }
                values.append(v)
            }
            guard let m = r.int(), m == n, let flags = r.take(m) else { return nil }
            records.append(
                SourceRecord(
                    kind: kind, values: values, file: file, line: line, sheet: sheet, present: flags.map { $0 == 1 }))
        }
        guard let findings = r.findings() else { return nil }
        guard r.at == end else { return nil }
        return ParsedFile(records: records, findings: findings, rows: rows)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func int(_ i: Int) { bytes.appendBigEndian(UInt64(bitPattern: Int64(i))) }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            int(u.count)
            bytes.append(contentsOf: u)
        }
    }
    /// The texts of a finding, in the order ``findings(_:)`` writes them.
    private static func texts(_ f: Finding) -> [String] {
        [f.rule, f.severity.rawValue, f.file, f.sheet, f.key, f.department, f.message, f.entity]
    }

    /// The bytes ``findings(_:)`` writes for `list`: a writer reserves them at once rather than
    /// growing by doubling, which held both buffers at each step.
    static func size(of list: [Finding]) -> Int {
        list.reduce(8) { total, f in total + 8 * 8 + 9 + texts(f).reduce(0) { $0 + $1.utf8.count } }
    }

    mutating func findings(_ list: [Finding]) {
        int(list.count)
        for f in list {
            for s in Self.texts(f) { string(s) }
            int(f.line)
            bytes.append(f.withholds ? 1 : 0)
        }
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var at: Int
    let end: Int
    /// The next 8 bytes, big-endian.
    mutating func word() -> UInt64? {
        guard at + 8 <= end else { return nil }
        var w: UInt64 = 0
        for k in 0..<8 { w = w << 8 | UInt64(bytes[at + k]) }
        at += 8
        return w
    }
    mutating func int() -> Int? { word().map { Int(Int64(bitPattern: $0)) } }
    mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, n <= end - at else { return nil }
        defer { at += n }
        return bytes[at..<at + n]
    }
    mutating func string() -> String? {
        guard let n = int(), let b = take(n) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }
    mutating func findings() -> [Finding]? {
        guard let count = int(), count >= 0, count <= end - at else { return nil }
        var findings: [Finding] = []
        for _ in 0..<count {
            var s: [String] = []
            for _ in 0..<8 {
                guard let v = string() else { return nil }
                s.append(v)
            }
            guard let severity = Finding.Level(rawValue: s[1]), let line = int(), let w = take(1) else {
                return nil
            }
            var f = Finding(
                rule: s[0], severity: severity, file: s[2], line: line, sheet: s[3], key: s[4], department: s[5],
                message: s[6])
            // The message was cut when first made; a kept one is at most as long, so it stays as it was.
            guard f.message == s[6] else { return nil }
            f.entity = s[7]
            f.withholds = w.first == 1
            findings.append(f)
        }
        return findings
    }
}
