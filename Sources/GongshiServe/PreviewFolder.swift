import Foundation
import GongshiBuild
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// The temporary folder a preview builds into: `TMPDIR/gongshi-serve-PID`, holding a `.lock` file the
/// server keeps locked (`flock`) while it runs. Several previews may run at once (other sites, other
/// ports), so a new `serve` removes only folders whose lock nobody holds: their server is gone, even
/// when it was killed with `kill -9` and its process id is reused since.
final class PreviewFolder: @unchecked Sendable {
    static let prefix = "gongshi-serve-"
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Removes the folders of dead servers, then makes and locks this server's folder.
    static func make() throws(SiteError) -> PreviewFolder {
        let base = FileManager.default.temporaryDirectory.path
        removeAbandoned(in: base)
        let path = base + "/" + prefix + String(getpid())
        OutputFolder.removeTree(path)
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw SiteError(file: "", message: "无法在临时文件夹 \(base) 中创建预览文件夹。请检查它是否可写、磁盘是否已满（也可用环境变量 TMPDIR 指定别的临时文件夹）。")
        }
        let fd = open(path + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            throw SiteError(file: "", message: "无法锁定预览文件夹 \(path)。")
        }
        return PreviewFolder(path: path, fd: fd)
    }

    /// Removes `gongshi-serve-*` folders in `base` whose server no longer runs.
    static func removeAbandoned(in base: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for e in entries where e.hasPrefix(prefix) {
            let dir = base + "/" + e
            guard let pid = Int32(e.dropFirst(prefix.count)), pid != getpid() else { continue }
            let lockFD = open(dir + "/.lock", O_RDWR | O_CLOEXEC)
            if lockFD >= 0 {
                defer { close(lockFD) }
                // Held: its server runs. Free: its server died without cleaning up.
                guard flock(lockFD, LOCK_EX | LOCK_NB) == 0 else { continue }
            } else if kill(pid, 0) == 0 {
                continue  // a folder of an older version, its process alive
            }
            OutputFolder.removeTree(dir)
        }
    }

    /// Lets the process hold as many descriptors as the system allows it: the connection limit then
    /// stays far below it, and a flood of connections is refused instead of starving file reads.
    /// Returns the limit in force.
    @discardableResult
    static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            let wanted = min(limit.rlim_max, 65_536)
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, 1 << 20))
    }

    /// How many connections to accept at once under a descriptor limit: at most `cap`, and at most
    /// half of what is left after a reserve for builds, file reads and the watcher.
    static func connectionLimit(descriptors: Int, cap: Int) -> Int {
        max(8, min(cap, (descriptors - 96) / 2))
    }

    /// Removes the folder (on a normal stop).
    func remove() {
        OutputFolder.removeTree(path)
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }
}
