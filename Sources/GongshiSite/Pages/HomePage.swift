import Foundation
import GongshiModel
import GongshiRules

extension Renderer {
    /// The home page: 最新公示 (first published after the 7th working day before the build date),
    /// the sections with their counts, the latest articles and 红黑榜.
    func renderHome(_ index: SiteIndex, _ out: CountingSink) throws {
        let p = publication
        // Without the calendar of the build date's year (or of the year before, early in January),
        // count Monday to Friday, and say so (SPEC §8.1).
        let counted = try? p.calendar.subtractingWorkdays(7, from: p.date)
        let since = counted ?? p.date.subtractingWeekdays(7)
        // What the previous system published is not news, whatever day it was first seen here.
        let recent = p.records.indices.filter { p.records[$0].firstPublished > since && !p.records[$0].previousSystem }
            .prefix(settings.pagination)
        var ctx = context.page(path: "index.html", title: settings.title, section: "")
        ctx["recent"] = recent.map { index.rows[$0] }
        ctx["recentSince"] = since.adding(days: 1).description
        ctx["recentEmpty"] = recent.isEmpty
        if counted == nil {
            let missing = p.calendar.years.contains(p.date.year) ? p.date.year - 1 : p.date.year
            ctx["recentWeekdays"] = "，缺少 \(missing) 年节假日安排，按周一至周五计算"
        }
        let entries = p.listEntries.indices
        let red = SiteIndex.entityCount(entries.filter { p.listEntries[$0].isRed }, p.listEntries)
        let black = SiteIndex.entityCount(entries.filter { !p.listEntries[$0].isRed }, p.listEntries)
        ctx["sections"] =
            [
                ["title": "行政许可", "path": "xzxk/", "count": index.byKind[.xzxk]?.count ?? 0, "note": "条决定"],
                ["title": "行政处罚", "path": "xzcf/", "count": index.byKind[.xzcf]?.count ?? 0, "note": "条决定"],
                ["title": "红名单", "path": "hongmingdan/", "count": red, "note": "个主体"],
                ["title": "黑名单", "path": "heimingdan/", "count": black, "note": "个主体"],
            ] as [TemplateObject]
        ctx["articles"] = index.articles.prefix(5).map(articleRow)
        if let latest = index.honghei.first { ctx["honghei"] = articleRow(latest) }
        ctx["departmentsCount"] = p.departments.count
        try page("home", ctx, to: "index.html", out)
    }

    /// `/dingyue/`: every feed, and `/dingyue/feeds.opml`.
    func renderSubscribe(_ index: SiteIndex, _ out: CountingSink) throws {
        let groups = feedGroups()
        var ctx = context.page(
            path: "dingyue/index.html", title: "订阅", section: "dingyue/",
            description: "用订阅阅读器跟踪\(settings.title)的最新公示：Atom、RSS 和 JSON Feed。")
        ctx["groups"] = groups.map { g -> TemplateObject in
            [
                "title": g.title, "folder": g.folder, "atom": context.url(g.folder + "atom.xml"),
                "rss": context.url(g.folder + "rss.xml"), "json": context.url(g.folder + "feed.json"),
            ]
        }
        ctx["opml"] = context.url("dingyue/feeds.opml")
        try page("subscribe", ctx, to: "dingyue/index.html", out)

        var opml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head>
                <title>\(Escape.xml(settings.title)) 订阅源</title>
                <dateCreated>\(Feeds.rfc822(publication.date))</dateCreated>
              </head>
              <body>

            """
        for g in groups {
            opml +=
                "    <outline type=\"rss\" text=\"\(Escape.xml(g.title))\" title=\"\(Escape.xml(g.title))\" xmlUrl=\"\(Escape.xml(context.url(g.folder + "rss.xml")))\" htmlUrl=\"\(Escape.xml(context.url(g.folder)))\"/>\n"
        }
        opml += "  </body>\n</opml>\n"
        try out.write("dingyue/feeds.opml", opml)
    }

    /// 404, robots.txt and the theme's assets.
    func renderStatic(_ index: SiteIndex, _ out: CountingSink) throws {
        var ctx = context.page(path: "404.html", title: "页面不存在", section: "", rootOverride: settings.basePath)
        ctx["robots"] = "noindex"
        try page("notfound", ctx, to: "404.html", out, sitemap: false)
        try out.write("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(context.url("sitemap.xml"))\n")
        for (path, bytes) in assets { try out.write("assets/" + path, bytes) }
    }

    /// `sitemap.xml` (a sitemap index past 50 000 pages, as the protocol requires).
    func renderSitemap(_ out: CountingSink) throws {
        let paths = out.counter.sitemapPaths()
        let limit = 50_000
        @Sendable func urlset(_ slice: Range<Int>) -> String {
            var s =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for i in slice { s += "  <url><loc>\(Escape.xml(context.url(paths[i])))</loc></url>\n" }
            return s + "</urlset>\n"
        }
        if paths.count <= limit {
            try out.write("sitemap.xml", urlset(0..<paths.count))
            return
        }
        var index =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        // The parts are made on every core, a part per core at a time (a province's are 5 MB each), and
        // written in order.
        let starts = Array(stride(from: 0, to: paths.count, by: limit))
        let wave = ProcessInfo.processInfo.activeProcessorCount
        for first in stride(from: 0, to: starts.count, by: wave) {
            let parts = ParallelMap.map(Array(starts[first..<min(first + wave, starts.count)])) { start in
                urlset(start..<min(start + limit, paths.count))
            }
            for (k, part) in parts.enumerated() {
                let name = "sitemap-\(first + k + 1).xml"
                try out.write(name, part)
                index += "  <sitemap><loc>\(Escape.xml(context.url(name)))</loc></sitemap>\n"
            }
        }
        try out.write("sitemap.xml", index + "</sitemapindex>\n")
    }
}
