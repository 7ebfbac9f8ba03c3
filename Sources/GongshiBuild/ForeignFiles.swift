import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files someone put into the live output folder by hand (a search engine's verification file, a
/// `.git` checkout, a logo dropped into `assets/`): a build replaces the output folder whole, so the new
/// site does not have them. The build says so, naming them, rather than letting them go unnoticed.
///
/// Looked for in the output folder itself, its top-level folders, and any folder deeper down that is
/// not one of many alike (a record's, an entity's, a listing page's: one of more than ``alikeFolders``
/// folders of one parent), where such files are put: a folder whose stamp is still the one the live
/// site's manifest recorded holds exactly the names it held then, so only a folder that changed is
/// listed. Some hundreds to a few thousand `lstat`s when nothing was added.
struct ForeignFiles: Sendable {
    /// Paths in the output folder, sorted.
    let paths: [String]

    /// The files and folders of the live output `out` that its manifest does not list, in the folders
    /// ``lookedIn(_:_:)`` names. `folders`: the manifest's folder stamps (paths in `bytes`);
    /// `files`: its entries. A folder is looked in only when it is the very folder the manifest stamped
    /// (its inode) and has changed since (its modification time): a manifest that does not describe the
    /// live site (one built with `--no-cache` since, or a commit that failed after the manifest was
    /// written) stamped other folders, and then nothing is said.
    static func find(
        out: String, bytes: [UInt8], folders: [(path: Range<Int>, stamp: FolderStamp)], files: ManifestFiles
    ) -> ForeignFiles {
        let fd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return ForeignFiles(paths: []) }
        defer { close(fd) }
        let slash = UInt8(ascii: "/")
        func path(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        // A manifest of another output folder (one built with `--no-cache` since) is set aside first.
        var root = stat()
        guard let stamp = folders.first(where: { $0.path.isEmpty })?.stamp,
            OutputManifest.look(bytes, 0..<0, under: fd, &root), UInt64(root.st_ino) == stamp.inode
        else { return ForeignFiles(paths: []) }
        var changed: [String] = []
        let looked = lookedIn(bytes, folders)
        for (n, folder) in folders.enumerated() where looked[n] {
            var st = stat()
            guard OutputManifest.look(bytes, folder.path, under: fd, &st) else { continue }
            guard UInt64(st.st_ino) == folder.stamp.inode else {
                if folder.path.isEmpty { return ForeignFiles(paths: []) }
                continue
            }
            if !folder.stamp.matches(st) { changed.append(path(folder.path)) }
        }
        guard !changed.isEmpty else { return ForeignFiles(paths: []) }
        // The folders the manifest knows inside the changed ones (a changed top-level folder of records
        // holds 100 000 of them; only then are they made strings).
        let parents = Set(changed)
        var known: Set<String> = []
        for folder in folders where !folder.path.isEmpty {
            let p = bytes[folder.path]
            let parent = p.lastIndex(of: slash).map { path(p.startIndex..<$0) } ?? ""
            if parents.contains(parent) { known.insert(path(folder.path)) }
        }
        var found: [String] = []
        for folder in changed {
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? out : out + "/" + folder)
            for name in names ?? [] {
                let inner = folder.isEmpty ? name : folder + "/" + name
                if !known.contains(inner), files[inner] == nil { found.append(inner) }
            }
        }
        return ForeignFiles(paths: found.sorted())
    }

    /// A folder whose parent holds more folders than this is one of many alike, made for each record, entity
    /// or listing page, and not looked in: nobody puts a file into one of 100 000 record folders, and
    /// looking would cost a `lstat` per record.
    static let alikeFolders = 64

    /// Which of `folders` are looked in: the output folder, its top-level folders, and deeper folders
    /// whose parent holds at most ``alikeFolders`` folders. Parents are counted by a hash of their path's
    /// bytes, not as strings (a province's output has a million folders).
    static func lookedIn(_ bytes: [UInt8], _ folders: [(path: Range<Int>, stamp: FolderStamp)]) -> [Bool] {
        let slash = UInt8(ascii: "/")
        // Hashed twice rather than kept: a list of a million parents' hashes would sit on the peak.
        func parent(_ path: Range<Int>) -> Int? {
            guard let last = bytes[path].lastIndex(of: slash) else { return nil }
            var h = Hasher()
            bytes.withUnsafeBytes { h.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[path.lowerBound..<last])) }
            return h.finalize()
        }
        var siblings: [Int: Int] = [:]
        for folder in folders {
            if let p = parent(folder.path) { siblings[p, default: 0] += 1 }
        }
        return folders.map { folder in parent(folder.path).map { (siblings[$0] ?? 0) <= alikeFolders } ?? true }
    }

    /// What the build says of them (nil when there are none). `spare`: the folder the old site is kept
    /// in until the next build, or nil when it was removed.
    func note(out: String, spare: String?) -> String? {
        guard !paths.isEmpty else { return nil }
        let shown = paths.prefix(5).map { "「\($0)」" }.joined(separator: "、") + (paths.count > 5 ? " 等" : "")
        let whereNow =
            spare.map { "旧网站连同它们暂存在「\($0)」，下一次有改动的构建时删除，如需保留请在此之前取出" } ?? "它们已随旧网站删除"
        return
            "注意：输出文件夹「\(out)」中有 \(paths.count) 项不是 gongshi 生成的（\(shown)）。每次构建都整体替换输出文件夹，新网站中没有它们；\(whereNow)。需要随网站发布的文件请放入 Templates/assets/（发布为 /assets/文件名）；搜索引擎要求放在网站根目录的验证文件无法随网站发布，请改用其 HTML 标签验证方式（把 meta 标签加入 Templates/head.mustache）。"
    }
}
