import Foundation
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// The exclusive lock on a site that every command writing its ledger or its output holds
/// (`gongshi build`, and `gongshi ledger import` when it exists): `SITE/.gongshi.lock`, locked with
/// `flock`. A second writer does not wait: it stops with exit status 2 naming the process that holds
/// the lock. The kernel releases the lock when its holder dies, even by `kill -9`, so a stale lock
/// never blocks a site; the file itself stays (removing it would race with the next holder).
///
/// Whoever holds the lock owns every leftover of earlier runs (`ledger.csv.tmp-*`, staging folders,
/// `.gongshi-old-` copies): none of them can belong to a running build, so they are removed by name.
public final class SiteLock: @unchecked Sendable {
    public static let fileName = ".gongshi.lock"
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { release() }

    /// Takes the lock of `site`, or throws a ``SiteError`` naming its holder. When the lock file cannot
    /// be created at all (a read-only site folder), returns nil if `optional`, else throws.
    public static func acquire(site: String, optional: Bool = false) throws(SiteError) -> SiteLock? {
        let path = (site as NSString).appendingPathComponent(fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if optional && (code == EROFS || code == EACCES || code == EPERM) { return nil }
            throw SiteError(file: "", message: IOFailure.message(code, path: path, doing: "创建站点锁文件"))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = readHolder(fd)
            close(fd)
            if code == EWOULDBLOCK {
                let who = holder.map { "进程 \($0) " } ?? "另一个进程"
                throw SiteError(file: "", message: "\(who)正在构建或写入此站点（锁文件 \(path)）。请等它结束后再运行；同一站点同时只能有一个 gongshi build。")
            }
            throw SiteError(file: "", message: IOFailure.message(code, path: path, doing: "锁定站点"))
        }
        // Record the holder for the message of whoever comes next.
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, text.count, 0) }
        return SiteLock(fd: fd)
    }

    /// The process id written by the current holder, when it can be read.
    private static func readHolder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    /// Releases the lock (also done when the process ends).
    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}
