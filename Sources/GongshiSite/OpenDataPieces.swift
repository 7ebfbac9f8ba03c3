import GongshiModel

/// Where an incremental build finds the open data's pieces of the previous build: their index in the
/// build cache and their bytes in the live output's files. Implemented by `GongshiBuild` (the renderer
/// reads no files).
public protocol OpenDataStore: Sendable {
    /// The bytes saved under `name` by the previous build, when they can be trusted.
    func index(_ name: String) -> [UInt8]?
    /// Keeps `bytes` under `name` for the next build (best effort).
    func save(_ name: String, _ bytes: [UInt8])
    /// The live output's file `path`, when it is still the file the previous build wrote from `fingerprint`.
    func previous(_ path: String, fingerprint: Fingerprint) -> (any PreviousFile)?
}

/// A file of the live output, read in ranges.
public protocol PreviousFile: AnyObject {
    /// The bytes in `range`, or nil when they cannot all be read.
    func read(_ range: Range<Int>) -> [UInt8]?
}

/// The open data of a kind cut into pieces of consecutive rows, each piece's CSV lines, JSON objects
/// and deflated sheet rows made together, once (see ``Renderer/renderOpenData(_:_:_:)``).
///
/// Where a piece ends depends on its rows alone (a row whose key hashes to a multiple of ``average``
/// ends one, as does the ``most``-th row), so new rows before it leave the pieces after them as they
/// were: an incremental build finds them in the previous build's files (``OpenDataIndex``) and copies
/// their bytes, compressed sheet included. A full build cuts the same pieces: the files are the same.
enum OpenDataPieces {
    static let average: UInt64 = 64
    static let most = 256

    /// The pieces of `count` rows, by the key of each (a record's or list entry's key).
    static func cut(_ count: Int, key: (Int) -> String) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        for n in 0..<count where n + 1 - start >= most || hash(key(n)) % average == 0 {
            pieces.append(start..<(n + 1))
            start = n + 1
        }
        if start < count { pieces.append(start..<count) }
        return pieces
    }

    /// FNV-1a of the key's UTF-8, mixed (stable across runs, unlike `Hasher`).
    static func hash(_ key: String) -> UInt64 {
        var h = FNV1a.hash64(key)
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 33)
    }

    /// One piece: its CSV lines, its JSON objects (each `  {…},\n`) and its sheet rows, deflated.
    struct Piece {
        var csv: [UInt8]
        var json: [UInt8]
        var sheet: DeflatedPiece
    }

    /// Makes the piece of `rows`, given the cells of each.
    static func make(
        _ rows: Range<Int>, columns: Int, jsonKeys: [String], numericColumns: Set<Int>, dateColumns: Set<Int> = [],
        cells: (Int) -> [String]
    ) throws -> Piece {
        var csv: [UInt8] = []
        var json: [UInt8] = []
        var sheet: [UInt8] = []
        csv.reserveCapacity(rows.count * 300)
        json.reserveCapacity(rows.count * 700)
        sheet.reserveCapacity(rows.count * 900)
        for n in rows {
            let values = cells(n)
            for (i, v) in values.enumerated() {
                if i > 0 { csv.append(44) }
                csv += Escape.csv(v).utf8
            }
            csv += [13, 10]
            json += "  {".utf8
            for (i, v) in values.enumerated() {
                if i > 0 { json += ", ".utf8 }
                json += jsonKeys[i].utf8
                json += ": ".utf8
                Escape.appendJSON(v, to: &json)
            }
            json += "},\n".utf8
            XLSXWriter.rowXML(values, headerRow: false, columns, numericColumns, dateColumns, into: &sheet)
        }
        return Piece(csv: csv, json: json, sheet: try DeflatedPiece(compressing: sheet))
    }
}

/// Where each piece of a kind's open data lies in the files a build wrote, by the fingerprint of the
/// piece's rows: what the next build copies instead of making it again.
struct OpenDataIndex {
    struct Location {
        var csv: Range<Int>
        var json: Range<Int>
        var sheet: Range<Int>
        var crc: UInt32
        var rawCount: Int
    }

    /// What the three files were written from (their fingerprint in the output manifest).
    var fingerprint: Fingerprint
    var pieces: [Fingerprint: Location] = [:]

    static let magic = Array("gongshi-opendata 1\n".utf8)

    init(fingerprint: Fingerprint) { self.fingerprint = fingerprint }

    func encode() -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(out.count + 24 + pieces.count * 76)
        func word(_ w: UInt64) { out.appendBigEndian(w) }
        word(fingerprint.high)
        word(fingerprint.low)
        word(UInt64(pieces.count))
        for (key, l) in pieces {
            word(key.high)
            word(key.low)
            for r in [l.csv, l.json, l.sheet] {
                word(UInt64(r.lowerBound))
                word(UInt64(r.count))
            }
            word(UInt64(l.crc))
            word(UInt64(l.rawCount))
        }
        return out
    }

    /// Reads ``encode()``'s bytes; nil for anything else.
    init?(decoding bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var at = Self.magic.count
        func word() -> UInt64? {
            guard at + 8 <= bytes.count else { return nil }
            var w: UInt64 = 0
            for b in bytes[at..<(at + 8)] { w = w << 8 | UInt64(b) }
            at += 8
            return w
        }
        func range() -> Range<Int>? {
            guard let start = word(), let count = word(), start < 1 << 50, count < 1 << 50 else { return nil }
            return Int(start)..<Int(start + count)
        }
        guard let high = word(), let low = word(), let count = word(), count <= (bytes.count - at) / 80 else {
            return nil
        }
        fingerprint = Fingerprint(high: high, low: low)
        for _ in 0..<count {
            guard let kh = word(), let kl = word(), let csv = range(), let json = range(), let sheet = range(),
                let crc = word(), crc <= UInt64(UInt32.max), let raw = word(), raw < 1 << 50
            else { return nil }
            pieces[Fingerprint(high: kh, low: kl)] = Location(
                csv: csv, json: json, sheet: sheet, crc: UInt32(crc), rawCount: Int(raw))
        }
        guard at == bytes.count else { return nil }
    }
}
