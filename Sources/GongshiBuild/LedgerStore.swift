import Crypto
import Foundation
import GongshiContent
import GongshiModel
import GongshiRules

#if canImport(Glibc)
    import Glibc
#endif

/// Writes `Content/ledger.csv` so that it is never lost, never half-written and never doubled.
///
/// The swap of the output folder is the commit point of a build. Before it, the build appends its
/// events to the ledger (rewritten beside itself and renamed) and records the ledger's state before
/// and after in `Content/ledger.csv.pending`; the new site's ``OutputFolder/markerName`` names the
/// state after. After the swap the pending note is removed. The next holder of the ``SiteLock`` reads a
/// note left by a killed build and reconciles: if the live site carries the state after, the build had
/// committed (the note goes); if not, the appended events were never public and the ledger is put
/// back to the state before — so no event is ever written twice and none stands for a page that was
/// not shown. Every path here is called with the site lock held.
public enum LedgerStore {
    static let file = "Content/ledger.csv"

    static func path(site: String) -> String { (site as NSString).appendingPathComponent(file) }
    static func pendingPath(site: String) -> String { path(site: site) + ".pending" }

    /// Size and SHA-256 of ledger bytes.
    static func mark(_ bytes: [UInt8]) -> LedgerMark {
        LedgerMark(bytes: bytes.count, sha256: hex(SHA256.hash(data: bytes)))
    }

    /// The mark of the ledger of `site` as it is on disk (a missing one is empty), read a chunk at a
    /// time: a province's ledger is 100 MB, and a build that only checks it held it twice. Nil when it
    /// cannot be read.
    static func mark(site: String) -> LedgerMark? {
        let path = self.path(site: site)
        if access(path, F_OK) != 0 && errno == ENOENT { return mark([]) }
        var hasher = SHA256()
        var st = stat()
        guard BuildCache.hash(file: path, into: &hasher), stat(path, &st) == 0 else { return nil }
        return LedgerMark(bytes: Int(st.st_size), sha256: hex(hasher.finalize()))
    }

    /// A digest in lowercase hexadecimal.
    static func hex(_ digest: SHA256.Digest) -> String { ContentDigest.hex(digest, count: SHA256.byteCount) }

    /// A digest's bytes in lowercase hexadecimal.
    static func hex(bytes: [UInt8]) -> String { ContentDigest.hex(bytes: bytes, count: SHA256.byteCount) }

    /// What an interrupted commit left: the ledger before and after its append, and its output folder.
    struct Pending: Equatable {
        var before: LedgerMark
        var after: LedgerMark
        var out: String

        var text: String {
            "before-bytes: \(before.bytes)\nbefore-sha256: \(before.sha256)\nafter-bytes: \(after.bytes)\nafter-sha256: \(after.sha256)\nout: \(out)\n"
        }

        init(before: LedgerMark, after: LedgerMark, out: String) {
            self.before = before
            self.after = after
            self.out = out
        }

        init?(text: String) {
            var v: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                v[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(
                    in: .whitespaces)
            }
            guard let bb = v["before-bytes"].flatMap({ Int($0) }), let bs = v["before-sha256"],
                let ab = v["after-bytes"].flatMap({ Int($0) }), let asha = v["after-sha256"], let out = v["out"]
            else { return nil }
            self.init(before: LedgerMark(bytes: bb, sha256: bs), after: LedgerMark(bytes: ab, sha256: asha), out: out)
        }
    }

    /// Removes temporary ledger files of killed runs, by name, and reconciles an interrupted commit.
    /// - Parameter out: the output folder of the run that recovers: the note names the output by the
    ///   path it had then, and a site moved or copied since has its output elsewhere.
    public static func recover(site: String, out: String) throws(SiteError) {
        let ledger = path(site: site)
        let dir = (ledger as NSString).deletingLastPathComponent
        let base = (ledger as NSString).lastPathComponent
        // The ledger's and the pending note's (`ledger.csv.pending.tmp-<pid>`: a run killed while
        // writing its note left one for good).
        for e in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        where e.hasPrefix(base + ".tmp-") || e.hasPrefix(base + ".pending.tmp-") {
            unlink(dir + "/" + e)
        }
        let notePath = pendingPath(site: site)
        guard let data = FileManager.default.contents(atPath: notePath) else { return }
        guard let note = Pending(text: String(decoding: data, as: UTF8.self)) else {
            // A note cut short: its build died before writing the ledger (the note is written first).
            unlink(notePath)
            return
        }
        if [note.out, out].contains(where: { OutputFolder.markedLedger($0) == note.after }) {
            unlink(notePath)  // the swap happened: committed
            return
        }
        let bytes = [UInt8](FileManager.default.contents(atPath: ledger) ?? Data())
        let now = mark(bytes)
        if now == note.before {
            unlink(notePath)  // killed before the append
            return
        }
        guard now == note.after, bytes.count >= note.before.bytes,
            mark(Array(bytes[..<note.before.bytes])) == note.before
        else {
            throw SiteError(
                file: file, message: "上一次构建在替换网站前中断，而台账此后又被改动，无法自动核对哪些事件已经公示。请对照网站核对台账末尾的事件，然后删除 \(file).pending 再构建。")
        }
        // The appended events never went live: take them back.
        try writeAtomically(Array(bytes[..<note.before.bytes]), to: ledger, shown: file)
        unlink(notePath)
    }

    /// Writes the pending note, then the ledger with `appendix` after its bytes. Returns the ledger's
    /// bytes before, which a failed swap puts back.
    static func write(site: String, held: HeldLedger, appendix: [UInt8], out: String) throws(SiteError) -> [UInt8] {
        let ledger = path(site: site)
        // The ledger must still be the one this build judged.
        let current = [UInt8](FileManager.default.contents(atPath: ledger) ?? Data())
        guard mark(current) == held.before else {
            throw SiteError(file: file, message: "台账在构建期间被其他程序修改，本次构建未写入台账，也未替换网站。请重新构建。")
        }
        let note = Pending(before: held.before, after: held.mark(appending: appendix), out: out)
        try writeAtomically(Array(note.text.utf8), to: pendingPath(site: site), shown: file + ".pending")
        try writeAtomically(current + appendix, to: ledger, shown: file)
        return current
    }

    /// Appends events that need no new site (what `gongshi ledger import` will write): in the ledger's
    /// own encoding, beside it and renamed. The caller holds the ``SiteLock`` and has called
    /// ``recover(site:)``.
    public static func append(site: String, events: [LedgerEvent]) throws(SiteError) {
        guard !events.isEmpty else { return }
        let ledger = try LedgerReader.read(path: path(site: site), file: file)
        try Interruption.committing { () throws(SiteError) in
            let appendix = try HeldLedger(ledger).appendix(events)
            try writeAtomically(ledger.bytes + appendix, to: path(site: site), shown: file)
        }
    }

    /// Marks the commit done: the swap happened.
    static func committed(site: String) {
        unlink(pendingPath(site: site))
    }

    /// Writes `bytes` beside `path`, flushes them to disk and renames them into place, so a crash
    /// leaves the old file or the new one, never half of it.
    static func writeAtomically(_ bytes: [UInt8], to path: String, shown: String) throws(SiteError) {
        let tmp = path + ".tmp-\(getpid())"
        func fail(_ code: Int32) -> SiteError {
            unlink(tmp)
            return SiteError(file: "", message: IOFailure.message(code, path: shown, doing: "写入"))
        }
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail(errno) }
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, bytes.count - off) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = n == 0 ? ENOSPC : errno
                close(fd)
                throw fail(code)
            }
            off += n
        }
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            throw fail(code)
        }
        close(fd)
        guard rename(tmp, path) == 0 else { throw fail(errno) }
        syncFolder(of: path)
    }

    /// Flushes a folder's entries (a rename is durable only once its folder is).
    static func syncFolder(of path: String) {
        let fd = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
