import Foundation
import GongshiModel
import GongshiRules

/// Figures of one render.
public struct RenderStats: Sendable {
    public var pages = 0
    public var files = 0
}

/// Renders a Publication into the site's files: pages through the theme's templates, feeds,
/// sitemap, open data. Pure apart from the sink: it reads nothing from disk after loading templates.
///
/// Pages are rendered in parallel chunks and handed to the sink as they are made, so memory holds
/// the listings' rows, not the pages.
public struct Renderer: Sendable {
    public let publication: Publication
    public let templates: TemplateSet
    public let context: SiteContext
    /// Called from any thread with the number of files just written.
    public let progress: @Sendable (Int) -> Void
    /// Findings shown on the page of their record (the preview server), by record key.
    let findingsByKey: [String: [Finding]]
    let fileErrors: [TemplateObject]
    let fileErrorCount: Int
    /// Header, footer and feed links, made once per depth and section.
    let fragments = FragmentCache()
    /// The standing pages the footer links.
    let standingPageLinks: [TemplateObject]
    /// Keys this build publishes for the first time (the preview says "not yet published" for them).
    let publishedNow: Set<String>
    var standingPages: [TemplateObject] { standingPageLinks }
    /// Set for an incremental build: where the open data's pieces of the previous build are (see OpenData).
    public var openDataStore: (any OpenDataStore)?
    /// Told how long each phase of the render took (the build prints them when asked to).
    public var reportPhase: @Sendable (_ phase: String, _ seconds: Double) -> Void = { _, _ in }

    public init(
        publication: Publication, templates: TemplateSet, context: SiteContext, findings: [Finding] = [],
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.publication = publication
        self.templates = templates
        self.context = context
        self.progress = progress
        var byKey: [String: [Finding]] = [:]
        for f in findings where !f.key.isEmpty { byKey[f.key, default: []].append(f) }
        findingsByKey = byKey
        // Files that could not be read, shown on every preview page: a department sees at once that its
        // export is broken, whatever page it has open.
        // Only what withholds records: a row not read, or a file not read at all; not a title or total
        // row skipped, nor a warning about merged cells.
        let broken = findings.filter { BadFile.withholdsRow($0) || BadFile.unreadableTable($0) }
        fileErrors = broken.prefix(5).map {
            [
                "file": Finding.place(file: $0.file, sheet: $0.sheet), "line": $0.line > 0 ? "第\($0.line)行" : "",
                "message": Views.masked($0.message),
            ]
        }
        fileErrorCount = broken.count
        publishedNow =
            context.preview == nil
            ? [] : Set(publication.newEvents.filter { $0.event == .published || $0.event == .imported }.map(\.key))
        standingPageLinks = publication.articles.filter {
            $0.section == .pages && $0.date.map { $0 <= publication.date } ?? true
        }
        .sorted { $0.slug < $1.slug }.map { ["title": $0.title, "path": $0.path] }
    }

    /// Template values for the findings of a record, for the preview.
    func findingRows(_ key: String) -> [TemplateObject]? {
        guard let list = findingsByKey[key], !list.isEmpty else { return nil }
        return list.map {
            [
                "rule": $0.rule, "title": RuleTitles.title($0.rule), "severity": $0.severity.rawValue,
                "level": $0.severity.chinese, "message": Views.message($0),
                "file": Finding.place(file: $0.file, sheet: $0.sheet),
                "line": $0.line,
            ]
        }
    }

    var settings: SiteSettings { context.settings }
    var assets: [(path: String, bytes: [UInt8])] { templates.assets }

    /// A unit of render work; jobs run in parallel on every core.
    typealias Job = @Sendable () throws -> Void

    /// Renders everything into `sink`. Returns the number of pages and files written.
    ///
    /// The work is cut into jobs (chunks of record and entity pages, listings, each feed, each kind of
    /// open data, search, statistics …) that run on every core, largest first; the sitemap, which needs
    /// every page's path, comes last.
    public func render(to sink: OutputSink, extras: [RenderPart] = []) throws -> RenderStats {
        let counter = Counter()
        let out = CountingSink(inner: sink, counter: counter, progress: progress)
        var timer = PhaseLaps(report: reportPhase)
        var made = SiteIndex(publication)
        // An incremental build tells unchanged pages by what they are made of (see keyedPage).
        if out.reuses { made.inputs = InputFingerprints(self) }
        let index = made
        timer.lap("index")
        var jobs: [Job] = []
        // The long single jobs first (search, open data): started last, they ran alone on one core at the
        // end while the other waited, which an incremental build, whose page jobs are quick, felt most.
        jobs += extras.map { part in { try part.render(self, index, out) } }
        jobs += openDataJobs(index, out)
        jobs += recordJobs(index, out)
        jobs += listingJobs(index, out)
        jobs += entityJobs(index, out)
        jobs += feedJobs(index, out)
        jobs += filterShardJobs(index, out)
        jobs += [
            { try self.renderDepartments(index, out) },
            { try self.renderLists(index, out) },
            { try self.renderArticles(index, out) },
            {
                try self.renderHome(index, out)
                try self.renderSubscribe(index, out)
                try self.renderStatic(index, out)
            },
            // A theme made before the 网站地图 page existed has no template for it, and keeps building.
            { if self.templates.names.contains("sitemap-page") { try self.renderSiteMapPage(index, out) } },
        ]
        let errors = ParallelMap.map(jobs) { job -> String? in
            do {
                try job()
                return nil
            } catch { return "\(error)" }
        }
        if let e = errors.compactMap({ $0 }).first { throw RenderError(message: e) }
        timer.lap("pages, feeds, data")
        try renderSitemap(out)
        timer.lap("sitemap")
        return RenderStats(pages: counter.pages, files: counter.files)
    }

    /// Renders a page template and writes it. The shared fragments (`header`, `footer`, `alternates`
    /// templates) are rendered once per folder depth, section and feed folder and passed in raw.
    ///
    /// - Parameters:
    ///   - given: the page's fingerprint when the caller made it from the page's inputs (see
    ///     ``keyedPage(_:to:_:_:sitemap:dated:key:context:)``); else it is made from the context.
    ///   - dated: false for a page that reads the same whatever the build date (a record's, an entity's):
    ///     its context and its header and footer get no build date, so the footer leaves out 数据截至
    ///     and the next day's build takes the page from the live output.
    func page(
        _ template: String, _ ctx: consuming TemplateObject, to path: String, _ out: CountingSink,
        sitemap: Bool = true, dated: Bool = true, fingerprint given: Fingerprint? = nil
    ) throws {
        // Consumed, not copied: the page's own object is set below without a copy of its entries.
        var ctx = ctx
        if !dated {
            for key in SiteContext.dateKeys { ctx[key] = nil }
        }
        let root = ctx.text("root") ?? "./"
        let section = ctx.text("section") ?? "-"
        let feedFolder = ctx.text("feedFolder") ?? ""
        let feedTitle = ctx.text("feedTitle") ?? feedTitle(feedFolder)
        // A local function, not a closure value: that copied the whole renderer (a retain of each of its
        // fields) on every page, for a chrome made only when a fragment is not cached yet.
        func chrome() -> TemplateObject {
            context.chrome(
                root: root, section: section, feedFolder: feedFolder, feedTitle: feedTitle,
                standingPages: standingPages, dated: dated)
        }
        let undated = dated ? "" : "|undated"
        let header = fragments.get("h|\(root)|\(section)\(undated)") { templates.render("header", chrome()) }
        let footer = fragments.get("f|\(root)\(undated)") { templates.render("footer", chrome()) }
        let alternates: Fragment
        if feedFolder.hasPrefix("zhuti/") {
            // An entity's feeds are linked from its page only: not worth a cache entry each. Its chrome is
            // that of a page without a feed folder (made once) with the entity's feed links added, and its
            // fingerprint is made only for a build that can reuse pages.
            var entityChrome = fragments.chrome("c|\(root)|\(section)\(undated)") {
                self.context.chrome(
                    root: root, section: section, feedFolder: "", feedTitle: feedTitle,
                    standingPages: self.standingPages, dated: dated)
            }
            entityChrome["feeds"] =
                SiteContext.feedLinks(root: root, folder: "", label: settings.title)
                + SiteContext.feedLinks(root: root, folder: feedFolder, label: feedTitle)
            // Its fingerprint is read only for a page fingerprinted by its context (an entity page is
            // keyed by its inputs): not made otherwise.
            alternates = Fragment(
                templates.render("alternates", entityChrome), fingerprinted: out.reuses && given == nil)
        } else {
            alternates = fragments.get("a|\(root)|\(feedFolder)\(undated)") {
                templates.render("alternates", chrome())
            }
        }
        if !feedFolder.isEmpty {
            ctx["ownFeeds"] = SiteContext.feedLinks(root: root, folder: feedFolder, label: feedTitle)
        }
        if context.preview != nil && fileErrorCount > 0 {
            var errors: TemplateObject = ["items": fileErrors, "count": fileErrorCount]
            // Set only when some are not listed: a 0 is a value, and the section would say 另有 0 处.
            if fileErrorCount > fileErrors.count { errors["more"] = fileErrorCount - fileErrors.count }
            ctx["fileErrors"] = errors
        }
        // A page not keyed by its inputs (see KeyedPages) is fingerprinted by everything the template
        // receives, the fragments by their fingerprints: equal means equal bytes.
        var fingerprint = given
        if given == nil && out.reuses {
            var b = FingerprintBuffer(tag: "page")
            b.add(templates.fingerprint)
            b.add(template)
            b.add(header.fingerprint)
            b.add(footer.fingerprint)
            b.add(alternates.fingerprint)
            b.add(object: ctx)
            let made = b.finish()
            if try out.reuse(path, fingerprint: made, isPage: sitemap) { return }
            fingerprint = made
        }
        ctx["header"] = header.text
        ctx["footer"] = footer.text
        ctx["alternates"] = alternates.text
        try out.write(path, templates.renderBytes(template, ctx), isPage: sitemap, fingerprint: fingerprint)
    }

    /// The title of the feed of a folder (`xzxk/` → 信用周村 · 行政许可).
    func feedTitle(_ folder: String) -> String {
        if folder.isEmpty { return settings.title }
        if folder.hasPrefix("bumen/"),
            let d = publication.departments.first(where: { Views.departmentPath($0.code) == folder })
        {
            return "\(settings.title) · \(d.name)"
        }
        return "\(settings.title) · \(SiteContext.title(ofSection: folder) ?? folder)"
    }
}

/// A rendered fragment (header, footer, feed links) and the fingerprint of its text.
struct Fragment {
    let text: String
    let fingerprint: Fingerprint
    /// - Parameter fingerprinted: false when no page will be fingerprinted (nothing can be reused):
    ///   the fingerprint is then a placeholder never read.
    init(_ text: String, fingerprinted: Bool = true) {
        self.text = text
        fingerprint = fingerprinted ? Fingerprint.content(Array(text.utf8)) : Fingerprint(high: 0, low: 0)
    }
}

/// Rendered fragments (and the chrome entity pages start from) by key, shared by the render threads.
final class FragmentCache: @unchecked Sendable {
    private var values: [String: Fragment] = [:]
    private var chromes: [String: TemplateObject] = [:]
    private let lock = NSLock()

    func chrome(_ key: String, make: () -> TemplateObject) -> TemplateObject {
        lock.lock()
        if let v = chromes[key] {
            lock.unlock()
            return v
        }
        lock.unlock()
        let v = make()
        lock.lock()
        chromes[key] = v
        lock.unlock()
        return v
    }

    func get(_ key: String, make: () -> String) -> Fragment {
        lock.lock()
        if let v = values[key] {
            lock.unlock()
            return v
        }
        lock.unlock()
        let v = Fragment(make())
        lock.lock()
        values[key] = v
        lock.unlock()
        return v
    }
}

/// A piece of output another module adds to the render (search, statistics, preview).
public struct RenderPart: Sendable {
    let render: @Sendable (Renderer, SiteIndex, CountingSink) throws -> Void
    public init(_ render: @escaping @Sendable (Renderer, SiteIndex, CountingSink) throws -> Void) {
        self.render = render
    }
}
