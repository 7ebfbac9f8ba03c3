/// Writes a ZIP archive (the open data's `.xlsx`) whose entries are deflate streams joined from
/// ``DeflatedPiece``s, so that an entry's unchanged pieces are copied rather than compressed again.
///
/// The bytes are a function of the entries alone: entries in the order given, every timestamp
/// 1980-01-01 00:00, no comments or platform metadata. An entry or offset past 4 GiB is written with
/// ZIP64 fields (a province's workbook can pass it).
enum ZIPFile {
    struct Entry {
        let name: String
        let pieces: [DeflatedPiece]

        /// An entry of one piece.
        init(_ name: String, _ raw: [UInt8]) throws {
            self.name = name
            pieces = [try DeflatedPiece(compressing: raw)]
        }

        init(_ name: String, pieces: [DeflatedPiece]) {
            self.name = name
            self.pieces = pieces
        }
    }

    /// The archive's bytes, handed to `emit` in order. Returns where each entry's pieces start in them.
    /// - Parameter limit: sizes and offsets above it are written as ZIP64 (lower only in tests).
    @discardableResult
    static func write(_ entries: [Entry], limit: Int = 0xFFFF_FFFE, emit: ([UInt8]) throws -> Void) throws -> [[Int]] {
        var central: [UInt8] = []
        var offset = 0
        var starts: [[Int]] = []
        for entry in entries {
            var crc: UInt32 = 0
            var raw = 0
            var packed = DeflatedPiece.end.count
            for p in entry.pieces {
                crc = DeflatedPiece.combine(crc, p.crc, p.rawCount)
                raw += p.rawCount
                packed += p.bytes.count
            }
            let name = Array(entry.name.utf8)
            let wide = raw > limit || packed > limit || offset > limit
            var local = Bytes()
            local.u32(0x0403_4b50)
            local.u16(wide ? 45 : 20)
            local.u16(0)  // flags
            local.u16(8)  // deflate
            local.u16(0)  // 00:00
            local.u16(0x21)  // 1980-01-01
            local.u32(crc)
            local.u32(wide ? 0xFFFF_FFFF : UInt32(packed))
            local.u32(wide ? 0xFFFF_FFFF : UInt32(raw))
            local.u16(UInt16(truncatingIfNeeded: name.count))
            local.u16(wide ? 20 : 0)
            local.bytes += name
            if wide {
                local.u16(1)
                local.u16(16)
                local.u64(raw)
                local.u64(packed)
            }
            try emit(local.bytes)
            var at = offset + local.bytes.count
            starts.append(
                entry.pieces.map { p in
                    defer { at += p.bytes.count }
                    return at
                })
            for p in entry.pieces where !p.bytes.isEmpty { try emit(p.bytes) }
            try emit(DeflatedPiece.end)

            var c = Bytes()
            c.u32(0x0201_4b50)
            c.u16(0x0300 | (wide ? 45 : 20))  // made on Unix, so that the mode below is read
            c.u16(wide ? 45 : 20)
            c.u16(0)
            c.u16(8)
            c.u16(0)
            c.u16(0x21)
            c.u32(crc)
            c.u32(wide ? 0xFFFF_FFFF : UInt32(packed))
            c.u32(wide ? 0xFFFF_FFFF : UInt32(raw))
            c.u16(UInt16(truncatingIfNeeded: name.count))
            c.u16(wide ? 28 : 0)
            c.u16(0)  // comment
            c.u16(0)  // disk
            c.u16(0)  // internal attributes
            c.u32(0o100644 << 16)  // a regular file, rw-r--r--
            c.u32(wide ? 0xFFFF_FFFF : UInt32(offset))
            c.bytes += name
            if wide {
                c.u16(1)
                c.u16(24)
                c.u64(raw)
                c.u64(packed)
                c.u64(offset)
            }
            central += c.bytes
            offset += local.bytes.count + packed
        }
        try emit(central)
        var end = Bytes()
        let wide = offset > limit || central.count > limit
        if wide {
            let record = offset + central.count
            end.u32(0x0606_4b50)
            end.u64(44)
            end.u16(0x0300 | 45)
            end.u16(45)
            end.u32(0)
            end.u32(0)
            end.u64(entries.count)
            end.u64(entries.count)
            end.u64(central.count)
            end.u64(offset)
            end.u32(0x0706_4b50)
            end.u32(0)
            end.u64(record)
            end.u32(1)
        }
        end.u32(0x0605_4b50)
        end.u16(0)
        end.u16(0)
        end.u16(UInt16(truncatingIfNeeded: entries.count))
        end.u16(UInt16(truncatingIfNeeded: entries.count))
        end.u32(wide ? 0xFFFF_FFFF : UInt32(central.count))
        end.u32(wide ? 0xFFFF_FFFF : UInt32(offset))
        end.u16(0)
        try emit(end.bytes)
        return starts
    }

    /// The whole archive in memory.
    static func bytes(_ entries: [Entry], limit: Int = 0xFFFF_FFFE) throws -> [UInt8] {
        var out: [UInt8] = []
        try write(entries, limit: limit) { out += $0 }
        return out
    }

    /// Little-endian fields, as ZIP stores them.
    private struct Bytes {
        var bytes: [UInt8] = []
        mutating func u16(_ v: UInt16) {
            bytes.append(UInt8(truncatingIfNeeded: v))
            bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        }
        mutating func u32(_ v: UInt32) {
            for s in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) }
        }
        mutating func u64(_ v: Int) {
            for s in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: UInt64(v) >> UInt64(s))) }
        }
    }
}
