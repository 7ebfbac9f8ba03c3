import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The site before the live one, kept in the build cache (`.gongshi.cache/spare/`) so that the next
/// build stages into it instead of into an empty folder.
///
/// A build that stages into an empty folder must make every one of a province's 130 000 folders and
/// hard-link 200 000 unchanged files from the live site, then remove the old site after the swap:
/// about a fifth of a full build's time, whatever changed. The spare holds the site of two builds ago,
/// so a build claims it (renames it to its staging folder), leaves in place every file that is still
/// the file the spare's manifest describes with the fingerprint this build wants, links or writes the
/// others, removes what the new site no longer has, and swaps it in as before. The old live site then
/// becomes the spare, with the live manifest as its own.
///
/// The guarantees are the staging folder's: the live site is never touched before the swap, and the
/// swap is one atomic exchange. A spare is used only when every one of its folders is still the folder
/// its manifest stamped (so each holds exactly the names it held, and nothing was added anywhere) and
/// each file kept is still the file its entry describes (inode, size, modification time): a spare
/// edited by hand, half-claimed by a killed build or left by another program is removed instead.
///
/// A cache holds one spare, with a manifest named for the output folder it was live in: a spare of
/// another output folder is removed, not used. An output folder on another file system than the cache
/// has no spare (a spare must be renamed into place); its old site is removed after the swap, as
/// before.
struct SpareOutput {
    /// The files of the spare by path, as its manifest describes them (each with its slot).
    let files: ManifestFiles
    /// One more than the highest slot.
    var slots: Int { files.slots }

    /// The spare folder in `cache`.
    static func path(_ cache: BuildCache) -> String { cache.folder + "/spare" }

    /// The cache file holding the manifest of the spare when it was live in output folder `out`.
    static func manifestName(cache: BuildCache, out: String) -> String {
        (OutputManifest.path(cache: cache.folder, out: "spare of " + out) as NSString).lastPathComponent
    }

    /// Claims the spare of `out` as the staging folder `staging` (which must not exist): renames it
    /// there, then checks it against its manifest. Returns what it holds, or nil when there was no
    /// usable spare (an unusable one is removed; the caller then makes `staging` afresh).
    static func claim(out: String, staging: String, cache: BuildCache) -> SpareOutput? {
        let name = manifestName(cache: cache, out: out)
        let bytes = cache.read(name)
        // Forgotten before the spare is touched: a build killed from here on leaves no manifest for it.
        unlink(cache.folder + "/" + name)
        guard rename(path(cache), staging) == 0 else { return nil }
        guard let bytes, let (files, folders) = OutputManifest.layout(bytes, program: cache.program),
            !files.isEmpty, FolderStamp.allMatch(folders, in: bytes, under: staging)
        else {
            OutputFolder.removeTreeInParallel(staging)
            return nil
        }
        return SpareOutput(files: ManifestFiles(bytes: bytes, files: files))
    }

    /// After a swap: keeps the old site (now at `old`) as the spare of `out`, with `manifest` (the
    /// sealed manifest the old site was live with) as its own; removes it when it cannot be kept.
    /// Returns whether it was kept.
    @discardableResult
    static func keep(old: String, out: String, manifest: [UInt8]?, cache: BuildCache) -> Bool {
        guard let manifest, rename(old, path(cache)) == 0 else {
            OutputFolder.removeTreeInParallel(old)
            return false
        }
        cache.write(manifestName(cache: cache, out: out), manifest)
        return true
    }

    /// Removes from the claimed spare, open as `folder`, the files the new site does not have (those
    /// whose slot `inNewSite` does not mark), then the folders that held them if they are left empty,
    /// deepest first: removing a folder that still holds something fails and it stays. Looks at the
    /// gone files only, not at the 200 000 of the new site.
    func sweep(inNewSite: [Bool], in folder: Int32) {
        var emptied: Set<Substring> = []
        for entry in files.lastEntries where !(entry.slot < inNewSite.count && inNewSite[entry.slot]) {
            let path = files.path(entry)
            unlinkat(folder, path, 0)
            var f = path[...]
            while let slash = f.lastIndex(of: "/") {
                f = f[..<slash]
                guard emptied.insert(f).inserted else { break }
            }
        }
        for path in emptied.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            unlinkat(folder, String(path), AT_REMOVEDIR)
        }
    }
}
