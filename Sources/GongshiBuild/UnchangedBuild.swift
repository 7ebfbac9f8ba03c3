import Crypto
import Foundation
import GongshiModel
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// A build whose every input is what the live output was built from: nothing to do.
///
/// The inputs are the bytes of every file of `Content/` (but the build reports of `Content/baogao/`,
/// which builds write) and `Templates/`, the build's options and date, and the program. After a build
/// that appended nothing to the ledger (so the ledger it read is the ledger now), their key and the
/// build's result are kept in the cache (`build-<hash of the output folder>.state`). A later build with
/// the same key returns that result without reading, judging or rendering, but only when the live
/// output is still that build's whole: the marker names the ledger as it is, every file is the very
/// file the manifest describes (inode, size, time) and there is no other file, the manifest is the one
/// that build wrote; and the day's report is still the one written. Anything else, or a symbolic link or a pending ledger note among the
/// inputs, builds as usual.
enum UnchangedBuild {
    /// The key of a build's inputs, and the SHA-256 of the ledger among them (hexadecimal, as its mark
    /// says it; that of no bytes when there is no ledger).
    struct InputsKey: Equatable, Sendable {
        let fingerprint: Fingerprint
        let ledgerSHA: String
        /// The fingerprint of every input file's stamp: a file written during a build and put back to
        /// its bytes (A, B, A) has the same digest after the build but not the same stamp.
        let stamps: Fingerprint
        /// Whether every input file had been left alone for longer than a clock tick
        /// (``InputStamps/Stamp/settled(at:)``) and was not written while it was hashed: only then does
        /// an equal key after the build prove that no file was written during it (a write within the
        /// tick of the stamp would not show).
        let settled: Bool
    }

    static let magic = Array("gongshi-build-state 1\n".utf8)

    static func name(out: String) -> String { "build-\(Fingerprint(hashing: Array(out.utf8))).state" }

    /// The key of everything the build of `options` into `out` depends on, or nil when it cannot be told.
    /// A file whose stamp is the one `cache` kept is not read again (``InputStamps``); the stamps of
    /// what was hashed are kept for the next build.
    static func key(_ options: BuildOptions, out: String, cache: BuildCache, waited: Bool = false) -> InputsKey? {
        var h = SHA256()
        let head = [
            cache.program, options.date.description, options.baseURL ?? "-", out,
            options.writeLedger ? "ledger" : "no-ledger",
        ]
        h.update(data: Array(head.joined(separator: "\n").utf8))
        // Taken before any file is stamped: a file is settled only if it was left alone before this.
        let now = InputStamps.now()
        var items: [TreeItem] = []
        for dir in ["Content", "Templates"] {
            guard listTree(options.site + "/" + dir, rel: dir, into: &items) else { return nil }
        }
        // Files written a moment ago (copied in just before the build) are waited for, once, up to a
        // tenth of a second, rather than left unsettled: a build's state is kept only when all are.
        let wait = items.lazy.compactMap { $0.file?.stamp.wait(at: now) }.max() ?? 0
        if !waited, wait > 0, wait <= InputStamps.settleFine {
            var pause = timespec(tv_sec: 0, tv_nsec: wait)
            nanosleep(&pause, nil)
            return key(options, out: out, cache: cache, waited: true)
        }
        let trusted = InputStamps.trustsStamps(of: options.site + "/Content")
        let kept = trusted ? InputStamps(cache: cache) : InputStamps()
        // Every file's bytes hashed on every core (a build hashes its inputs twice, before and after):
        // the ledger and the data files of a province are tens of MB. A file hashed is stamped again
        // after: one written meanwhile is not kept, and leaves the key unsettled.
        let digests = ParallelMap.map(items) { item -> (digest: [UInt8], stable: Bool)? in
            guard let file = item.file else { return ([], true) }
            if let digest = kept.digest(of: file.path, file.stamp) { return (digest, true) }
            var hasher = SHA256()
            let full = options.site + "/" + file.path
            guard BuildCache.hash(file: full, into: &hasher) else { return nil }
            return (Array(hasher.finalize()), InputStamps.Stamp.of(full) == file.stamp)
        }
        var hashed: [(path: String, entry: InputStamps.Entry)] = []
        var ledgerSHA = LedgerStore.mark([]).sha256
        var stampsHash = SHA256()
        var settled = true
        for (item, digest) in zip(items, digests) {
            guard let (digest, stable) = digest else { return nil }
            h.update(data: Array(item.line.utf8))
            h.update(data: digest)
            guard let file = item.file else { continue }
            stampsHash.update(data: Array("\(file.path) \(file.stamp.line)\n".utf8))
            settled = settled && stable && file.stamp.settled(at: now)
            if stable { hashed.append((file.path, InputStamps.Entry(stamp: file.stamp, digest: digest))) }
            if file.path == LedgerStore.file { ledgerSHA = LedgerStore.hex(bytes: digest) }
        }
        if trusted {
            let stamps = InputStamps(hashed: hashed, now: now)
            if !stamps.isSame(as: kept) { stamps.save(to: cache) }
        }
        return InputsKey(
            fingerprint: Fingerprint(hashing: Array(h.finalize())), ledgerSHA: ledgerSHA,
            stamps: Fingerprint(hashing: Array(stampsHash.finalize())), settled: settled)
    }

    /// A folder or a regular file of the inputs, as the key names it.
    private struct TreeItem: Sendable {
        /// `d <path>` or `f <path> <size>`, relative to the site.
        let line: String
        /// A file's path relative to the site and its stamp (nil for a folder).
        let file: (path: String, stamp: InputStamps.Stamp)?
    }

    /// Lists the folders and files under `path`, in byte order; false on anything but folders and
    /// regular files (a link, whose target could change unseen) or a pending ledger note.
    private static func listTree(_ path: String, rel: String, into items: inout [TreeItem]) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        for name in names.sorted(by: { PlainText.compareBytes($0, $1) < 0 }) {
            let r = rel + "/" + name
            if r == "Content/baogao" || r.hasPrefix("Content/ledger.csv.tmp-") { continue }
            if r == "Content/ledger.csv.pending" { return false }
            let full = path + "/" + name
            var st = stat()
            guard lstat(full, &st) == 0 else { return false }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                items.append(TreeItem(line: "d \(r)\n", file: nil))
                guard listTree(full, rel: r, into: &items) else { return false }
            case S_IFREG:
                items.append(TreeItem(line: "f \(r) \(st.st_size)\n", file: (r, InputStamps.Stamp(st))))
            default:
                return false
            }
        }
        return true
    }

    /// The result of the build that made the live output, when `key` is what it was built from and the
    /// output, the ledger and the day's report are still as that build left them.
    static func result(_ options: BuildOptions, out: String, key: InputsKey, cache: BuildCache, started: Date)
        -> BuildResult?
    {
        guard let bytes = cache.read(name(out: out)) else { return nil }
        // The program and the key first, before the seal is checked and the manifest read: after a day's
        // new records they differ, and the state's and the manifest's megabytes need not be hashed.
        var head = ByteReader(bytes: bytes, at: magic.count, end: bytes.count)
        guard bytes.starts(with: magic), head.string() == cache.program, head.string() == key.fingerprint.description
        else { return nil }
        // The state and the manifest (their seals, the kept findings, the manifest's layout) read side by
        // side: at 100 000 records they are 7 and 24 MB.
        let from = head.at
        let (kept, live) = ParallelMap.both(
            { KeptState(bytes, from: from) },
            { () -> LiveManifest? in
                guard let manifest = cache.outputManifestBytes(out: out),
                    let layout = OutputManifest.layout(manifest, program: cache.program)
                else { return nil }
                return LiveManifest(bytes: manifest, files: layout.files, folders: layout.folders)
            })
        guard let kept, let live, kept.manifestSHA == manifestSHA(seal: Array(live.bytes.suffix(32))) else {
            return nil
        }
        // The live output and the ledger are still what that build left.
        guard key.ledgerSHA == kept.ledgerSHA, OutputFolder.markedLedger(out)?.sha256 == kept.ledgerSHA else {
            return nil
        }
        if !kept.report.isEmpty {
            let text = [UInt8](FileManager.default.contents(atPath: options.site + "/" + kept.report) ?? Data())
            guard Fingerprint(hashing: text).description == kept.reportSHA else { return nil }
        }
        guard liveOutputIs(live, out: out) else { return nil }
        return BuildResult(
            date: options.date, published: [.xzxk: kept.xzxk, .xzcf: kept.xzcf, .mingdan: kept.mingdan],
            withdrawals: kept.withdrawals, withheld: kept.withheld, withheldForError: kept.forError,
            pages: kept.pages, files: kept.files, ledgerEvents: 0, seconds: Date().timeIntervalSince(started),
            findings: kept.findings, out: out, reportFile: kept.report.isEmpty ? nil : kept.report)
    }

    /// What a kept state says of the build that made the live output (after its program and key).
    private struct KeptState: Sendable {
        var manifestSHA = "", ledgerSHA = "", report = "", reportSHA = ""
        var xzxk = 0, xzcf = 0, mingdan = 0, withdrawals = 0, forError = 0, pages = 0, files = 0
        var withheld: [String: Int] = [:]
        var findings: [Finding] = []

        /// Reads the state in `bytes` from `from` (where its key ended); nil unless it is whole and sealed.
        init?(_ bytes: [UInt8], from: Int) {
            guard let end = BuildCache.bodyEnd(of: bytes, magic: UnchangedBuild.magic), from <= end else {
                return nil
            }
            var r = ByteReader(bytes: bytes, at: from, end: end)
            // Four texts (the manifest's and the ledger's SHA-256, the report and its SHA-256), then eight
            // counts, the last the number of rules with withheld rows.
            let texts = (0..<4).compactMap { _ in r.string() }
            let counts = (0..<8).compactMap { _ in r.int() }
            guard texts.count == 4, counts.count == 8, let rules = counts.last, rules >= 0, rules < end else {
                return nil
            }
            (manifestSHA, ledgerSHA, report, reportSHA) = (texts[0], texts[1], texts[2], texts[3])
            (xzxk, xzcf, mingdan, withdrawals) = (counts[0], counts[1], counts[2], counts[3])
            (forError, pages, files) = (counts[4], counts[5], counts[6])
            for _ in 0..<rules {
                guard let rule = r.string(), let n = r.int() else { return nil }
                withheld[rule] = n
            }
            guard let findings = r.findings(), r.at == end else { return nil }
            self.findings = findings
        }
    }

    /// The live output's manifest: its bytes, and where its files' and folders' paths lie in them.
    struct LiveManifest: Sendable {
        let bytes: [UInt8]
        let files: [(path: Range<Int>, entry: ManifestEntry)]
        let folders: [(path: Range<Int>, stamp: FolderStamp)]
    }

    /// Keeps the key and the result of a build that appended nothing to the ledger.
    static func save(_ result: BuildResult, options: BuildOptions, key: InputsKey, cache: BuildCache) {
        var w = ByteWriter()
        w.bytes.reserveCapacity(magic.count + 4096 + ByteWriter.size(of: result.findings))
        w.bytes += magic
        var reportSHA = ""
        if let report = result.reportFile {
            let text = [UInt8](FileManager.default.contents(atPath: options.site + "/" + report) ?? Data())
            reportSHA = Fingerprint(hashing: text).description
        }
        for s in [
            cache.program, key.fingerprint.description, manifestSHA(seal: cache.outputManifestSeal(out: result.out)),
            key.ledgerSHA,
            result.reportFile ?? "", reportSHA,
        ] {
            w.string(s)
        }
        for n in [
            result.published[.xzxk] ?? 0, result.published[.xzcf] ?? 0, result.published[.mingdan] ?? 0,
            result.withdrawals, result.withheldForError, result.pages, result.files, result.withheld.count,
        ] {
            w.int(n)
        }
        for (rule, n) in result.withheld.sorted(by: { $0.key < $1.key }) {
            w.string(rule)
            w.int(n)
        }
        w.findings(result.findings)
        cache.writeSealed(name(out: result.out), w.bytes)
    }

    /// The fingerprint of an output folder's manifest, from its seal (the SHA-256 of the rest of it,
    /// checked whenever it is decoded; nil when there is no manifest): a kept result belongs to one
    /// manifest, named without hashing or even reading its megabytes again.
    static func manifestSHA(seal: [UInt8]?) -> String {
        guard let seal, seal.count == 32 else { return "none" }
        return Fingerprint(hashing: seal).description
    }

    /// Forgets the kept result for `out` (a build that changed the output or the ledger).
    static func forget(out: String, cache: BuildCache) { unlink(cache.folder + "/" + name(out: out)) }

    /// Whether the files under `out` are exactly the manifest's, each the very file it describes: every
    /// folder still the folder its stamp describes (so it holds the names it held when the manifest was
    /// written, no more, no fewer), every file still the file its entry describes. A province's output
    /// holds some 200 000 files in 130 000 folders: each is looked at once, relative to the open output
    /// folder, on every core, and none is listed, so that a build with nothing to do stays a small part
    /// of a full one. The manifest (`manifest`, its bytes) is read as a list of where its paths lie, without
    /// a String or a dictionary of its 200 000 paths: a path listed twice (taken, then written again)
    /// fails on its older entry, and the build then simply runs.
    static func liveOutputIs(_ manifest: [UInt8], program: String, out: String) -> Bool {
        guard let (files, folders) = OutputManifest.layout(manifest, program: program) else { return false }
        return liveOutputIs(LiveManifest(bytes: manifest, files: files, folders: folders), out: out)
    }

    /// ``liveOutputIs(_:program:out:)`` of a manifest already laid out.
    static func liveOutputIs(_ live: LiveManifest, out: String) -> Bool {
        let (manifest, files, folders) = (live.bytes, live.files, live.folders)
        guard !files.isEmpty, !folders.isEmpty else { return false }
        let fd = open(out, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard FolderStamp.allMatch(folders, in: manifest, under: fd) else { return false }
        let matched = ParallelMap.chunked(files, chunk: 4096) { file -> Bool in
            var st = stat()
            return OutputManifest.look(manifest, file.path, under: fd, &st) && file.entry.matches(st)
        }
        return !matched.contains(false)
    }
}
