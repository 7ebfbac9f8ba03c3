import CGongshi
import Foundation
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder of a build (`Public/` or `--out`): which folders a build may replace, the marker
/// every build writes into it, and the leftovers of killed builds beside it.
///
/// A build replaces its output folder whole, so it must never be pointed at something Gongshi did not
/// write: the folder must be absent, empty, marked by ``markerName``, or a site an older Gongshi wrote
/// (no marker yet, but its home page, sitemap, search and open data). The site folder, `Content/`,
/// `Templates/`, `.gongshi.cache/`, anything inside those, an ancestor of the site and a regular file are refused.
public enum OutputFolder {
    /// Written into every output folder; says which ledger state the site corresponds to.
    public static let markerName = ".gongshi-output"
    static let markerTitle = "gongshi-output 1"

    /// The real absolute path of `out` (symbolic links resolved), or a refusal naming the reason.
    public static func validate(out: String, site: String) throws(SiteError) -> String {
        let real = realPath(out)
        let siteReal = realPath(site)
        func refuse(_ why: String) -> SiteError {
            SiteError(
                file: "",
                message:
                    "不能把「\(out)」用作输出文件夹：\(why)构建会整体替换输出文件夹。请用 --out 指定一个空文件夹、尚不存在的文件夹，或以前由 gongshi build 生成的文件夹（例如 站点/Public）。"
            )
        }
        if real == siteReal { throw refuse("它就是站点文件夹本身，替换它会删除 Content/ 和台账。") }
        if siteReal.hasPrefix(real == "/" ? "/" : real + "/") { throw refuse("它包含站点文件夹（\(siteReal)）。") }
        for inner in ["Content", "Templates", BuildCache.folderName] {
            let p = siteReal + "/" + inner
            if real == p || real.hasPrefix(p + "/") { throw refuse("它是站点的 \(inner)/ 文件夹或在其中。") }
        }
        // The staging folder's name is the output's with about 30 bytes more: check before any lookup.
        let parts = real.split(separator: "/")
        if parts.contains(where: { $0.utf8.count > 255 }) || (parts.last?.utf8.count ?? 0) > 220 {
            throw SiteError(file: "", message: IOFailure.message(ENAMETOOLONG, path: out, doing: "使用输出文件夹"))
        }
        var st = stat()
        if lstat(real, &st) != 0 {
            let code = errno
            if code == ENOENT { return real }
            throw SiteError(file: "", message: IOFailure.message(code, path: out, doing: "检查输出文件夹"))
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw refuse("它是一个文件，不是文件夹。") }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: real) else {
            throw SiteError(file: "", message: IOFailure.message(EACCES, path: out, doing: "读取输出文件夹"))
        }
        if entries.isEmpty || entries.contains(markerName) || looksLikeOlderOutput(real) { return real }
        let some = entries.sorted().prefix(3).joined(separator: "、")
        throw refuse("其中已有不是 gongshi 生成的文件（\(some)\(entries.count > 3 ? " 等" : "")），替换会删除它们。")
    }

    /// A site written by a Gongshi older than the marker: home page, sitemap, 404 page, search and data.
    static func looksLikeOlderOutput(_ dir: String) -> Bool {
        let fm = FileManager.default
        return ["index.html", "sitemap.xml", "404.html", "sousuo/index.html", "data"].allSatisfy {
            fm.fileExists(atPath: dir + "/" + $0)
        }
    }

    /// The marker's text for a site built against the ledger state `ledger`.
    static func marker(ledger: LedgerMark) -> String {
        var text = """
            \(markerTitle)
            此文件夹由 gongshi build 生成，每次构建都会整体替换，请勿在此存放其他文件。
            ledger-bytes: \(ledger.bytes)
            ledger-sha256: \(ledger.sha256)

            """
        if let t = ledger.text { text += "ledger-text-bytes: \(t.bytes)\nledger-text-sha256: \(t.sha256)\n" }
        return text
    }

    /// The ledger state recorded in the marker of the site at `dir`, if it has one.
    static func markedLedger(_ dir: String) -> LedgerMark? {
        guard let data = FileManager.default.contents(atPath: dir + "/" + markerName) else { return nil }
        var values: [Substring: Substring] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            values[line[..<colon]] = line[line.index(after: colon)...].drop { $0 == " " }
        }
        guard let bytes = values["ledger-bytes"].flatMap({ Int($0) }), let sha = values["ledger-sha256"] else {
            return nil
        }
        var mark = LedgerMark(bytes: bytes, sha256: String(sha))
        if let textBytes = values["ledger-text-bytes"].flatMap({ Int($0) }), let textSHA = values["ledger-text-sha256"]
        {
            mark.text = LedgerMark.Text(bytes: textBytes, sha256: String(textSHA))
        }
        return mark
    }

    /// The staging folder of this process for the output `out`.
    static func stagingPath(_ out: String) -> String {
        let parent = (out as NSString).deletingLastPathComponent
        return parent + "/.\((out as NSString).lastPathComponent).gongshi-staging-\(getpid())"
    }

    /// Removes what killed builds left beside `out`: staging folders and `.gongshi-old-` copies, by
    /// name. Only the holder of the site lock may call this with `all` (no other build of this site can
    /// be running): then everything goes but the folders of a running gongshi process (another site
    /// built into the same folder); without the lock only those of dead processes are removed. When a killed fallback
    /// swap left no output folder but one old copy, that copy is put back first.
    static func removeLeftovers(out: String, all: Bool) {
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let prefixes = [".\(name).gongshi-staging-", "\(name).gongshi-old-"]
        var olds: [String] = []
        for e in entries {
            guard let p = prefixes.first(where: { e.hasPrefix($0) }), let pid = Int32(e.dropFirst(p.count)) else {
                continue
            }
            if pid == getpid() { continue }
            if all ? isGongshi(pid) : kill(pid, 0) == 0 { continue }
            if p == prefixes[1] {
                olds.append(e)
                continue
            }
            removeTree(parent + "/" + e)
        }
        if olds.count == 1, !FileManager.default.fileExists(atPath: out) {
            if rename(parent + "/" + olds[0], out) == 0 { return }
        }
        for e in olds { removeTree(parent + "/" + e) }
    }

    /// Whether `pid` is a running gongshi (a build of another site may write to the same output
    /// folder). A dead build's process id taken by another program does not count.
    static func isGongshi(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let comm = FileManager.default.contents(atPath: "/proc/\(pid)/comm") else { return true }
        return String(decoding: comm, as: UTF8.self).hasPrefix("gongshi")
    }

    /// Removes a folder tree, making read-only folders writable when needed (a read-only output
    /// folder would otherwise leave its old copy behind for ever). Best effort; in C because
    /// FileManager takes seconds for the thousands of files of a site.
    public static func removeTree(_ path: String) {
        _ = gongshi_remove_tree(path)
    }

    /// Removes a large folder tree on every core: its top-level folders at once (a site's `zhuti/` and
    /// `xzxk/` hold most of its hundreds of thousands of files; folders apart do not contend for a
    /// lock), then what is left. The old site after a swap is removed this way while the user waits.
    static func removeTreeInParallel(_ path: String) {
        let top = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if top.count > 1 {
            DispatchQueue.concurrentPerform(iterations: top.count) { i in removeTree(path + "/" + top[i]) }
        }
        removeTree(path)
    }

    /// The real path of `path`: the longest existing ancestor resolved with `realpath`, the rest
    /// appended. `path` should be absolute.
    static func realPath(_ path: String) -> String {
        let standard = (path as NSString).standardizingPath
        var head = standard
        var tail: [String] = []
        while true {
            if let r = realpath(head, nil) {
                defer { free(r) }
                let base = String(cString: r)
                if tail.isEmpty { return base }
                return (base == "/" ? "" : base) + "/" + tail.reversed().joined(separator: "/")
            }
            let parent = (head as NSString).deletingLastPathComponent
            if parent == head || parent.isEmpty { return standard }
            tail.append((head as NSString).lastPathComponent)
            head = parent
        }
    }
}
