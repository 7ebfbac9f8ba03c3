import Foundation
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// The open data's pieces between builds (see `OpenDataPieces` in `GongshiSite`): their index in the
/// build cache, their bytes in the live output's files.
///
/// A piece is copied only from a file the previous build wrote and nobody touched since (the output
/// manifest's fingerprint, inode, size and modification time, as for a page taken by hard link), at the
/// place an index sealed with the program's identity and a checksum says: anything else reads as absent,
/// and the rows are made again.
struct OpenDataFiles: OpenDataStore {
    let cache: BuildCache
    let out: String
    let reuse: PageReuse

    static let magic = Array("gongshi-opendata-index 1\n".utf8)

    private func file(_ name: String) -> String { "\(name)-\(Fingerprint(hashing: Array(out.utf8)))" }

    func index(_ name: String) -> [UInt8]? {
        guard let bytes = cache.read(file(name)), let end = BuildCache.bodyEnd(of: bytes, magic: Self.magic) else {
            return nil
        }
        let program = Self.magic + Array((cache.program + "\n").utf8)
        guard bytes[0..<end].starts(with: program) else { return nil }
        return Array(bytes[program.count..<end])
    }

    func save(_ name: String, _ bytes: [UInt8]) {
        cache.write(file(name), BuildCache.sealed(Self.magic + Array((cache.program + "\n").utf8) + bytes))
    }

    func previous(_ path: String, fingerprint: Fingerprint) -> (any PreviousFile)? {
        guard let entry = reuse.previous(path, fingerprint) else { return nil }
        let fd = open(out + "/" + path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, entry.matches(st) else {
            close(fd)
            return nil
        }
        return LiveFile(fd: fd, size: Int(st.st_size))
    }
}

/// A file of the live output, open for reading ranges.
final class LiveFile: PreviousFile {
    private let fd: Int32
    private let size: Int

    init(fd: Int32, size: Int) {
        self.fd = fd
        self.size = size
    }

    deinit { close(fd) }

    func read(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= size else { return nil }
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let n = bytes.withUnsafeMutableBytes { p in
                p.baseAddress.map { pread(fd, $0 + done, p.count - done, off_t(range.lowerBound + done)) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }
}
