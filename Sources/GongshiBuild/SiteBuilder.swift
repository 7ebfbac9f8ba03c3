import CGongshi
import Foundation
import GongshiContent
import GongshiModel
import GongshiRules
import GongshiSite

#if canImport(Glibc)
    import Glibc
#endif

/// What a build is asked to do (`gongshi build` and the preview server).
public struct BuildOptions: Sendable {
    public var site: String
    public var out: String
    public var date: LocalDate
    public var baseURL: String?
    public var writeLedger = true
    /// Preview: the 预览 banner, and optionally one department's records only.
    public var preview: SiteContext.PreviewInfo?
    /// Asked before every file is written: true abandons the build (the preview server stopping).
    public var isCancelled: @Sendable () -> Bool = { false }

    public init(site: String, out: String? = nil, date: LocalDate) {
        self.site = site
        self.out = out ?? (site as NSString).appendingPathComponent("Public")
        self.date = date
    }
}

/// What a build did, for its summary.
public struct BuildResult: Sendable {
    public let date: LocalDate
    public let published: [RecordKind: Int]
    public let withdrawals: Int
    /// Withheld records by rule id.
    public let withheld: [String: Int]
    /// Withheld for an error finding (what `--strict` fails on).
    public let withheldForError: Int
    public let pages: Int
    public let files: Int
    public let ledgerEvents: Int
    public let seconds: Double
    public let findings: [Finding]
    public let out: String
    /// The day's build report beside the ledger (`Content/baogao/YYYY-MM-DD.md`), when written.
    public var reportFile: String?

    /// The Chinese summary printed at the end of `gongshi build`.
    public var summary: String {
        var s =
            "构建日期 \(date)：公示 行政许可 \(published[.xzxk] ?? 0) 条、行政处罚 \(published[.xzcf] ?? 0) 条、名单 \(published[.mingdan] ?? 0) 条"
        if withdrawals > 0 { s += "，撤回说明 \(withdrawals) 条" }
        s += "\n"
        let total = withheld.values.reduce(0, +)
        if total > 0 {
            let parts = withheld.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
                "\($0.key) \($0.value)"
            }
            s += "不予公示 \(total) 条：\(parts.joined(separator: "，"))（详见 gongshi check）\n"
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        s += "检查：错误 \(errors) 条，警告 \(warnings) 条\n"
        s += "写出 \(pages) 个页面、共 \(files) 个文件到 \(out)，台账新增 \(ledgerEvents) 条，用时 \(String(format: "%.2f", seconds)) 秒\n"
        if let report = reportFile { s += "构建报告（可转发）：\(report)\n" }
        return s
    }
}

/// The pipeline: read → judge → render into a staging folder → swap into place → append the ledger.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, progress: @escaping @Sendable (Int) -> Void = { _ in })
        throws(SiteError) -> BuildResult
    {
        let started = Date()
        let timer = PhaseTimer()
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
        defer { lock?.release() }
        if lock != nil {
            try Interruption.committing { () throws(SiteError) in try LedgerStore.recover(site: options.site) }
        }
        let ledgerFile = try LedgerReader.read(path: LedgerStore.path(site: options.site), file: LedgerStore.file)
        var site = try SiteReader.read(root: options.site, streaming: true)
        timer.lap("read")
        // The preview shows drafts (marked 草稿); a public build never does.
        if options.preview != nil { site.articles = site.articles.map { $0.draft ? $0.previewedDraft() : $0 } }
        if let base = options.baseURL {
            guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
                throw SiteError(file: "", message: "--base-url 应为以 http:// 或 https:// 开头的绝对地址")
            }
            site.settings.baseURL = base.hasSuffix("/") ? base : base + "/"
        }
        let templates = try TemplateSet(directory: (options.site as NSString).appendingPathComponent("Templates"))
        let judgement = Judge.judge(site, date: options.date, keepRows: options.preview != nil)
        timer.lap("judge")
        if options.isCancelled() { throw SiteError(file: "", message: "构建已取消") }
        var publication = judgement.publication
        var findings = judgement.findings + templates.findings
        if let dept = options.preview?.department {
            publication.records.removeAll { $0.department.code != dept }
            publication.listEntries.removeAll { $0.department.code != dept }
            publication.withdrawals.removeAll { $0.department.code != dept }
            publication.departments.removeAll { $0.code != dept }
            publication.upcoming.removeAll { $0.department != dept }
            // Its findings, and those without a department in the files that carry its records.
            findings = judgement.findings(ofDepartment: dept)
            let files = judgement.filesByDepartment[dept] ?? []
            publication.withheld.removeAll {
                $0.department != dept && !($0.department.isEmpty && files.contains($0.file))
            }
        }
        let context = SiteContext(settings: site.settings, date: options.date, preview: options.preview)
        let renderer = Renderer(
            publication: publication, templates: templates, context: context,
            findings: options.preview == nil ? [] : findings, progress: progress)
        let appendEvents = options.writeLedger && !publication.newEvents.isEmpty
        var newLedger = ledgerFile.bytes
        if appendEvents { newLedger = try LedgerStore.appended(ledgerFile, publication.newEvents) }

        // Render beside the output folder, then swap it into place.
        let parent = (out as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw SiteError(file: "", message: IOFailure.describe(error, path: parent, doing: "创建输出文件夹"))
        }
        Interruption.beginWriting()
        defer { Interruption.endWriting() }
        OutputFolder.removeLeftovers(out: out, all: lock != nil)
        let staging = OutputFolder.stagingPath(out)
        OutputFolder.removeTree(staging)
        let stats: RenderStats
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            var extras = [SearchIndexPart.part, StatisticsPart.part(judgement: judgement)]
            if options.preview != nil { extras.append(PreviewPart.part(findings: findings)) }
            let sink = DiskSink(root: staging, cancelled: options.isCancelled)
            stats = try renderer.render(to: sink, extras: extras)
            try sink.write(
                OutputFolder.markerName, Array(OutputFolder.marker(ledger: LedgerStore.mark(newLedger)).utf8))
            timer.lap("render")
            try Interruption.check()
        } catch {
            OutputFolder.removeTree(staging)
            throw failure(error, writing: out)
        }
        // The commit: ledger first, then the swap. Signals wait until both are done.
        try Interruption.committing { () throws(SiteError) in
            if appendEvents {
                do throws(SiteError) {
                    try LedgerStore.write(site: options.site, old: ledgerFile, new: newLedger, out: out)
                } catch {
                    OutputFolder.removeTree(staging)
                    throw error
                }
            }
            do { try swap(staging: staging, into: out) } catch {
                if appendEvents {
                    // Not live: the events go again. Only if that fails too does the note stay for the next build.
                    if (try? LedgerStore.writeAtomically(
                        ledgerFile.bytes, to: LedgerStore.path(site: options.site), shown: LedgerStore.file)) != nil
                    {
                        LedgerStore.committed(site: options.site)
                    }
                }
                OutputFolder.removeTree(staging)
                throw failure(error, writing: out)
            }
            if appendEvents { LedgerStore.committed(site: options.site) }
        }
        timer.lap("swap")
        OutputFolder.removeLeftovers(out: out, all: false)
        let ledgerEvents = appendEvents ? publication.newEvents.count : 0
        var reportFile: String?
        if options.writeLedger && options.preview == nil {
            reportFile = try DailyReportFile.write(
                DailyReport(publication: publication), site: options.site,
                siteTitle: site.settings.title, departments: site.departments)
        }

        var published: [RecordKind: Int] = [:]
        for r in publication.records { published[r.kind, default: 0] += 1 }
        published[.mingdan] = publication.listEntries.count
        var withheld: [String: Int] = [:]
        for w in publication.withheld
        where options.preview?.department == nil || w.department == options.preview?.department {
            withheld[w.rule, default: 0] += 1
        }
        // Rows that could not be read are withheld too: count them with the rest.
        let unreadRows = findings.filter { $0.withholds && BadFile.withholdsRow($0) }.count
        if unreadRows > 0 { withheld["bad-file", default: 0] += unreadRows }
        let forError =
            publication.withheld.filter {
                $0.isError && (options.preview?.department == nil || $0.department == options.preview?.department)
            }.count + unreadRows
        return BuildResult(
            date: options.date, published: published, withdrawals: publication.withdrawals.count,
            withheld: withheld, withheldForError: forError, pages: stats.pages, files: stats.files,
            ledgerEvents: ledgerEvents, seconds: Date().timeIntervalSince(started), findings: findings, out: out,
            reportFile: reportFile)
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

    /// Atomically exchanges the staging folder with the current output (renameat2), then removes
    /// the old site. Where the file system cannot exchange, falls back to two renames.
    static func swap(staging: String, into out: String) throws {
        var st = stat()
        if lstat(out, &st) != 0 {
            guard rename(staging, out) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            LedgerStore.syncFolder(of: out)
            return
        }
        if gongshi_exchange_paths(staging, out) == 0 {
            LedgerStore.syncFolder(of: out)
            OutputFolder.removeTree(staging)  // now holds the old site
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
        OutputFolder.removeTree(old)
    }
}
