import Crypto
import Foundation
import GongshiModel
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// The pieces of an output manifest's binary form (see ``OutputManifest``), as the writer that streams a
/// build's manifest into the cache puts them (and the tests, to make manifests in memory).
enum ManifestPieces {
    /// An entry starts with this byte; the byte after the last entry is ``endOfFiles``.
    static let fileTag: UInt8 = 1
    static let endOfFiles: UInt8 = 0

    static func path(_ path: String, into out: inout [UInt8]) {
        out.appendBigEndian(UInt64(path.utf8.count))
        out.append(contentsOf: path.utf8)
    }

    /// The magic line and the program's identity.
    static func head(program: String) -> [UInt8] {
        var out = OutputManifest.magic
        path(program, into: &out)
        return out
    }

    static func file(_ path: String, _ e: ManifestEntry, into out: inout [UInt8]) {
        out.append(fileTag)
        out.appendBigEndian(e.fingerprint.high)
        out.appendBigEndian(e.fingerprint.low)
        out.appendBigEndian(e.inode)
        out.appendBigEndian(UInt64(bitPattern: e.size))
        out.appendBigEndian(UInt64(bitPattern: e.seconds))
        out.appendBigEndian(UInt64(bitPattern: e.nanoseconds))
        Self.path(path, into: &out)
    }

    /// The end of the files, and the folders' stamps after it.
    static func folders(_ folders: [(path: String, stamp: FolderStamp)], into out: inout [UInt8]) {
        out.append(endOfFiles)
        out.appendBigEndian(UInt64(folders.count))
        for (path, stamp) in folders {
            for w in [stamp.inode, UInt64(bitPattern: stamp.seconds), UInt64(bitPattern: stamp.nanoseconds)] {
                out.appendBigEndian(w)
            }
            Self.path(path, into: &out)
        }
    }
}

/// A build's output manifest, written into the cache while the build makes its files rather than kept
/// in memory until its end: at 2 000 000 files the entries, their copy and the encoded manifest were
/// most of a gigabyte. It holds one piece of at most a megabyte, and the SHA-256 of what it has written.
///
/// The manifest is a temporary file of the cache until ``finish(folders:)`` seals it and renames it into
/// place; a writer dropped unfinished (a failed or cancelled build) removes it, and a killed build's is
/// removed by the next (``BuildCache/removeLeftovers()``). Not thread-safe: ``PageReuse`` calls it under
/// its lock.
final class ManifestWriter {
    private let path: String
    private let temporary: String
    private var fd: Int32
    private var pending: [UInt8]
    private var hasher = SHA256()
    private var failed = false

    /// A writer of cache file `name` of `cache`, or nil when the cache cannot take a file.
    init?(cache: BuildCache, name: String, program: String) {
        guard let (temporary, fd) = cache.temporaryFile() else { return nil }
        self.path = cache.folder + "/" + name
        self.temporary = temporary
        self.fd = fd
        pending = ManifestPieces.head(program: program)
        pending.reserveCapacity(Self.piece + 4096)
    }

    deinit {
        guard fd >= 0 else { return }
        close(fd)
        unlink(temporary)
    }

    private static let piece = 1 << 20

    func append(_ path: String, _ entry: ManifestEntry) {
        ManifestPieces.file(path, entry, into: &pending)
        if pending.count >= Self.piece { flush() }
    }

    /// Adds the folders' stamps and the seal, and puts the manifest in place; false (and no manifest)
    /// when it could not be written whole.
    @discardableResult
    func finish(folders: [(path: String, stamp: FolderStamp)]) -> Bool {
        guard fd >= 0 else { return false }
        ManifestPieces.folders(folders, into: &pending)
        flush()
        let seal = Array(hasher.finalize())
        let written = !failed && seal.withUnsafeBytes { BuildCache.writeAll(fd, $0) }
        close(fd)
        fd = -1
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    private func flush() {
        hasher.update(data: pending)
        if !failed { failed = !pending.withUnsafeBytes { BuildCache.writeAll(fd, $0) } }
        pending.removeAll(keepingCapacity: true)
    }
}
