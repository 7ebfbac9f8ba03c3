import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The site's build cache, `.gongshi.cache/` in the site folder: what an incremental build reuses
/// (the fingerprints of each output folder's files, the rows parsed from each data file).
///
/// Everything in it is an optimisation. It is written only by whole-file renames, every file carries
/// the identity of the program that wrote it and a checksum, and anything missing, damaged, truncated
/// or written by another program reads as absent: the build then reads and renders from scratch. The
/// folder is safe to delete at any time, and a site folder that cannot hold it builds without it.
struct BuildCache: Sendable {
    static let folderName = ".gongshi.cache"

    /// The cache folder's path.
    let folder: String
    /// The program that writes and may read the cache: its version and its executable's identity,
    /// so that a cache left by any other build of gongshi is never trusted.
    let program: String

    /// The cache of the site at `site`, or nil when its folder cannot be made (a read-only site).
    init?(site: String) {
        folder = (site as NSString).appendingPathComponent(BuildCache.folderName)
        program = BuildCache.programIdentity
        var st = stat()
        if lstat(folder, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        } else if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            return nil
        }
    }

    /// The cache of the site at `site` when its folder exists, to read from (a build with `--no-cache`
    /// reads the live output's manifest to name files put into it by hand, and makes no cache).
    static func existing(site: String) -> BuildCache? {
        let folder = (site as NSString).appendingPathComponent(folderName)
        var st = stat()
        guard lstat(folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return BuildCache(folder: folder, program: programIdentity)
    }

    /// The cache in `folder` as `program` reads and writes it (another build of gongshi, in tests).
    init(folder: String, program: String) {
        self.folder = folder
        self.program = program
    }

    /// `gongshi <version> <inode> <size> <mtime>` of the running executable.
    static let programIdentity: String = {
        var st = stat()
        let exe = stat("/proc/self/exe", &st) == 0 ? st : stat()
        return
            "gongshi \(GongshiVersion.current) \(exe.st_ino) \(exe.st_size) \(exe.st_mtim.tv_sec).\(exe.st_mtim.tv_nsec)"
    }()

    /// `body` followed by its SHA-256: how every cache file ends, so that a damaged one reads as absent.
    static func sealed(_ body: [UInt8]) -> [UInt8] { body + Array(SHA256.hash(data: body)) }

    /// Where the body of a sealed cache file ends (its SHA-256 follows), when `bytes` starts with `magic`
    /// and the checksum holds; nil for anything else.
    static func bodyEnd(of bytes: [UInt8], magic: [UInt8]) -> Int? {
        guard bytes.count >= magic.count + 32, bytes.starts(with: magic) else { return nil }
        let end = bytes.count - 32
        return Array(SHA256.hash(data: bytes[0..<end])) == Array(bytes[end...]) ? end : nil
    }

    /// The bytes of cache file `name`, or nil when it is absent or unreadable (or larger than `limit`).
    func read(_ name: String, limit: Int = 1 << 30) -> [UInt8]? {
        let path = folder + "/" + name
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeMutableBytes { p in
                p.baseAddress.map { Glibc.read(fd, $0 + off, p.count - off) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            off += n
        }
        return bytes
    }

    /// Writes cache file `name` whole (a temporary file renamed into place). Best effort: a cache that
    /// cannot be written is simply not there next time.
    func write(_ name: String, _ bytes: [UInt8]) { write(name, parts: [bytes]) }

    /// Writes cache file `name` as ``sealed(_:)`` makes it, without a sealed copy of `body` in memory
    /// (a province's kept build state holds hundreds of thousands of findings).
    func writeSealed(_ name: String, _ body: [UInt8]) { write(name, parts: [body, Array(SHA256.hash(data: body))]) }

    /// Writes `parts` one after the other as cache file `name`, whole or not at all.
    private func write(_ name: String, parts: [[UInt8]]) {
        guard let (tmp, fd) = temporaryFile() else { return }
        let ok = parts.allSatisfy { part in part.withUnsafeBytes { BuildCache.writeAll(fd, $0) } }
        close(fd)
        if !ok || rename(tmp, folder + "/" + name) != 0 { unlink(tmp) }
    }

    /// A new temporary file of the cache, open for writing: renamed into place when whole, removed
    /// otherwise (or by ``removeLeftovers()`` once its writer is gone).
    func temporaryFile() -> (path: String, fd: Int32)? {
        let tmp = folder + "/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        return fd >= 0 ? (tmp, fd) : nil
    }

    /// Writes all of `bytes` to `fd`; false when it cannot.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var off = 0
        while off < bytes.count {
            let n = Glibc.write(fd, base + off, bytes.count - off)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            off += n
        }
        return true
    }

    /// Removes the temporary files of cache writers that are no longer running (killed builds).
    func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".tmp-") {
            guard let pid = Int32(name.dropFirst(5).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    /// Feeds the bytes of the regular file at `path` to `hasher`; false when it cannot be read whole.
    static func hash(file path: String, into hasher: inout SHA256) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // Not zeroed, and no larger than the file (a build hashes every data file, most of them small).
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(max(size + 1, 4096), 1 << 20), alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = buffer.baseAddress.map { Glibc.read(fd, $0, buffer.count) } ?? -1
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return false }
            if n == 0 { return true }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
