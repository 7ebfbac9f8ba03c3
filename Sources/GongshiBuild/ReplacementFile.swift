import Crypto
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// The new content of a file, written beside it (`<path>.tmp-<pid>`) and renamed into place once
/// flushed, so that a crash leaves the old file or the new one, never half of it.
///
/// Content can be copied from another file a chunk at a time: the ledger of a province is 100 MB,
/// and a commit that held it in memory (read, then joined with the day's events) added as much to
/// the build's peak, at its very end.
final class ReplacementFile {
    let path: String
    /// The file as users know it (`Content/ledger.csv`), for messages.
    let shown: String
    let temporary: String
    private var fd: Int32
    private var renamed = false

    /// Creates the temporary file beside `path`.
    init(replacing path: String, shown: String) throws(SiteError) {
        self.path = path
        self.shown = shown
        temporary = path + ".tmp-\(getpid())"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.failure(errno, shown, doing: "写入") }
    }

    deinit { abandon() }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(SiteError) {
        // withUnsafeBytes rethrows untyped errors: the failure is carried out as a value.
        let failure = bytes.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> SiteError? in
            do throws(SiteError) { try write(b) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws(SiteError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw fail(n == 0 ? ENOSPC : errno, doing: "写入") }
            offset += n
        }
    }

    /// Appends the first `limit` bytes of the file at `source` (all of it when nil; a missing file is
    /// empty) and returns the mark of what was copied: what was checked is what is written.
    func copy(from source: String, limit: Int? = nil) throws(SiteError) -> LedgerMark {
        var hasher = SHA256()
        var count = 0
        let input = open(source, O_RDONLY | O_CLOEXEC)
        if input < 0 {
            guard errno == ENOENT else { throw fail(errno, doing: "读取") }
            return LedgerMark(bytes: 0, sha256: LedgerStore.hex(hasher.finalize()))
        }
        defer { close(input) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while limit.map({ count < $0 }) ?? true {
            let wanted = min(buffer.count, limit.map { $0 - count } ?? buffer.count)
            let n = Glibc.read(input, buffer.baseAddress, wanted)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw fail(errno, doing: "读取") }
            if n == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            hasher.update(bufferPointer: chunk)
            try write(chunk)
            count += n
        }
        return LedgerMark(bytes: count, sha256: LedgerStore.hex(hasher.finalize()))
    }

    /// Flushes the file to disk and renames it into place.
    func commit() throws(SiteError) {
        guard fsync(fd) == 0 else { throw fail(errno, doing: "写入") }
        close(fd)
        fd = -1
        guard rename(temporary, path) == 0 else { throw fail(errno, doing: "写入") }
        renamed = true
        LedgerStore.syncFolder(of: path)
    }

    /// Removes the temporary file unless it was renamed into place; the file at `path` stays as it was.
    func abandon() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        if !renamed { unlink(temporary) }
        renamed = true
    }

    private func fail(_ code: Int32, doing action: String) -> SiteError {
        abandon()
        return Self.failure(code, shown, doing: action)
    }

    private static func failure(_ code: Int32, _ shown: String, doing action: String) -> SiteError {
        SiteError(file: "", message: IOFailure.message(code, path: shown, doing: action))
    }
}
