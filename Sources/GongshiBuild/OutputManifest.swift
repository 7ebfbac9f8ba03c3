import Foundation
import GongshiModel
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// One file of an output folder as the build that made it left it: what it was made from, and the
/// file's identity then (inode, size, modification time), so that a later build can tell it is still
/// that very file.
struct ManifestEntry: Sendable {
    var fingerprint: Fingerprint
    var inode: UInt64
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64
    /// Its place in the manifest it was read from (what a claimed spare marks its files by).
    var slot = 0

    /// Whether `st` (an `lstat` of the file now) is the file this entry describes, with the permissions
    /// a build gives its files.
    func matches(_ st: stat) -> Bool {
        (st.st_mode & S_IFMT) == S_IFREG && UInt64(st.st_ino) == inode && Int64(st.st_size) == size
            && Int64(st.st_mtim.tv_sec) == seconds && Int64(st.st_mtim.tv_nsec) == nanoseconds
            && st.st_mode & 0o7777 == OutputModes.file
    }

    init(fingerprint: Fingerprint, stat st: stat) {
        self.fingerprint = fingerprint
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        seconds = Int64(st.st_mtim.tv_sec)
        nanoseconds = Int64(st.st_mtim.tv_nsec)
    }

    init(fingerprint: Fingerprint, inode: UInt64, size: Int64, seconds: Int64, nanoseconds: Int64) {
        self.fingerprint = fingerprint
        self.inode = inode
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}

extension Fingerprint {
    /// Recorded for a file written without a fingerprint of its inputs: no build asks for it, so the
    /// file is listed in the manifest but never taken again.
    static let unmatched = Fingerprint(high: .max, low: .max)
}

/// One folder of an output folder as the build that made it left it: a folder whose inode and
/// modification time are unchanged holds the very names it held then (making, removing or renaming
/// an entry in a folder sets its modification time), so a build with nothing to do checks the output
/// is whole without listing a folder.
struct FolderStamp: Sendable, Equatable {
    var inode: UInt64
    var seconds: Int64
    var nanoseconds: Int64

    init(_ st: stat) {
        inode = UInt64(st.st_ino)
        seconds = Int64(st.st_mtim.tv_sec)
        nanoseconds = Int64(st.st_mtim.tv_nsec)
    }

    init(inode: UInt64, seconds: Int64, nanoseconds: Int64) {
        self.inode = inode
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Whether `st` (an `lstat` of the folder now) is the folder this stamp describes, unchanged, with
    /// the permissions a build gives its folders.
    func matches(_ st: stat) -> Bool {
        (st.st_mode & S_IFMT) == S_IFDIR && FolderStamp(st) == self && st.st_mode & 0o7777 == OutputModes.folder
    }

    /// Whether every folder of `folders` (where their paths lie in the manifest's `bytes`; "" for the
    /// folder itself), under the open folder `fd`, is still the folder its stamp describes: then each
    /// holds the names it held when stamped, no more, no fewer. Looked at on every core, none listed, no
    /// String made of any path.
    static func allMatch(_ folders: [(path: Range<Int>, stamp: FolderStamp)], in bytes: [UInt8], under fd: Int32)
        -> Bool
    {
        guard !folders.isEmpty else { return false }
        let matched = ParallelMap.chunked(folders, chunk: 4096) { folder -> Bool in
            var st = stat()
            return OutputManifest.look(bytes, folder.path, under: fd, &st) && folder.stamp.matches(st)
        }
        return !matched.contains(false)
    }

    /// ``allMatch(_:in:under:)`` for the folder at `root`.
    static func allMatch(_ folders: [(path: Range<Int>, stamp: FolderStamp)], in bytes: [UInt8], under root: String)
        -> Bool
    {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return allMatch(folders, in: bytes, under: fd)
    }

    /// The stamps of `folders` (paths under `root`, "" for it), looked at on every core; empty when one
    /// cannot be looked at.
    static func stamps(of folders: OutputFolders, under root: String) -> [(path: String, stamp: FolderStamp)] {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        let paths = Array(folders.paths)
        let stamps = ParallelMap.chunked(paths, chunk: 2048) { path -> FolderStamp? in
            var st = stat()
            guard fstatat(fd, path.isEmpty ? "." : path, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return FolderStamp(st)
        }
        var all: [(path: String, stamp: FolderStamp)] = []
        all.reserveCapacity(paths.count)
        for (path, stamp) in zip(paths, stamps) {
            guard let stamp else { return [] }
            all.append((path, stamp))
        }
        return all
    }
}

/// The folders of an output folder's files: the output folder itself ("") and every folder above a
/// file, each once.
struct OutputFolders {
    private(set) var paths: Set<String> = [""]

    /// Adds the folders above the file at `path` (a path in the output folder).
    mutating func add(holding path: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        add(folder: String(path[..<slash]))
    }

    /// Adds `folder` (a path in the output folder) and the folders above it.
    mutating func add(folder: String) {
        guard paths.insert(folder).inserted else { return }
        var folder = folder[...]
        // Stops at the first folder already known: the ones above it are known too.
        // In the UTF-8 bytes: a search by Character walked the path grapheme by grapheme.
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            guard paths.insert(String(folder)).inserted else { break }
        }
    }
}

/// The fingerprints of one output folder's files, kept in the build cache
/// (`.gongshi.cache/output-<hash of the folder's path>.manifest`).
///
/// Binary: a magic line, the program's identity, the entries (each a tag byte 1, fingerprint, inode,
/// size, modification time, path; written as the files are made, so their count comes last: a tag byte
/// 0), the folder count, the folders' stamps (inode, modification time, path), and the SHA-256 of
/// everything before it. A file of another program,
/// a truncated or damaged file reads as no manifest at all: every page is rendered.
/// The manifest never has to agree with the live output as a whole: each entry is used only when the
/// file it names still has the inode, size and time it records, so a manifest written by a build killed
/// before its swap, or an output replaced by some other build, can only make fewer files reused.
enum OutputManifest {
    static let magic = Array("gongshi-manifest 3\n".utf8)

    /// The manifest file for output folder `out` (a real path) in cache folder `cache`.
    static func path(cache: String, out: String) -> String {
        let h = Fingerprint(hashing: Array(out.utf8))
        return cache + "/output-\(h).manifest"
    }

    /// Where each entry's path and each folder's path lie in `bytes`, the entries in the order written
    /// (a path may be listed twice: the last entry is the file), or nil when the bytes are not a whole
    /// manifest of this program. No String is made of any of a province's 330 000 paths: the no-change
    /// check hands them to the kernel from the bytes, ``ManifestFiles`` looks them up there.
    static func layout(_ bytes: [UInt8], program: String)
        -> (files: [(path: Range<Int>, entry: ManifestEntry)], folders: [(path: Range<Int>, stamp: FolderStamp)])?
    {
        var files: [(path: Range<Int>, entry: ManifestEntry)] = []
        guard
            let folders = read(
                bytes, program: program, reserve: { files.reserveCapacity($0) }, each: { files.append(($0, $1)) })
        else { return nil }
        return (files, folders)
    }

    /// Reads a manifest: hands `reserve` an estimate of the entry count and `each` every entry (where its
    /// path lies in `bytes`, the entry with its slot), and returns the folders' stamps (where their paths
    /// lie); nil when the bytes are not a whole manifest of this program.
    private static func read(
        _ bytes: [UInt8], program: String, reserve: (Int) -> Void, each: (Range<Int>, ManifestEntry) -> Void
    ) -> [(path: Range<Int>, stamp: FolderStamp)]? {
        guard let body = BuildCache.bodyEnd(of: bytes, magic: magic) else { return nil }
        var r = ByteReader(bytes: bytes, at: magic.count, end: body)
        guard r.string() == program else { return nil }
        // An estimate of the entry count (an entry is 57 bytes and its path; folders follow them).
        reserve((body - r.at) / 100)
        var slot = 0
        while true {
            guard let tag = r.take(1)?.first else { return nil }
            if tag == ManifestPieces.endOfFiles { break }
            guard tag == ManifestPieces.fileTag, let h = r.word(), let l = r.word(), let ino = r.word(),
                let size = r.word(), let s = r.word(),
                let ns = r.word(), let path = r.path()
            else { return nil }
            var entry = ManifestEntry(
                fingerprint: Fingerprint(high: h, low: l), inode: ino, size: Int64(bitPattern: size),
                seconds: Int64(bitPattern: s), nanoseconds: Int64(bitPattern: ns))
            entry.slot = slot
            each(path, entry)
            slot += 1
        }
        guard let count = r.word(), count <= UInt64(body / 32) else { return nil }
        var folders: [(path: Range<Int>, stamp: FolderStamp)] = []
        folders.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let ino = r.word(), let s = r.word(), let ns = r.word(), let path = r.path() else { return nil }
            let stamp = FolderStamp(inode: ino, seconds: Int64(bitPattern: s), nanoseconds: Int64(bitPattern: ns))
            folders.append((path, stamp))
        }
        return r.at == body ? folders : nil
    }
}

extension OutputManifest {
    /// `lstat` of the path that lies at `range` of `bytes` (empty: the folder `fd` itself), relative to
    /// the open folder `fd`.
    static func look(_ bytes: [UInt8], _ range: Range<Int>, under fd: Int32, _ st: inout stat) -> Bool {
        guard !range.isEmpty else { return fstatat(fd, ".", &st, AT_SYMLINK_NOFOLLOW) == 0 }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: range.count + 1) { path in
            for (i, b) in bytes[range].enumerated() { path[i] = CChar(bitPattern: b) }
            path[range.count] = 0
            guard let p = path.baseAddress else { return false }
            return fstatat(fd, p, &st, AT_SYMLINK_NOFOLLOW) == 0
        }
    }
}

extension ByteReader {
    /// Where the next length-prefixed path lies in the bytes (nil when it contains a NUL, which no
    /// path can: the no-change check hands it to the kernel as it is).
    fileprivate mutating func path() -> Range<Int>? {
        guard let n = int(), let b = take(n), !b.contains(0) else { return nil }
        return b.startIndex..<b.endIndex
    }
}
