import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where each member's compressed bytes lie in a ZIP file, read from the central directory and the
/// local headers, so that a member is decompressed from exactly its own bytes.
///
/// ZIPFoundation 0.9.20 decompresses by reading on until the deflate stream ends: a damaged member
/// whose stream never ends makes it read at the end of the file for ever (a fuzzed 3 KB workbook hung
/// `gongshi check`). Reading through ``BoundedReader`` instead ends such a member with an error.
/// Decompression itself stays ZIPFoundation's (`Data.decompress`).
struct ZIPBounds {
    struct Member {
        /// Offset of the member's data (after its local header).
        let offset: UInt64
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        /// 0 stored, 8 deflated.
        let method: UInt16
    }

    /// By lower-cased path.
    private(set) var members: [String: Member] = [:]

    struct Damaged: Error {}

    init(fd: Int32, fileSize: UInt64) throws {
        func read(_ at: UInt64, _ count: Int) throws -> [UInt8] {
            guard count >= 0, at <= fileSize, UInt64(count) <= fileSize - at else { throw Damaged() }
            var buf = [UInt8](repeating: 0, count: count)
            let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(at)) }
            guard n == count else { throw Damaged() }
            return buf
        }
        func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
        func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }

        // End of central directory: the last signature 50 4B 05 06 within the final 64 KB + 22 bytes.
        let tailSize = Int(min(fileSize, 65_557))
        let tail = try read(fileSize - UInt64(tailSize), tailSize)
        guard tail.count >= 22,
            let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06
            })
        else { throw Damaged() }
        let count = Int(u16(tail, eocd + 10))
        var at = UInt64(u32(tail, eocd + 16))
        for _ in 0..<count {
            let h = try read(at, 46)
            guard u32(h, 0) == 0x0201_4B50 else { throw Damaged() }
            let method = u16(h, 10)
            let compressed = UInt64(u32(h, 20))
            let uncompressed = UInt64(u32(h, 24))
            let nameLength = Int(u16(h, 28))
            let skip = UInt64(nameLength) + UInt64(u16(h, 30)) + UInt64(u16(h, 32))
            let localAt = UInt64(u32(h, 42))
            let name = String(decoding: try read(at + 46, nameLength), as: UTF8.self)
            at += 46 + skip
            // ZIP64 members (sizes of 4 GB or more) are not workbooks a department exports.
            guard compressed != 0xFFFF_FFFF, localAt != 0xFFFF_FFFF else { throw Damaged() }
            let local = try read(localAt, 30)
            guard u32(local, 0) == 0x0403_4B50 else { throw Damaged() }
            let offset = localAt + 30 + UInt64(u16(local, 26)) + UInt64(u16(local, 28))
            guard offset <= fileSize, compressed <= fileSize - offset else { throw Damaged() }
            members[name.lowercased()] = Member(
                offset: offset, compressedSize: compressed, uncompressedSize: uncompressed, method: method)
        }
    }
}

/// Hands out exactly one member's compressed bytes, then fails: a stream that wants more than its
/// member holds is damaged.
final class BoundedReader {
    private let fd: Int32
    private var position: UInt64
    private let end: UInt64

    struct Exhausted: Error {}

    init(fd: Int32, member: ZIPBounds.Member) {
        self.fd = fd
        position = member.offset
        end = member.offset + member.compressedSize
    }

    func next(_ size: Int) throws -> Data {
        guard position < end else { throw Exhausted() }
        let count = Int(min(UInt64(size), end - position))
        var data = Data(count: count)
        let n = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(position)) }
        guard n == count else { throw Exhausted() }
        position += UInt64(count)
        return data
    }
}
