import CGongshi
import Foundation
import GongshiModel
import GongshiRules
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// `gongshi build` (and the preview server's builds) as a list of named steps, each handing its
/// values to the next (as Publish lists a website's `PublishingStep`s):
///
///     read → parse theme → judge → scope to a department → render into staging → commit → report
///
/// Only `read`, `render` (into a staging folder), `commit` and `report` touch the disk; parsing the
/// theme, judging and scoping are pure functions of their inputs. The steps are in ``BuildStep``.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, progress: @escaping @Sendable (Int) -> Void = { _ in })
        throws(SiteError) -> BuildResult
    {
        let started = Date()
        let timer = PhaseTimer()
        var inputs: BuildInputs
        switch try BuildStep.read(options, started: started) {
        case .unchanged(let kept, let lock):
            lock?.release()
            return kept
        case .read(let read): inputs = read
        }
        defer { inputs.lock?.release() }
        // Dated before the ledger's last event: the site of that day, the ledger left as it is.
        let asked = options
        var options = options
        if inputs.backdated != nil { options.writeLedger = false }
        // A province's site is streamed (its rows are never all held): the read's buffers let go are
        // returned, so that the judge's peak is built on what the read holds, not on what it held. A
        // site read whole keeps its heap for the judge and the render to take up again.
        let streamed = !inputs.source.holdsRows
        if streamed { Self.returnFreedMemory() }
        timer.lap("read")
        let templates = try BuildStep.parseTheme(inputs.theme)
        let judgement = BuildStep.judge(inputs.source, options)
        // The ledger's events are folded into the judgement, and the rows of a site read into memory are
        // judged: neither is kept for the render (a province's million events; 140 MB of rows at 100 000).
        inputs.source.site.ledger = []
        inputs.source.records = []
        if streamed { Self.returnFreedMemory() }
        timer.lap("judge")
        if options.isCancelled() { throw SiteError(file: "", message: "构建已取消") }
        let scoped = BuildStep.scope(judgement, themeFindings: templates.findings, to: options.preview?.department)
        Interruption.beginWriting()
        defer { Interruption.endWriting() }
        let rendered = try BuildStep.render(scoped, templates, inputs, options, progress: progress)
        timer.lap("render")
        let spare = try BuildStep.commit(rendered, inputs, options)
        timer.lap("swap")
        let reportFile = try BuildStep.report(scoped, inputs, options)
        timer.lap("report")
        var result = BuildStep.result(
            scoped, rendered, inputs, options, seconds: Date().timeIntervalSince(started), reportFile: reportFile)
        result.notes = [
            inputs.backdated, inputs.keptMark?.note, rendered.foreign.note(out: options.out, spare: spare),
        ].compactMap { $0 }
        // Built from the ledger as it still is, and from inputs that were not written meanwhile (the same
        // bytes and the same stamps, all settled when the build began): the next build of the same inputs
        // has nothing to do.
        if let cache = inputs.cache, let key = inputs.key, key.settled, !rendered.appendEvents,
            inputs.backdated == nil, UnchangedBuild.key(asked, out: inputs.out, cache: cache) == key
        {
            UnchangedBuild.save(result, options: asked, key: key, cache: cache)
        }
        timer.lap("state")
        if !options.freesMemory { LeftToExit.keep(judgement, scoped, rendered, inputs) }
        return result
    }

    /// Hands the heap the read or the judge let go (the read's file groups; the rows' contexts, the
    /// ledger history, the duplicate index) back to the system. glibc keeps freed memory in the arena of
    /// the thread that freed it, pages in the middle of a heap included, until a later allocation there
    /// takes it up: at 330 000 records the render started from 788 MB resident, 393 MB once trimmed.
    static func returnFreedMemory() { gongshi_release_free_memory() }

    /// What a build leaves for the process's exit to reclaim (see ``BuildOptions/freesMemory``).
    private final class LeftToExit: Sendable {
        let values: [any Sendable]
        private init(_ values: [any Sendable]) { self.values = values }
        static func keep(_ values: any Sendable...) { _ = Unmanaged.passRetained(LeftToExit(values)) }
    }

    /// The Chinese error for a failed render or swap; an interruption says so.
    static func failure(_ error: any Error, writing out: String) -> SiteError {
        if let sig = Interruption.signal {
            return SiteError(file: "", message: "已中断（\(Interruption.name(sig))）：临时文件已删除，原网站和台账未改动。")
        }
        if let e = error as? SiteError { return e }
        if let e = error as? RenderError { return SiteError(file: "", message: "写出网站失败：\(e.message)") }
        return SiteError(file: "", message: IOFailure.describe(error, path: out, doing: "写出网站到"))
    }

    /// Atomically exchanges the staging folder with the current output (renameat2), then hands the
    /// old site to `retire` (which keeps it as the spare or removes it). Where the file system cannot
    /// exchange, falls back to two renames.
    static func swap(
        staging: String, into out: String, retire: (String) -> Void = OutputFolder.removeTreeInParallel
    ) throws {
        var st = stat()
        if lstat(out, &st) != 0 {
            guard rename(staging, out) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            LedgerStore.syncFolder(of: out)
            return
        }
        if gongshi_exchange_paths(staging, out) == 0 {
            LedgerStore.syncFolder(of: out)
            retire(staging)  // now holds the old site
            return
        }
        let old = out + ".gongshi-old-\(getpid())"
        guard rename(out, old) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard rename(staging, out) == 0 else {
            let code = errno
            _ = rename(old, out)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        LedgerStore.syncFolder(of: out)
        retire(old)
    }
}
