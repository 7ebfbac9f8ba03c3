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
    static let magic = Array("gongshi-build-state 1\n".utf8)

    static func name(out: String) -> String { "build-\(Fingerprint(hashing: Array(out.utf8))).state" }

    /// The key of everything the build of `options` into `out` depends on, or nil when it cannot be told.
    static func key(_ options: BuildOptions, out: String, program: String) -> Fingerprint? {
        var h = SHA256()
        let head = [
            program, options.date.description, options.baseURL ?? "-", out,
            options.writeLedger ? "ledger" : "no-ledger",
        ]
        h.update(data: Array(head.joined(separator: "\n").utf8))
        var items: [TreeItem] = []
        for dir in ["Content", "Templates"] {
            guard listTree(options.site + "/" + dir, rel: dir, into: &items) else { return nil }
        }
        // Every file's bytes hashed on every core (a build hashes its inputs twice, before and after):
        // the ledger and the data files of a province are tens of MB.
        let digests = ParallelMap.map(items) { item -> [UInt8]? in
            guard let full = item.full else { return [] }
            var file = SHA256()
            return BuildCache.hash(file: full, into: &file) ? Array(file.finalize()) : nil
        }
        for (item, digest) in zip(items, digests) {
            guard let digest else { return nil }
            h.update(data: Array(item.line.utf8))
            h.update(data: digest)
        }
        return Fingerprint(hashing: Array(h.finalize()))
    }

    /// A folder or a regular file of the inputs, as the key names it.
    private struct TreeItem: Sendable {
        /// `d <path>` or `f <path> <size>`, relative to the site.
        let line: String
        /// The file's full path (nil for a folder).
        let full: String?
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
                items.append(TreeItem(line: "d \(r)\n", full: nil))
                guard listTree(full, rel: r, into: &items) else { return false }
            case S_IFREG:
                items.append(TreeItem(line: "f \(r) \(st.st_size)\n", full: full))
            default:
                return false
            }
        }
        return true
    }

    /// The result of the build that made the live output, when `key` is what it was built from and the
    /// output, the ledger and the day's report are still as that build left them.
    static func result(_ options: BuildOptions, out: String, key: Fingerprint, cache: BuildCache, started: Date)
        -> BuildResult?
    {
        guard let bytes = cache.read(name(out: out)) else { return nil }
        // The program and the key first, before the seal is checked and the manifest read: after a day's
        // new records they differ, and the state's and the manifest's megabytes need not be hashed.
        var head = ByteReader(bytes: bytes, at: magic.count, end: bytes.count)
        guard bytes.starts(with: magic), head.string() == cache.program, head.string() == key.description,
            let end = BuildCache.bodyEnd(of: bytes, magic: magic), head.at <= end
        else { return nil }
        // The rest read within the sealed body, from where the key ended.
        var r = ByteReader(bytes: bytes, at: head.at, end: end)
        // The manifest is read once: its fingerprint ties the kept result to it, its entries are checked.
        let manifest = cache.outputManifestBytes(out: out)
        guard r.string() == manifestSHA(seal: manifest.map { Array($0.suffix(32)) }),
            let ledgerSHA = r.string(),
            let report = r.string(), let reportSHA = r.string(), let xzxk = r.int(), let xzcf = r.int(),
            let mingdan = r.int(), let withdrawals = r.int(), let forError = r.int(), let pages = r.int(),
            let files = r.int(), let rules = r.int(), rules >= 0, rules < end
        else { return nil }
        var withheld: [String: Int] = [:]
        for _ in 0..<rules {
            guard let rule = r.string(), let n = r.int() else { return nil }
            withheld[rule] = n
        }
        guard let findings = r.findings(), r.at == end else { return nil }

        // The live output and the ledger are still what that build left.
        guard LedgerStore.mark(site: options.site)?.sha256 == ledgerSHA,
            OutputFolder.markedLedger(out)?.sha256 == ledgerSHA
        else {
            return nil
        }
        if !report.isEmpty {
            let text = [UInt8](FileManager.default.contents(atPath: options.site + "/" + report) ?? Data())
            guard Fingerprint(hashing: text).description == reportSHA else { return nil }
        }
        guard let manifest, liveOutputIs(manifest, program: cache.program, out: out) else { return nil }
        return BuildResult(
            date: options.date, published: [.xzxk: xzxk, .xzcf: xzcf, .mingdan: mingdan], withdrawals: withdrawals,
            withheld: withheld, withheldForError: forError, pages: pages, files: files, ledgerEvents: 0,
            seconds: Date().timeIntervalSince(started),
            findings: findings, out: out, reportFile: report.isEmpty ? nil : report)
    }

    /// Keeps the key and the result of a build that appended nothing to the ledger.
    static func save(_ result: BuildResult, options: BuildOptions, key: Fingerprint, cache: BuildCache) {
        var w = ByteWriter()
        w.bytes.reserveCapacity(magic.count + 4096 + ByteWriter.size(of: result.findings))
        w.bytes += magic
        guard let ledger = LedgerStore.mark(site: options.site) else { return }
        var reportSHA = ""
        if let report = result.reportFile {
            let text = [UInt8](FileManager.default.contents(atPath: options.site + "/" + report) ?? Data())
            reportSHA = Fingerprint(hashing: text).description
        }
        for s in [
            cache.program, key.description, manifestSHA(seal: cache.outputManifestSeal(out: result.out)),
            ledger.sha256,
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
        guard let (files, folders) = OutputManifest.layout(manifest, program: program), !files.isEmpty,
            !folders.isEmpty
        else { return false }
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
