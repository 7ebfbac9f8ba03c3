import Foundation
import GongshiContent
import GongshiModel
import GongshiRules
import GongshiSite

/// What the `read` step gathers: everything later steps need from the disk.
struct BuildInputs {
    /// The output folder, checked.
    let out: String
    /// Held by a build that writes the ledger, until the build ends.
    let lock: SiteLock?
    /// The ledger's mark and format (its events are in `source`, its bytes are read again to append).
    let ledger: HeldLedger
    /// The site's values and its data rows (judged from here, a batch at a time). Its ledger events
    /// are released once judged.
    var source: SiteSource
    let theme: ThemeFiles
    /// The build cache (an incremental build), the key of this build's inputs, its parsed data files.
    let cache: BuildCache?
    let key: UnchangedBuild.InputsKey?
    let parsed: ParsedFileStore?
    /// Set when a build that would write the ledger is dated before its last event: it does not write
    /// it, and says so (``LedgerGuard/backdated(last:date:)``).
    let backdated: String?
    /// Set when a build that does not write the ledger finds it no longer continuing the live site's: the
    /// live marker's ledger state, which the new marker keeps (``LedgerGuard/keptMark(_:held:out:)``).
    var keptMark: (mark: LedgerMark, note: String)?
}

/// What the `read` step found: inputs to build from, or a live output already built from them.
enum ReadOutcome {
    case read(BuildInputs)
    case unchanged(BuildResult, SiteLock?)
}

/// A judgement narrowed to what one build shows (the preview of one department, or everything).
struct ScopedJudgement {
    let judgement: Judgement
    let publication: Publication
    /// The judge's findings and the theme's, or a department's own in its preview.
    let findings: [Finding]
    let department: String?
}

/// What the `render` step leaves for `commit`: a staging folder beside the output.
struct RenderedSite {
    let staging: String
    let stats: RenderStats
    /// What this build appends to the ledger (empty when it appends nothing).
    let appendix: [UInt8]
    let appendEvents: Bool
    /// The manifest the live site was built with (sealed, as cached), when there is one to trust: the
    /// live site becomes the spare with it after the swap (see ``SpareOutput``).
    let liveManifest: [UInt8]?
    /// What someone put into the live site by hand, which the new site does not have.
    let foreign: ForeignFiles
}

/// The steps of ``SiteBuilder/build(_:progress:)``, in order.
enum BuildStep {
    /// read: checks the site and the output folder, takes the site's lock (builds that write the
    /// ledger), finishes a commit a killed build left, reads the ledger, `Content/` and `Templates/`.
    static func read(_ options: BuildOptions, started: Date) throws(SiteError) -> ReadOutcome {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.site + "/Content", isDirectory: &isFolder),
            isFolder.boolValue
        else {
            _ = try SiteReader.read(root: options.site)  // says what is missing, before any file is made
            throw SiteError(file: "Content", message: "找不到 Content/ 文件夹")
        }
        let out = try OutputFolder.validate(out: options.out, site: options.site)
        // A build that writes the ledger holds the site's lock. One with --no-ledger (the preview, the
        // demo, a copy for another server) writes nothing of the site's: several may run at once.
        let lock = options.preview == nil && options.writeLedger ? try SiteLock.acquire(site: options.site) : nil
        do throws(SiteError) {
            if lock != nil {
                try Interruption.committing { () throws(SiteError) in
                    try LedgerStore.recover(site: options.site, out: out)
                }
            }
            // An incremental build reuses parsed data files and unchanged output files (the build cache),
            // and when no input changed at all, the live output as it is.
            let cache = options.useCache && options.preview == nil ? BuildCache(site: options.site) : nil
            cache?.removeLeftovers()
            let key = cache.flatMap { UnchangedBuild.key(options, out: out, cache: $0) }
            if let cache, let key {
                if let kept = UnchangedBuild.result(options, out: out, key: key, cache: cache, started: started) {
                    OutputFolder.removeLeftovers(out: out, all: lock != nil)
                    return .unchanged(kept, lock)
                }
                UnchangedBuild.forget(out: out, cache: cache)
            }
            let parsed = cache.map { ParsedFileStore(cache: $0) }
            let ledgerFile = try LedgerReader.read(
                path: LedgerStore.path(site: options.site), file: LedgerStore.file)
            var source = try SiteReader.read(root: options.site, streaming: true, cache: parsed, ledger: ledgerFile)
            let ledger = HeldLedger(ledgerFile)
            try LedgerGuard.checkDepartments(source.site)
            // Only a build that writes the ledger (holding the lock) can write it out of order.
            let backdated =
                lock == nil
                ? nil : LedgerGuard.backdated(last: ledgerFile.events.lazy.map(\.date).max(), date: options.date)
            var keptMark: (mark: LedgerMark, note: String)?
            if lock != nil && backdated == nil {
                try LedgerGuard.check(ledgerFile, held: ledger, out: out)
            } else {
                keptMark = LedgerGuard.keptMark(ledgerFile, held: ledger, out: out)
            }
            // The preview shows drafts (marked 草稿); a public build never does.
            if options.preview != nil { source.articles = source.articles.map { $0.draft ? $0.previewedDraft() : $0 } }
            if let given = options.baseURL {
                guard let base = SiteSettings.baseURL(given) else {
                    throw SiteError(file: "", message: "--base-url 应为以 http:// 或 https:// 开头的绝对地址")
                }
                source.settings.baseURL = base
            }
            let theme = try ThemeReader.read(root: options.site)
            return .read(
                BuildInputs(
                    out: out, lock: lock, ledger: ledger, source: source, theme: theme, cache: cache, key: key,
                    parsed: parsed, backdated: backdated, keptMark: keptMark))
        } catch {
            lock?.release()
            throw error
        }
    }

    /// parse theme: the templates' text into Mustache templates (pure). A syntax error stops the
    /// build before anything is judged or written.
    static func parseTheme(_ theme: ThemeFiles) throws(SiteError) -> TemplateSet {
        try TemplateSet(theme: theme)
    }

    /// judge: every rule on every row (pure; rows from the source).
    static func judge(_ source: some RecordSource, _ options: BuildOptions) -> Judgement {
        Judge.judge(source, date: options.date, keepRows: options.preview != nil)
    }

    /// scope: a department's preview shows its own records, withdrawals, upcoming deadlines and
    /// findings, and those without a department in the files that carry its records (pure).
    static func scope(_ judgement: Judgement, themeFindings: [Finding], to department: String?) -> ScopedJudgement {
        var publication = judgement.publication
        guard let dept = department else {
            return ScopedJudgement(
                judgement: judgement, publication: publication, findings: judgement.findings + themeFindings,
                department: nil)
        }
        publication.records.removeAll { $0.department.code != dept }
        publication.listEntries.removeAll { $0.department.code != dept }
        publication.withdrawals.removeAll { $0.department.code != dept }
        publication.departments.removeAll { $0.code != dept }
        publication.upcoming.removeAll { $0.department != dept }
        let files = judgement.filesByDepartment[dept] ?? []
        publication.withheld.removeAll {
            $0.department != dept && !($0.department.isEmpty && files.contains($0.file))
        }
        return ScopedJudgement(
            judgement: judgement, publication: publication, findings: judgement.findings(ofDepartment: dept),
            department: dept)
    }

    /// render: the publication through the theme into a fresh staging folder beside the output,
    /// with the output marker naming the ledger it goes with. A failure removes the staging folder.
    static func render(
        _ scoped: ScopedJudgement, _ templates: TemplateSet, _ inputs: BuildInputs, _ options: BuildOptions,
        progress: @escaping @Sendable (Int) -> Void
    ) throws(SiteError) -> RenderedSite {
        let publication = scoped.publication
        let context = SiteContext(settings: inputs.source.settings, date: options.date, preview: options.preview)
        var renderer = Renderer(
            publication: publication, templates: templates, context: context,
            findings: options.preview == nil ? [] : scoped.findings, progress: progress)
        let phases = PhaseTimer()
        renderer.reportPhase = { phases.print($0, seconds: $1) }
        let appendEvents = options.writeLedger && !publication.newEvents.isEmpty
        let appendix = appendEvents ? try inputs.ledger.appendix(publication.newEvents) : []

        let out = inputs.out
        let parent = (out as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw SiteError(file: "", message: IOFailure.describe(error, path: parent, doing: "创建输出文件夹"))
        }
        OutputFolder.removeLeftovers(out: out, all: inputs.lock != nil)
        let staging = OutputFolder.stagingPath(out)
        OutputFolder.removeTree(staging)
        // Unchanged files are kept in the claimed spare or taken from the live output (see PageReuse).
        // The live output's manifest is read while the spare is claimed: each reads and indexes its own
        // manifest of megabytes on one core.
        let cache = inputs.cache
        // A build without the cache reuses nothing, but reads the live output's manifest when one is kept:
        // the files put into the output by hand go with the old site, and are named first.
        let manifestCache = cache ?? (options.preview == nil ? BuildCache.existing(site: options.site) : nil)
        let (live, spare) = ParallelMap.both(
            {
                manifestCache.flatMap { cache in
                    cache.outputManifestBytes(out: out).flatMap { bytes in
                        OutputManifest.layout(bytes, program: cache.program).map {
                            (bytes: bytes, files: ManifestFiles(bytes: bytes, files: $0.files), folders: $0.folders)
                        }
                    }
                }
            }, { cache.flatMap { SpareOutput.claim(out: out, staging: staging, cache: $0) } })
        let reuse = inputs.cache.map {
            PageReuse(
                out: out, previous: live?.files ?? ManifestFiles(), spare: spare, manifest: $0.manifestWriter(out: out))
        }
        if let cache = inputs.cache, let reuse {
            renderer.openDataStore = OpenDataFiles(cache: cache, out: out, reuse: reuse)
        }
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            var extras = [SearchIndexPart.part, StatisticsPart.part(judgement: scoped.judgement)]
            if options.preview != nil { extras.append(PreviewPart.part(findings: scoped.findings)) }
            let sink = DiskSink(root: staging, cancelled: options.isCancelled, reuse: reuse)
            let stats = try renderer.render(to: sink, extras: extras)
            try sink.write(
                OutputFolder.markerName,
                Array(
                    OutputFolder.marker(ledger: inputs.keptMark?.mark ?? inputs.ledger.mark(appending: appendix)).utf8))
            sink.sweepSpare()
            reuse?.finishManifest(staging: staging)
            try Interruption.check()
            let foreign = live.map {
                ForeignFiles.find(out: out, bytes: $0.bytes, folders: $0.folders, files: $0.files)
            }
            return RenderedSite(
                staging: staging, stats: stats, appendix: appendix, appendEvents: appendEvents,
                liveManifest: live?.bytes, foreign: foreign ?? ForeignFiles(paths: []))
        } catch {
            OutputFolder.removeTree(staging)
            throw SiteBuilder.failure(error, writing: out)
        }
    }

    /// commit: the ledger first, then the swap of the staging folder into place. Signals wait until
    /// both are done; a failed swap takes the ledger's events back. Returns the folder the old site is
    /// kept in as the spare (nil when it was removed).
    static func commit(_ rendered: RenderedSite, _ inputs: BuildInputs, _ options: BuildOptions) throws(SiteError)
        -> String?
    {
        let (staging, out, appendEvents) = (rendered.staging, inputs.out, rendered.appendEvents)
        var keptIn: String?
        try Interruption.committing { () throws(SiteError) in
            if appendEvents {
                do throws(SiteError) {
                    try LedgerStore.write(
                        site: options.site, held: inputs.ledger, appendix: rendered.appendix, out: out)
                } catch {
                    OutputFolder.removeTree(staging)
                    throw error
                }
            }
            let retire: (String) -> Void = { old in
                guard let cache = inputs.cache else { return OutputFolder.removeTreeInParallel(old) }
                if SpareOutput.keep(old: old, out: out, manifest: rendered.liveManifest, cache: cache) {
                    keptIn = SpareOutput.path(cache)
                }
            }
            do { try SiteBuilder.swap(staging: staging, into: out, retire: retire) } catch {
                if appendEvents {
                    // Not live: the events go again. Only if that fails too does the note stay for the next build.
                    let (held, appendix) = (inputs.ledger, rendered.appendix)
                    if LedgerStore.restore(
                        site: options.site, before: held.before, after: held.mark(appending: appendix))
                    {
                        LedgerStore.committed(site: options.site)
                    }
                }
                OutputFolder.removeTree(staging)
                throw SiteBuilder.failure(error, writing: out)
            }
            if appendEvents { LedgerStore.committed(site: options.site) }
        }
        inputs.parsed?.removeUnused()
        OutputFolder.removeLeftovers(out: out, all: false)
        return keptIn
    }
}
