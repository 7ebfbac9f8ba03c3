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
        var s = "构建日期 \(date)：公示 行政许可 \(published[.xzxk] ?? 0) 条、行政处罚 \(published[.xzcf] ?? 0) 条、名单 \(published[.mingdan] ?? 0) 条"
        if withdrawals > 0 { s += "，撤回说明 \(withdrawals) 条" }
        s += "\n"
        let total = withheld.values.reduce(0, +)
        if total > 0 {
            let parts = withheld.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
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
    public static func build(_ options: BuildOptions, progress: @escaping @Sendable (Int) -> Void = { _ in }) throws(SiteError) -> BuildResult {
        let started = Date()
        let timer = PhaseTimer()
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
        let judgement = Judge.judge(site, date: options.date)
        timer.lap("judge")
        var publication = judgement.publication
        var findings = judgement.findings + templates.findings
        if let dept = options.preview?.department {
            publication.records.removeAll { $0.department.code != dept }
            publication.listEntries.removeAll { $0.department.code != dept }
            publication.withdrawals.removeAll { $0.department.code != dept }
            publication.departments.removeAll { $0.code != dept }
            publication.upcoming.removeAll { $0.department != dept }
            // Findings of rows that could not be read have no department yet: keep them in view.
            findings.removeAll { $0.department != dept && !($0.department.isEmpty && $0.rule == "bad-file") }
        }
        let context = SiteContext(settings: site.settings, date: options.date, preview: options.preview)
        let renderer = Renderer(publication: publication, templates: templates, context: context,
                                findings: options.preview == nil ? [] : findings, progress: progress)

        // Render beside the output folder, then swap it into place.
        let out = (options.out as NSString).standardizingPath
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw SiteError(file: parent, message: "无法创建输出文件夹：\(error.localizedDescription)")
        }
        removeLeftovers(parent: parent, name: name)
        let staging = (parent as NSString).appendingPathComponent(".\(name).gongshi-staging-\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        let stats: RenderStats
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            var extras = [SearchIndexPart.part, StatisticsPart.part(judgement: judgement)]
            if options.preview != nil { extras.append(PreviewPart.part(findings: findings)) }
            stats = try renderer.render(to: DiskSink(root: staging), extras: extras)
            timer.lap("render")
            try swap(staging: staging, into: out)
            timer.lap("swap")
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            if let e = error as? SiteError { throw e }
            throw SiteError(file: "", message: "写出网站失败：\(error)")
        }

        var ledgerEvents = 0
        if options.writeLedger && !publication.newEvents.isEmpty {
            try appendLedger(site: options.site, events: publication.newEvents)
            ledgerEvents = publication.newEvents.count
        }
        var reportFile: String?
        if options.writeLedger && options.preview == nil {
            reportFile = try DailyReportFile.write(DailyReport(publication: publication), site: options.site,
                                                   siteTitle: site.settings.title, departments: site.departments)
        }

        var published: [RecordKind: Int] = [:]
        for r in publication.records { published[r.kind, default: 0] += 1 }
        published[.mingdan] = publication.listEntries.count
        var withheld: [String: Int] = [:]
        for w in publication.withheld where options.preview?.department == nil || w.department == options.preview?.department {
            withheld[w.rule, default: 0] += 1
        }
        // Rows that could not be read are withheld too: count them with the rest.
        let unreadRows = findings.filter { f in
            f.rule == "bad-file" && f.line > 0 && RecordKind.allCases.contains { f.file.hasPrefix("Content/\($0.rawValue)/") }
        }.count
        if unreadRows > 0 { withheld["bad-file", default: 0] += unreadRows }
        let forError = publication.withheld.filter {
            $0.isError && (options.preview?.department == nil || $0.department == options.preview?.department)
        }.count + unreadRows
        return BuildResult(date: options.date, published: published, withdrawals: publication.withdrawals.count,
                           withheld: withheld, withheldForError: forError, pages: stats.pages, files: stats.files,
                           ledgerEvents: ledgerEvents, seconds: Date().timeIntervalSince(started), findings: findings, out: out,
                           reportFile: reportFile)
    }

    /// Atomically exchanges the staging folder with the current output (renameat2), then removes
    /// the old site. Where the file system cannot exchange, falls back to two renames.
    static func swap(staging: String, into out: String) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: out) {
            try fm.moveItem(atPath: staging, toPath: out)
            return
        }
        if gongshi_exchange_paths(staging, out) == 0 {
            try? fm.removeItem(atPath: staging)  // now holds the old site
            return
        }
        let old = out + ".gongshi-old-\(getpid())"
        try fm.moveItem(atPath: out, toPath: old)
        try fm.moveItem(atPath: staging, toPath: out)
        try? fm.removeItem(atPath: old)
    }

    /// Removes staging folders of earlier builds that were killed (their process is gone).
    static func removeLeftovers(parent: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for e in entries {
            let prefixes = [".\(name).gongshi-staging-", "\(name).gongshi-old-"]
            guard let p = prefixes.first(where: { e.hasPrefix($0) }), let pid = Int32(e.dropFirst(p.count)) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(e))
            }
        }
    }

    /// Appends events to `Content/ledger.csv` by writing the whole new file beside it and renaming it
    /// into place, so a kill leaves either the old ledger or the new one, never half a line.
    static func appendLedger(site: String, events: [LedgerEvent]) throws(SiteError) {
        let path = (site as NSString).appendingPathComponent("Content/ledger.csv")
        var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        if bytes.isEmpty { bytes = Array((LedgerReader.header + "\n").utf8) }
        if bytes.last != 0x0A { bytes.append(0x0A) }
        for e in events { bytes.append(contentsOf: (e.csvLine + "\n").utf8) }
        let tmp = path + ".tmp-\(getpid())"
        do {
            let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw WriteError(path: tmp, message: String(cString: strerror(errno))) }
            var off = 0
            while off < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, bytes.count - off) }
                guard n > 0 else { close(fd); throw WriteError(path: tmp, message: String(cString: strerror(errno))) }
                off += n
            }
            fsync(fd)
            close(fd)
            guard rename(tmp, path) == 0 else { throw WriteError(path: path, message: String(cString: strerror(errno))) }
        } catch {
            unlink(tmp)
            throw SiteError(file: "Content/ledger.csv", message: "无法写入台账：\(error)")
        }
    }
}
