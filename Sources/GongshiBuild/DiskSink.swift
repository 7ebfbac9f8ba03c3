import Foundation
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// Writes rendered files under a folder (the staging folder of a build), from several threads.
public final class DiskSink: OutputSink, @unchecked Sendable {
    public let root: String
    /// Folders recently made (a file's folder is made before it is written). Forgotten every
    /// ``madeLimit`` folders: every record has a folder of its own, and a province's million were
    /// 160 MB; making a folder that exists again only costs a failed `mkdir`.
    private var made = Set<String>()
    private static let madeLimit = 4096
    private let lock = NSLock()

    /// Asked before every file: true stops the build (the preview stopping).
    private let cancelled: @Sendable () -> Bool

    /// `root`, open: files and folders are made relative to it, not by their whole paths (a province's
    /// output is 200 000 files, each a path walk from `/` saved). -1 when it could not be opened.
    private let rootFD: Int32

    init(root: String, cancelled: @escaping @Sendable () -> Bool, reuse: PageReuse?) {
        self.root = root
        self.cancelled = cancelled
        self.reuse = reuse
        rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit { if rootFD >= 0 { close(rootFD) } }

    /// The folder and path to make `path` (a path in the output) at: relative to the open root, or the
    /// whole path when the root could not be opened.
    private func at(_ path: String) -> (folder: Int32, path: String) {
        rootFD >= 0 ? (rootFD, path) : (AT_FDCWD, root + "/" + path)
    }

    public convenience init(root: String, cancelled: @escaping @Sendable () -> Bool = { false }) {
        self.init(root: root, cancelled: cancelled, reuse: nil)
    }

    /// Set for an incremental build: the previous output's files that may be taken by hard link.
    let reuse: PageReuse?

    public var reuses: Bool { reuse != nil }

    public var mayTake: Bool { reuse?.mayTake ?? false }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        guard let reuse else {
            try writeFile(path, bytes)
            return
        }
        let fingerprint = Fingerprint.content(bytes)
        if try self.reuse(path, fingerprint: fingerprint) { return }
        let (st, folder) = try writeFile(path, bytes)
        reuse.made(path, newFolder: folder, ManifestEntry(fingerprint: fingerprint, stat: st))
    }

    public func write(_ path: String, _ bytes: [UInt8], fingerprint: Fingerprint) throws {
        let (st, folder) = try writeFile(path, bytes)
        reuse?.made(path, newFolder: folder, ManifestEntry(fingerprint: fingerprint, stat: st))
    }

    public func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool {
        guard let reuse else { return false }
        let (folder, staged) = at(path)
        if reuse.spare != nil {
            try checkStop(path)
            if reuse.keep(path, fingerprint, at: staged, in: folder) { return true }
        }
        guard let old = reuse.previous(path, fingerprint) else { return false }
        // A folder made here is recorded now: when the link fails the file is written into it, and its
        // write finds the folder already made.
        if let made = try prepare(path) { reuse.madeFolder(made) }
        return reuse.link(path, old, to: staged, in: folder)
    }

    /// Removes from a claimed spare what the new site does not have (see ``SpareOutput``).
    func sweepSpare() {
        if rootFD >= 0 { reuse?.sweepSpare(in: rootFD) }
    }

    /// Throws when the build is interrupted or cancelled.
    private func checkStop(_ path: String) throws {
        try Interruption.check()
        if cancelled() { throw WriteError(path: path, message: "构建已取消") }
    }

    /// Whether `path` stays inside the output folder: not absolute, no `.` or `..` part. Read as bytes,
    /// not split into an array of its parts for every file.
    static func staysInside(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { b in
            if b.first == UInt8(ascii: "/") { return false }
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: "/") {
                let n = i - start
                let dot = UInt8(ascii: ".")
                if (n == 1 && b[start] == dot) || (n == 2 && b[start] == dot && b[start + 1] == dot) { return false }
                start = i + 1
            }
            return true
        }
    }

    /// Checks `path` and makes its folder in the staging folder; returns that folder when it was not
    /// among those recently made (nil: one of those, or the staging folder itself). A folder is recorded
    /// with the first file written into it: the three feeds of an entity beside its page need not be.
    @discardableResult
    private func prepare(_ path: String) throws -> String? {
        try checkStop(path)
        // Paths come from ids, codes and slugs that the rules restrict to [a-z0-9-]; refuse anything
        // that could leave the output folder all the same.
        guard Self.staysInside(path) else {
            throw WriteError(path: path, message: "拒绝写出输出文件夹之外的路径")
        }
        // Found in the UTF-8 bytes: a search by Character walked the path grapheme by grapheme.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let dir = String(path[..<slash])
        lock.lock()
        let known = made.contains(dir)
        lock.unlock()
        // Most folders are a page's own, in a parent already made: one mkdir, without FileManager's
        // checks of every level (3 % of a full build's CPU).
        let (folder, relative) = at(dir)
        if !known && mkdirat(folder, relative, OutputModes.folderRequested) != 0 && errno != EEXIST {
            if reuse?.spare != nil { clearWay(path) }
            do {
                try FileManager.default.createDirectory(
                    atPath: root + "/" + dir, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: path, message: IOFailure.code(of: error).map(IOFailure.advice) ?? "无法创建文件夹。")
            }
        }
        if !known {
            lock.lock()
            if made.count >= Self.madeLimit { made.removeAll(keepingCapacity: true) }
            made.insert(dir)
            lock.unlock()
        }
        return known ? nil : dir
    }

    public func stream(
        _ path: String, fingerprint: Fingerprint?, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void
    ) throws {
        let (fd, folder) = try create(path)
        defer { close(fd) }
        try produce { bytes in try self.write(fd, bytes, path: path) }
        if let reuse {
            // Recorded even without a fingerprint (never to be reused): the manifest lists every file.
            var st = stat()
            fstat(fd, &st)
            reuse.made(path, newFolder: folder, ManifestEntry(fingerprint: fingerprint ?? .unmatched, stat: st))
        }
    }

    /// Opens a new file (never an existing one: it may be a hard link to the live site's file); returns
    /// it and its folder when that is new (see ``prepare(_:)``).
    private func create(_ path: String) throws -> (fd: Int32, folder: String?) {
        let dir = try prepare(path)
        let (folder, file) = at(path)
        var fd = openat(folder, file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, OutputModes.fileRequested)
        if fd < 0 && errno == EEXIST {
            unlinkat(folder, file, 0)
            fd = openat(folder, file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, OutputModes.fileRequested)
        }
        if fd < 0 && (errno == EISDIR || errno == ENOTDIR || errno == EEXIST) && reuse?.spare != nil {
            clearWay(path)
            try? FileManager.default.createDirectory(
                atPath: ((root + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            fd = openat(folder, file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, OutputModes.fileRequested)
        }
        guard fd >= 0 else { throw WriteError(path: path, message: IOFailure.advice(errno)) }
        return (fd, dir)
    }

    /// Removes what a claimed spare holds in the way of the file `path`: a file where one of its folders
    /// must be, or a folder where it must be (the spare holds a site two builds old, whose pages may
    /// have had other shapes).
    private func clearWay(_ path: String) {
        var prefix = ""
        for part in path.split(separator: "/").dropLast() {
            prefix += prefix.isEmpty ? String(part) : "/" + part
            let (folder, relative) = at(prefix)
            var st = stat()
            if fstatat(folder, relative, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) != S_IFDIR {
                unlinkat(folder, relative, 0)
            }
        }
        let (folder, relative) = at(path)
        var st = stat()
        if fstatat(folder, relative, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            OutputFolder.removeTree(root + "/" + path)
        }
        lock.lock()
        made.removeAll(keepingCapacity: true)
        lock.unlock()
    }

    /// Writes a new file and returns its status (looked at only when files are recorded for reuse) and
    /// its folder when that is new (see ``prepare(_:)``).
    @discardableResult
    private func writeFile(_ path: String, _ bytes: [UInt8]) throws -> (stat: stat, folder: String?) {
        let (fd, folder) = try create(path)
        defer { close(fd) }
        try write(fd, bytes, path: path)
        var st = stat()
        if reuse != nil { fstat(fd, &st) }
        return (st, folder)
    }

    private func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw WriteError(path: path, message: IOFailure.advice(n == 0 ? ENOSPC : errno)) }
            offset += n
        }
    }
}

public struct WriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "写入 \(path) 失败：\(message)" }
}
