import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files someone put into the live output folder by hand (a search engine's verification file, a
/// `.git` checkout, a logo dropped into `assets/`): a build replaces the output folder whole, so the new
/// site does not have them. The build says so, naming them, rather than letting them go unnoticed.
///
/// Looked for in the output folder itself and its top-level folders, where such files are put: a
/// folder whose stamp is still the one the live site's manifest recorded holds exactly the names it
/// held then, so only a folder that changed is listed. A few `lstat`s when nothing was added.
struct ForeignFiles: Sendable {
    /// Paths in the output folder, sorted.
    let paths: [String]

    /// The files and folders of the live output `out` that its manifest does not list, in the output
    /// folder and its top-level folders. `folders`: the manifest's folder stamps (paths in `bytes`);
    /// `files`: its entries.
    static func find(
        out: String, bytes: [UInt8], folders: [(path: Range<Int>, stamp: FolderStamp)], files: ManifestFiles
    ) -> ForeignFiles {
        let fd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return ForeignFiles(paths: []) }
        defer { close(fd) }
        func depth(_ path: Range<Int>) -> Int { bytes[path].count { $0 == UInt8(ascii: "/") } }
        let changed = folders.filter { folder in
            var st = stat()
            return depth(folder.path) == 0 && OutputManifest.look(bytes, folder.path, under: fd, &st)
                && !folder.stamp.matches(st)
        }
        guard !changed.isEmpty else { return ForeignFiles(paths: []) }
        // What may be listed in a changed folder: paths of at most two parts.
        let known = Set(folders.filter { depth($0.path) <= 1 }.map { String(decoding: bytes[$0.path], as: UTF8.self) })
        var found: [String] = []
        for folder in changed {
            let path = String(decoding: bytes[folder.path], as: UTF8.self)
            let names = try? FileManager.default.contentsOfDirectory(atPath: path.isEmpty ? out : out + "/" + path)
            for name in names ?? [] {
                let inner = path.isEmpty ? name : path + "/" + name
                if !known.contains(inner), files[inner] == nil { found.append(inner) }
            }
        }
        return ForeignFiles(paths: found.sorted())
    }

    /// What the build says of them (nil when there are none). `spare`: the folder the old site is kept
    /// in until the next build, or nil when it was removed.
    func note(out: String, spare: String?) -> String? {
        guard !paths.isEmpty else { return nil }
        let shown = paths.prefix(5).map { "「\($0)」" }.joined(separator: "、") + (paths.count > 5 ? " 等" : "")
        let whereNow =
            spare.map { "旧网站连同它们暂存在「\($0)」，下次构建时删除，如需保留请在此之前取出" } ?? "它们已随旧网站删除"
        return
            "注意：输出文件夹「\(out)」中有 \(paths.count) 项不是 gongshi 生成的（\(shown)）。每次构建都整体替换输出文件夹，新网站中没有它们；\(whereNow)。需要随网站发布的文件请放入 Templates/assets/（发布为 /assets/文件名）。"
    }
}
