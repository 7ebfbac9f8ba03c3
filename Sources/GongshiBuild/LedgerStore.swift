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

    /// Writes the ledger with `appendix` after its bytes, and the pending note before it goes live.
    /// The ledger is copied a chunk at a time, never held (100 MB at a province, at the build's peak).
    static func write(site: String, held: HeldLedger, appendix: [UInt8], out: String) throws(SiteError) {
        let ledger = path(site: site)
        let new = try ReplacementFile(replacing: ledger, shown: file)
        // The ledger must still be the one this build judged: what is copied is what is checked.
        guard try new.copy(from: ledger) == held.before else {
            throw SiteError(file: file, message: "台账在构建期间被其他程序修改，本次构建未写入台账，也未替换网站。请重新构建。")
        }
        try new.write(appendix)
        let note = Pending(before: held.before, after: held.mark(appending: appendix), out: out)
        try writeAtomically(Array(note.text.utf8), to: pendingPath(site: site), shown: file + ".pending")
        try new.commit()
    }

    /// Puts the ledger back as it was before `write` appended to it (a swap that failed): its first
    /// `before.bytes` bytes, when it is still the ledger written (`after`). False when it is not, or
    /// cannot be written; the pending note then stays for the next build to reconcile.
    static func restore(site: String, before: LedgerMark, after: LedgerMark) -> Bool {
        let ledger = path(site: site)
        guard mark(site: site) == after, let old = try? ReplacementFile(replacing: ledger, shown: file),
            (try? old.copy(from: ledger, limit: before.bytes)) == before, (try? old.commit()) != nil
        else { return false }
        return true
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
        let new = try ReplacementFile(replacing: path, shown: shown)
        try new.write(bytes)
        try new.commit()
    }

    /// Flushes a folder's entries (a rename is durable only once its folder is).
    static func syncFolder(of path: String) {
        let fd = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
