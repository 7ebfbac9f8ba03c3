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

    public init(publication: Publication, templates: TemplateSet, context: SiteContext, findings: [Finding] = [],
                progress: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.publication = publication; self.templates = templates; self.context = context; self.progress = progress
        var byKey: [String: [Finding]] = [:]
        for f in findings where !f.key.isEmpty { byKey[f.key, default: []].append(f) }
        findingsByKey = byKey
    }

    /// Template values for the findings of a record, for the preview.
    func findingRows(_ key: String) -> [[String: Any]]? {
        guard let list = findingsByKey[key], !list.isEmpty else { return nil }
        return list.map { ["rule": $0.rule, "severity": $0.severity.rawValue, "level": $0.severity.chinese,
                           "message": $0.message, "file": $0.file, "line": $0.line] }
    }

    var settings: SiteSettings { context.settings }
    var assets: [(path: String, bytes: [UInt8])] { templates.assets }

    /// Renders everything into `sink`. Returns the number of pages and files written.
    public func render(to sink: OutputSink, extras: [RenderPart] = []) throws -> RenderStats {
        let counter = Counter()
        let out = CountingSink(inner: sink, counter: counter, progress: progress)
        let timer = PhaseTimer()
        let index = SiteIndex(publication)
        timer.lap("index")
        try renderRecords(index, out); timer.lap("records")
        try renderListings(index, out); timer.lap("listings")
        try renderLists(index, out); timer.lap("lists")
        try renderEntities(index, out); timer.lap("entities")
        try renderDepartments(index, out); timer.lap("departments")
        try renderArticles(index, out); timer.lap("articles")
        try renderHome(index, out)
        try renderSubscribe(index, out); timer.lap("home")
        try renderFeeds(index, out); timer.lap("feeds")
        try renderOpenData(index, out); timer.lap("open data")
        try renderStatic(index, out)
        for part in extras { try part.render(self, index, out) }
        timer.lap("search, statistics")
        try renderSitemap(out); timer.lap("sitemap")
        _ = consume index
        timer.lap("index released")
        return RenderStats(pages: counter.pages, files: counter.files)
    }

    /// Renders a page template inside the shared layout and writes it.
    func page(_ template: String, _ ctx: [String: Any], to path: String, _ out: CountingSink, sitemap: Bool = true) throws {
        let html = templates.render(template, ctx)
        try out.write(path, html, isPage: sitemap)
    }
}

/// A piece of output another module adds to the render (search, statistics, preview).
public struct RenderPart: Sendable {
    let render: @Sendable (Renderer, SiteIndex, CountingSink) throws -> Void
    public init(_ render: @escaping @Sendable (Renderer, SiteIndex, CountingSink) throws -> Void) { self.render = render }
}

/// Counts files and pages, remembers page paths for the sitemap, reports progress.
public final class CountingSink: @unchecked Sendable {
    let inner: OutputSink
    let counter: Counter
    let progress: @Sendable (Int) -> Void
    init(inner: OutputSink, counter: Counter, progress: @escaping @Sendable (Int) -> Void) {
        self.inner = inner; self.counter = counter; self.progress = progress
    }
    public func write(_ path: String, _ text: String, isPage: Bool = false) throws {
        try write(path, Array(text.utf8), isPage: isPage)
    }
    public func write(_ path: String, _ bytes: [UInt8], isPage: Bool = false) throws {
        try inner.write(path, bytes)
        counter.add(path: isPage ? path : nil)
        progress(1)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files = 0
    private(set) var pages = 0
    private var sitemapPaths: [String] = []
    func add(path: String?) {
        lock.lock()
        files += 1
        if let p = path { pages += 1; sitemapPaths.append(p) }
        lock.unlock()
    }
    func paths() -> [String] { lock.lock(); defer { lock.unlock() }; return sitemapPaths }
}

/// Prints phase durations to standard error when `GONGSHI_TIMING` is set (for profiling builds).
public final class PhaseTimer: @unchecked Sendable {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["GONGSHI_TIMING"] != nil
    public init() {}
    public func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "  %-22@ %6.2f s\n", name as NSString, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
