import Foundation
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// The files an incremental build may take from the live output instead of making them again, and the
/// fingerprints of the files it makes, for the next build.
///
/// A file is taken when the previous build made it from the same fingerprint and it is still that very
/// file (same inode, size and modification time: nobody replaced or edited it since). It is taken by a
/// hard link into the staging folder, so the live site is untouched until the swap, and the swap stays
/// one atomic rename. When the staging folder is the claimed spare (see ``SpareOutput``), a file it
/// already holds is kept in place on the same terms.
final class PageReuse: @unchecked Sendable {
    /// The live output folder.
    let out: String
    private let previous: ManifestFiles
    /// The spare claimed as the staging folder, if any.
    let spare: SpareOutput?
    /// The new output's manifest, written to the cache as its files are made (nil: none is kept).
    private let manifest: ManifestWriter?
    private var folders = OutputFolders()
    /// The spare's files the new site has (by slot): the others are swept.
    private var inNewSite: [Bool]
    private let lock = NSLock()
    private(set) var reused = 0

    /// The live output folder, open (-1 when it cannot be opened: then nothing is taken). Files are
    /// looked at and linked relative to it, not by their whole paths (200 000 path walks fewer).
    private let outFD: Int32

    init(out: String, previous: ManifestFiles, spare: SpareOutput? = nil, manifest: ManifestWriter?) {
        self.out = out
        self.previous = previous
        self.spare = spare
        self.manifest = manifest
        inNewSite = Array(repeating: false, count: spare?.slots ?? 0)
        outFD = previous.isEmpty ? -1 : open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit { if outFD >= 0 { close(outFD) } }

    /// Whether any file can be taken: false when the cache held no manifest and no spare was claimed
    /// (a cold build).
    var mayTake: Bool { !previous.isEmpty || spare != nil }

    /// The previous build's entry for `path` when it was made from `fingerprint`.
    func previous(_ path: String, _ fingerprint: Fingerprint) -> ManifestEntry? {
        // A cold build's every file asks: no path is hashed for an empty manifest.
        guard !previous.isEmpty, let e = previous[path], e.fingerprint == fingerprint else { return nil }
        return e
    }

    /// Keeps the file the claimed spare holds at `path` (`staged` in the open staging folder `folder`)
    /// when it was made from `fingerprint` and is still the file its manifest describes.
    func keep(_ path: String, _ fingerprint: Fingerprint, at staged: String, in folder: Int32) -> Bool {
        guard let file = spare?.files[path], file.fingerprint == fingerprint else { return false }
        var st = stat()
        guard fstatat(folder, staged, &st, AT_SYMLINK_NOFOLLOW) == 0, file.matches(st) else { return false }
        record(path, file, spareSlot: file.slot, reused: true)
        return true
    }

    /// Removes from the claimed spare (the staging folder, open as `folder`) what the new site does not
    /// have, once every file of it is made or taken.
    func sweepSpare(in folder: Int32) {
        guard let spare else { return }
        lock.lock()
        let seen = inNewSite
        lock.unlock()
        spare.sweep(inNewSite: seen, in: folder)
    }

    /// Links the live file `path` to `staged` (a path in the open folder `folder`) when it is still the
    /// file `old` describes.
    func link(_ path: String, _ old: ManifestEntry, to staged: String, in folder: Int32) -> Bool {
        guard outFD >= 0 else { return false }
        var st = stat()
        guard fstatat(outFD, path, &st, AT_SYMLINK_NOFOLLOW) == 0, old.matches(st) else { return false }
        if linkat(outFD, path, folder, staged, 0) != 0 {
            guard errno == EEXIST, unlinkat(folder, staged, 0) == 0, linkat(outFD, path, folder, staged, 0) == 0
            else { return false }
        }
        record(path, old, spareSlot: spare?.files[path]?.slot, reused: true)
        return true
    }

    /// Records a file this build wrote. `newFolder`: its folder (the part of `path` before its last `/`)
    /// when the sink had not written a file into it lately; nil when it had (the folder is known here
    /// already) or the file has no folder.
    func made(_ path: String, newFolder: String?, _ entry: ManifestEntry) {
        record(path, entry, spareSlot: spare?.files[path]?.slot, reused: false, newFolder: newFolder)
    }

    /// Adds a file of the new output to the manifest, and marks the spare's file at its path (its slot)
    /// as one the new site has. A file taken (`reused`) adds its folders; one written, its `newFolder`.
    private func record(
        _ path: String, _ entry: ManifestEntry, spareSlot: Int?, reused isReused: Bool, newFolder: String? = nil
    ) {
        lock.lock()
        manifest?.append(path, entry)
        if isReused { folders.add(holding: path) } else if let newFolder { folders.add(folder: newFolder) }
        if let spareSlot { inNewSite[spareSlot] = true }
        if isReused { reused += 1 }
        lock.unlock()
    }

    /// Adds `folder` (a path in the output) to the new output's folders: the sink made it for a file
    /// it then took, or will write (see ``made(_:newFolder:_:)``).
    func madeFolder(_ folder: String) {
        lock.lock()
        folders.add(folder: folder)
        lock.unlock()
    }

    /// Finishes the new output's manifest (in the order its files were made or taken: a path recorded
    /// twice, taken and then written again when the rest of its group was not there, is read back with
    /// its last entry) with the stamps of its folders in `staging`, every file being written.
    func finishManifest(staging: String) {
        lock.lock()
        defer { lock.unlock() }
        manifest?.finish(folders: FolderStamp.stamps(of: folders, under: staging))
    }
}

extension BuildCache {
    /// The cached manifest file of output folder `out`, as it is stored (sealed).
    func outputManifestBytes(out: String) -> [UInt8]? {
        read((OutputManifest.path(cache: folder, out: out) as NSString).lastPathComponent)
    }

    /// The last 32 bytes of the cached manifest of output folder `out` (its seal), read alone.
    func outputManifestSeal(out: String) -> [UInt8]? {
        let fd = open(OutputManifest.path(cache: folder, out: out), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size >= 32 else { return nil }
        var seal = [UInt8](repeating: 0, count: 32)
        let n = seal.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 32, st.st_size - 32) }
        return n == 32 ? seal : nil
    }

    /// A writer of the manifest of output folder `out` (see ``PageReuse/finishManifest(staging:)``).
    func manifestWriter(out: String) -> ManifestWriter? {
        ManifestWriter(
            cache: self, name: (OutputManifest.path(cache: folder, out: out) as NSString).lastPathComponent,
            program: program)
    }
}
