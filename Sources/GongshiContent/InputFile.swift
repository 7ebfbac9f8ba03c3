import Foundation
import GongshiModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The gate every file of a site passes before it is opened: it must be a regular file, its real
/// path inside the site folder, and no larger than the limit for its kind.
///
/// Departments' files arrive from many hands; a symbolic link to `/etc/passwd`, a FIFO that never
/// ends or a 100 GB file must become a finding on that file, never something read, published or
/// waited on. Limits are stated in the README.
public enum InputFile {
    /// Limits by kind of file, in bytes.
    public enum Limit {
        /// `xzxk/`, `xzcf/`, `mingdan/` data files: streamed, so only a sanity bound.
        public static let data: Int64 = 4 << 30
        /// `ledger.csv`: held in memory as events.
        public static let ledger: Int64 = 1 << 30
        /// `site.yml`, calendars, Markdown, `departments.csv`, `memoranda.csv`, templates.
        public static let text: Int64 = 8 << 20
        /// One file of `Templates/assets/` (images, fonts, scripts, documents).
        public static let asset: Int64 = 100 << 20
    }

    /// What was found about a file that may be read.
    public struct Checked: Sendable {
        /// The resolved path (symbolic links followed), to open instead of the given one.
        public let realPath: String
        public let size: Int64
    }

    /// Why a file may not be read, in Chinese, for a `bad-file` finding or a ``SiteError``.
    public struct Refusal: Error, Sendable {
        public let message: String
    }

    /// Checks `path` (inside the site folder `root`) before it is read.
    /// - Returns: the real path and size of a regular file within `limit` whose real path lies in the
    ///   site folder (or in the real `Content/` or `Templates/` folder, which a webmaster may keep
    ///   elsewhere and link to).
    public static func check(_ path: String, root: String, limit: Int64) throws(Refusal) -> Checked {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw Refusal(message: "无法读取文件：\(systemReason(errno))") }
        let isLink = (st.st_mode & S_IFMT) == S_IFLNK
        guard let real = realPath(path) else {
            let code = errno
            if isLink && code == ENOENT { throw Refusal(message: "符号链接指向的文件不存在，未读取") }
            throw Refusal(message: "无法读取文件：\(systemReason(code))")
        }
        if !allowedRoots(root).contains(where: { real == $0 || real.hasPrefix($0 + "/") }) {
            throw Refusal(message: "符号链接指向站点文件夹以外（\(real)），未读取也不会发布：请把文件本身放进站点文件夹")
        }
        guard stat(real, &st) == 0 else { throw Refusal(message: "无法读取文件：\(systemReason(errno))") }
        try requireRegular(st.st_mode)
        let size = Int64(st.st_size)
        if size > limit { throw Refusal(message: tooLarge(size, limit)) }
        return Checked(realPath: real, size: size)
    }

    /// Reads a whole small file after ``check(_:root:limit:)``.
    public static func read(_ path: String, root: String, limit: Int64) throws(Refusal) -> Data {
        let checked = try check(path, root: root, limit: limit)
        return try read(checked.realPath, limit: limit)
    }

    /// Opens `path` for reading without ever blocking on a FIFO or device: the descriptor is
    /// checked to be a regular file (it may have been swapped since it was checked) before use.
    /// The caller closes the descriptor.
    public static func open(_ path: String) throws(Refusal) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Refusal(message: "无法打开文件：\(systemReason(errno))") }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw Refusal(message: "无法读取文件：\(systemReason(errno))")
        }
        do { try requireRegular(st.st_mode) } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// The UTF-8 text of the site's text file `file` (settings, a calendar, a template): a file the site
    /// cannot build without, so a refusal or another encoding stops the build, named by `file`, with
    /// `notUTF8` saying what it should be.
    public static func text(_ file: String, root: String, notUTF8: String) throws(SiteError) -> String {
        let data: Data
        do { data = try read((root as NSString).appendingPathComponent(file), root: root, limit: Limit.text) } catch {
            throw SiteError(file: file, message: error.message)
        }
        guard let text = TextEncoding.decodeUTF8(data) else { throw SiteError(file: file, message: notUTF8) }
        return text
    }

    /// Reads the whole regular file at `path`, refusing more than `limit` bytes (a file may grow
    /// while it is read).
    public static func read(_ path: String, limit: Int64) throws(Refusal) -> Data {
        let fd = try open(path)
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Refusal(message: "读取文件出错：\(systemReason(errno))")
            }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
            if Int64(data.count) > limit { throw Refusal(message: tooLarge(Int64(data.count), limit)) }
        }
    }

    static func requireRegular(_ mode: mode_t) throws(Refusal) {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw Refusal(message: "这是一个文件夹，不是文件")
        case S_IFIFO: throw Refusal(message: "这是命名管道（FIFO），不是普通文件，未读取")
        case S_IFSOCK: throw Refusal(message: "这是套接字，不是普通文件，未读取")
        case S_IFCHR, S_IFBLK: throw Refusal(message: "这是设备文件，不是普通文件，未读取")
        default: throw Refusal(message: "不是普通文件，未读取")
        }
    }

    static func tooLarge(_ size: Int64, _ limit: Int64) -> String {
        "文件过大（\(megabytes(size))，上限 \(megabytes(limit))），未读取：请拆分为几个文件"
    }

    static func megabytes(_ n: Int64) -> String {
        n >= 1 << 30 && n % (1 << 30) == 0 ? "\(n >> 30) GB" : "\((n + (1 << 20) - 1) >> 20) MB"
    }

    /// The folders whose files may be read: the real site folder and the real `Content/` and
    /// `Templates/` folders.
    static func allowedRoots(_ root: String) -> [String] {
        let base = realPath(root) ?? (root as NSString).standardizingPath
        var roots = [base]
        for sub in ["Content", "Templates"] {
            if let r = realPath((root as NSString).appendingPathComponent(sub)), !roots.contains(r) { roots.append(r) }
        }
        return roots.map { $0 == "/" ? "" : $0 }
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The system's reason in Chinese for the common cases, so no raw English error reaches a
    /// webmaster.
    static func systemReason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "文件不存在"
        case EACCES, EPERM: return "没有读取权限"
        case ENAMETOOLONG: return "文件名或路径太长"
        case ELOOP: return "符号链接层数过多（可能是循环链接）"
        case EISDIR: return "这是一个文件夹"
        case EMFILE, ENFILE: return "打开的文件过多"
        case EIO: return "磁盘读取错误"
        default: return "系统错误 \(code)"
        }
    }
}
