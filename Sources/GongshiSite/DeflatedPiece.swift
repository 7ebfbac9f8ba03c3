import CGongshi

/// A run of bytes compressed on its own as raw deflate ending in a sync flush, with the CRC-32 and
/// length of what it holds: pieces made apart (or kept from an earlier build) join into one deflate
/// stream, closed by ``end``, whose CRC is combined from theirs. The open data's workbook is made of
/// them, so that an incremental build compresses only the rows that changed.
struct DeflatedPiece: Sendable, Equatable {
    var bytes: [UInt8]
    /// The CRC-32 and length of the uncompressed bytes.
    var crc: UInt32
    var rawCount: Int

    /// zlib's level: its default, which the workbook was compressed with before it came in pieces.
    static let level: Int32 = 6

    /// The empty final block (fixed Huffman codes) that closes a stream of pieces.
    static let end: [UInt8] = [0x03, 0x00]

    init(bytes: [UInt8], crc: UInt32, rawCount: Int) {
        self.bytes = bytes
        self.crc = crc
        self.rawCount = rawCount
    }

    init(compressing raw: [UInt8]) throws {
        let capacity = gongshi_deflate_bound(raw.count)
        var out = [UInt8](repeating: 0, count: capacity)
        let made = raw.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                gongshi_deflate_piece(input.baseAddress, input.count, output.baseAddress, capacity, Self.level)
            }
        }
        guard made >= 0 else { throw RenderError(message: "压缩开放数据失败") }
        // A copy of the exact size: the buffer keeps the capacity of the bound (more than the raw bytes),
        // and a workbook's pieces are all held until it is written (hundreds of MB at a million records).
        bytes = Array(out[..<made])
        crc = Self.crc(raw)
        rawCount = raw.count
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(gongshi_crc32(0, $0.baseAddress, $0.count)) }
    }

    /// The CRC of `first`'s bytes followed by `second`'s `secondCount` bytes.
    static func combine(_ first: UInt32, _ second: UInt32, _ secondCount: Int) -> UInt32 {
        UInt32(gongshi_crc32_combine(first, second, Int64(secondCount)))
    }

    /// The linked zlib's version: another version may compress the same bytes differently, so pieces
    /// kept by one are not joined with pieces made by another.
    static let zlibVersion = String(cString: gongshi_zlib_version())
}
