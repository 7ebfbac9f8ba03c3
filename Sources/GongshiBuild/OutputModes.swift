import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The permissions a build gives what it makes: files 0644 and folders 0755, less the umask.
///
/// A file or folder of an earlier output whose permissions were changed by hand is not taken again
/// (``ManifestEntry/matches(_:)``, ``FolderStamp/matches(_:)``), as a full build would not leave it so:
/// a `chmod` moves neither a file's modification time nor its size, and a page made unreadable would
/// stay unreadable to the web server through every later build.
enum OutputModes {
    /// What files and folders are made with (`openat`, `mkdirat`); the kernel takes the umask off.
    static let fileRequested: mode_t = 0o644
    static let folderRequested: mode_t = 0o755

    /// What they then have.
    static let file: mode_t = fileRequested & ~umask
    static let folder: mode_t = folderRequested & ~umask

    /// The process's umask, read, not set and put back: threads may be making files.
    static let umask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        {
            return mask
        }
        let mask = Glibc.umask(0o022)
        Glibc.umask(mask)
        return mask
    }()
}
