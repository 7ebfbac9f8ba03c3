import Foundation
import GongshiModel
import GongshiRules

/// What every page shares: the site's settings as template values, navigation and feed links.
/// Paths are relative to the site root (`xzxk/abc/`); templates get a `root` prefix (`../../`) so that
/// the site works from any folder of any web server.
public struct SiteContext: Sendable {
    public let settings: SiteSettings
    public let date: LocalDate
    /// Set for `serve`: the banner text and the department shown, if any.
    public let preview: PreviewInfo?

    public struct PreviewInfo: Sendable {
        public let department: String?
        public let departmentName: String?
        public init(department: String?, departmentName: String?) {
            self.department = department
            self.departmentName = departmentName
        }
    }

    public init(settings: SiteSettings, date: LocalDate, preview: PreviewInfo?) {
        self.settings = settings
        self.date = date
        self.preview = preview
        self.siteValues = SiteContext.siteValues(settings)
        buildDate = date.description
        buildDateChinese = date.chinese
    }

    /// The build date as every page shows it (made once).
    let buildDate: String
    let buildDateChinese: String

    static let sections: [(path: String, title: String)] = [
        ("", "首页"), ("xzxk/", "行政许可"), ("xzcf/", "行政处罚"), ("hongmingdan/", "红名单"), ("heimingdan/", "黑名单"),
        ("xinwen/", "信用动态"), ("tongji/", "统计"), ("dingyue/", "订阅"),
    ]

    /// The title of the section at `path` (`xzxk/` → 行政许可), as the navigation shows it.
    static func title(ofSection path: String) -> String? { sections.first { $0.path == path }?.title }

    /// `../` once per folder level of `path` (`xzxk/abc/index.html` → `../../`); `./` at the root.
    public static func root(for path: String) -> String {
        let depth = path.split(separator: "/", omittingEmptySubsequences: false).count - 1
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The absolute URL of a site path (`xzxk/abc/`).
    public func url(_ path: String) -> String { settings.baseURL + path }

    /// The base context of a page at `path` (file path, e.g. `xzxk/index.html`).
    /// - Parameters:
    ///   - section: the path of the navigation entry to mark current (`xzxk/`); empty for none.
    ///   - feeds: the page's own feed folder (`xzxk/`), linked besides the site's feeds.
    ///
    /// The header, the footer and the feed links of `<head>` are the same on many pages: the renderer
    /// makes them once per folder depth and section (see `Renderer.page`), from `chrome(…)`.
    ///   - dated: false for a page rendered without the build date (``Renderer/page(_:_:to:_:sitemap:dated:fingerprint:)``
    ///     would remove it): its values are then never set.
    public func page(
        path: String, title: String, section: String, feeds feedFolder: String? = nil,
        description: String = "", rootOverride: String? = nil, dated: Bool = true
    ) -> TemplateObject {
        let root = rootOverride ?? SiteContext.root(for: path)
        let pageURL = url(path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        var ctx: TemplateObject = [
            "root": root,
            "site": siteValues,
            "title": title,
            "fullTitle": title == settings.title ? title : "\(title) - \(settings.title)",
            "description": description.isEmpty
                ? "\(settings.title)：\(settings.region)行政许可、行政处罚信息和红黑名单公示。" : description,
            "section": path == "index.html" ? "" : (section.isEmpty ? "-" : section),
            "feedFolder": feedFolder ?? "",
        ]
        if dated {
            ctx["buildDate"] = buildDate
            ctx["buildDateChinese"] = buildDateChinese
        }
        if rootOverride == nil { ctx["canonical"] = pageURL }
        if let p = preview {
            ctx["preview"] =
                [
                    "department": p.department ?? "",
                    "departmentName": p.departmentName ?? "",
                    "scoped": p.department != nil,
                ] as TemplateObject
        }
        return ctx
    }

    /// The settings every page shows (made once: every page's context holds them).
    let siteValues: TemplateObject

    static func siteValues(_ settings: SiteSettings) -> TemplateObject {
        let footer = settings.footer
        return [
            "title": settings.title, "region": settings.region, "language": settings.language,
            "sponsor": footer.sponsor, "organizer": footer.organizer, "contact": footer.contact,
            "siteCode": footer.siteCode, "icp": footer.icp, "psb": footer.psb,
            "icpHref": SiteContext.icpRegistry, "psbHref": SiteContext.psbRegistry(footer.psb),
            "partyMarkImage": footer.partyMarkImage, "partyMarkLink": footer.partyMarkLink,
            "correction": footer.correction,
        ]
    }

    /// The MIIT registry where anyone checks an ICP filing (ICP备案).
    static let icpRegistry = "https://beian.miit.gov.cn/"

    /// The public-security filing's page on the national registry: its record code is the digits of
    /// the number (`鲁公网安备 37030602000000号` → `…?recordcode=37030602000000`).
    static func psbRegistry(_ psb: String) -> String {
        let digits = String(psb.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init))
        return digits.isEmpty
            ? "http://www.beian.gov.cn/" : "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=\(digits)"
    }

    /// Feed links (`<link rel="alternate">` and visible links) of a feed folder.
    static func feedLinks(root: String, folder: String, label: String) -> [TemplateObject] {
        [
            [
                "href": root + folder + "atom.xml", "type": "application/atom+xml", "title": "\(label)（Atom）",
                "format": "Atom",
            ],
            [
                "href": root + folder + "rss.xml", "type": "application/rss+xml", "title": "\(label)（RSS）",
                "format": "RSS",
            ],
            [
                "href": root + folder + "feed.json", "type": "application/feed+json", "title": "\(label)（JSON Feed）",
                "format": "JSON Feed",
            ],
        ]
    }

    /// The values that say the build date (a page or fragment made `dated: false` has none of them).
    static let dateKeys = TemplateDate.dateKeys

    /// Values of the shared fragments (`header`, `footer`, `alternates`): site-wide values only, and the
    /// build date unless `dated` is false (a footer without it leaves out 数据截至).
    func chrome(
        root: String, section: String, feedFolder: String, feedTitle: String, standingPages: [TemplateObject],
        dated: Bool = true
    ) -> TemplateObject {
        let nav: [TemplateObject] = SiteContext.sections.map { s in
            ["href": root + s.path, "title": s.title, "current": s.path == section]
        }
        var feeds = SiteContext.feedLinks(root: root, folder: "", label: settings.title)
        if !feedFolder.isEmpty { feeds += SiteContext.feedLinks(root: root, folder: feedFolder, label: feedTitle) }
        var ctx: TemplateObject = [
            "root": root, "site": siteValues, "nav": nav, "feeds": feeds, "standingPages": standingPages,
            "isHome": section.isEmpty,
        ]
        if dated {
            ctx["buildDate"] = buildDate
            ctx["buildDateChinese"] = buildDateChinese
            ctx["year"] = date.year
        }
        if let p = preview {
            ctx["preview"] = ["department": p.department ?? "", "scoped": p.department != nil] as TemplateObject
        }
        return ctx
    }
}

/// Formats for templates.
enum Format {
    /// Splits a long list into pages of `size`; always at least one (empty) page.
    static func pages<T>(_ items: [T], size: Int) -> [ArraySlice<T>] {
        guard !items.isEmpty else { return [items[...]] }
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    /// `folder/` for page 1, `folder/page/N/` after.
    static func pagePath(_ folder: String, _ n: Int) -> String { n == 1 ? folder : "\(folder)page/\(n)/" }

    /// The pager context for page `n` of `count`.
    static func pager(folder: String, n: Int, count: Int, root: String) -> TemplateObject? {
        guard count > 1 else { return nil }
        var items: [TemplateObject] = []
        let window = Set([1, count] + Array(max(1, n - 2)...min(count, n + 2)))
        var last = 0
        for i in window.sorted() {
            if i > last + 1 { items.append(["gap": true]) }
            items.append(["number": i, "href": root + pagePath(folder, i), "current": i == n])
            last = i
        }
        var p: TemplateObject = ["items": items, "page": n, "count": count]
        if n > 1 { p["prev"] = root + pagePath(folder, n - 1) }
        if n < count { p["next"] = root + pagePath(folder, n + 1) }
        return p
    }
}
