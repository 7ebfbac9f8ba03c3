import Crypto
import Foundation
import GongshiModel
import GongshiRules

/// One feed entry, whatever it announces.
struct FeedItem {
    let id: String
    let title: String
    let url: String
    let published: LocalDate
    let updated: LocalDate
    let html: String
    let summary: String
    let sortKey: String
}

/// Atom 1.0, RSS 2.0 and JSON Feed 1.1 writers.
enum Feeds {
    /// The three files of a feed folder.
    static let names = ["atom.xml", "rss.xml", "feed.json"]

    /// `urn:uuid:` from a hash of the record key: never changes across builds, base URLs or edits.
    static func itemID(_ key: String) -> String {
        let d = Array(SHA256.hash(data: Array(("gongshi:" + key).utf8)).prefix(16))
        var b = d
        b[6] = (b[6] & 0x0F) | 0x50  // version 5 style
        b[8] = (b[8] & 0x3F) | 0x80
        // Hex by table, dashes after bytes 4, 6, 8 and 10: `String(format:)` per byte was 3 % of a build.
        let digits = Array("0123456789abcdef".utf8)
        var out = Array("urn:uuid:".utf8)
        out.reserveCapacity(45)
        for (i, byte) in b.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(45) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func iso(_ d: LocalDate) -> String { "\(d.description)T00:00:00+08:00" }

    static func rfc822(_ d: LocalDate) -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let c = d.components
        let day = c.day < 10 ? "0\(c.day)" : "\(c.day)"
        return "\(days[d.weekday - 1]), \(day) \(months[c.month - 1]) \(c.year) 00:00:00 +0800"
    }

    static func atom(
        title: String, subtitle: String, selfURL: String, pageURL: String, author: String, updated: LocalDate,
        items: [FeedItem], id: String, xmlHTML: [String]? = nil
    ) -> String {
        var s = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
              <title>\(Escape.xml(title))</title>
              <subtitle>\(Escape.xml(subtitle))</subtitle>
              <id>\(Escape.xml(id))</id>
              <link rel="self" type="application/atom+xml" href="\(Escape.xml(selfURL))"/>
              <link rel="alternate" type="text/html" href="\(Escape.xml(pageURL))"/>
              <updated>\(iso(updated))</updated>
              <author><name>\(Escape.xml(author))</name></author>
              <generator>Gongshi</generator>

            """
        for (k, i) in items.enumerated() {
            s += """
                  <entry>
                    <title>\(Escape.xml(i.title))</title>
                    <id>\(i.id)</id>
                    <link rel="alternate" type="text/html" href="\(Escape.xml(i.url))"/>
                    <published>\(iso(i.published))</published>
                    <updated>\(iso(i.updated))</updated>
                    <summary type="text">\(Escape.xml(i.summary))</summary>
                    <content type="html">\(xmlHTML?[k] ?? Escape.xml(i.html))</content>
                  </entry>

                """
        }
        return s + "</feed>\n"
    }

    static func rss(
        title: String, selfURL: String, pageURL: String, description: String, updated: LocalDate, items: [FeedItem],
        xmlHTML: [String]? = nil
    ) -> String {
        // RSS readers take <description> as HTML: data in it (an entity's name) is escaped as HTML
        // first, then as XML, so markup in a name arrives as text.
        var s = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>\(Escape.xml(title))</title>
                <link>\(Escape.xml(pageURL))</link>
                <description>\(Escape.xml(Escape.xml(description)))</description>
                <language>zh-cn</language>
                <lastBuildDate>\(rfc822(updated))</lastBuildDate>
                <generator>Gongshi</generator>
                <atom:link href="\(Escape.xml(selfURL))" rel="self" type="application/rss+xml"/>

            """
        for (k, i) in items.enumerated() {
            s += """
                    <item>
                      <title>\(Escape.xml(i.title))</title>
                      <link>\(Escape.xml(i.url))</link>
                      <guid isPermaLink="false">\(i.id)</guid>
                      <pubDate>\(rfc822(i.published))</pubDate>
                      <description>\(xmlHTML?[k] ?? Escape.xml(i.html))</description>
                    </item>

                """
        }
        return s + "  </channel>\n</rss>\n"
    }

    static func json(
        title: String, selfURL: String, pageURL: String, description: String, author: String, items: [FeedItem]
    ) -> String {
        // Written by hand, keys in a fixed order: JSONSerialization is a tenth of a build's time here.
        func field(_ k: String, _ v: String) -> String { "\(Escape.json(k)): \(Escape.json(v))" }
        var s =
            "{\n  "
            + [
                field("version", "https://jsonfeed.org/version/1.1"), field("title", title),
                field("home_page_url", pageURL),
                field("feed_url", selfURL), field("description", description), field("language", "zh-CN"),
                "\"authors\": [{\(field("name", author))}]",
            ].joined(separator: ",\n  ")
        s += ",\n  \"items\": ["
        s += items.map { i in
            "\n    {"
                + [
                    field("id", i.id), field("url", i.url), field("title", i.title), field("content_html", i.html),
                    field("summary", i.summary), field("date_published", iso(i.published)),
                    field("date_modified", iso(i.updated)),
                ].joined(separator: ", ") + "}"
        }.joined(separator: ",")
        s += items.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return s
    }

    /// Resolves the relative `href` and `src` of rendered Markdown against the article's URL: a feed
    /// reader resolves them against the feed's address otherwise.
    static func absolutizingLinks(_ html: String, base: String) -> String {
        guard let baseURL = URL(string: base) else { return html }
        var out = ""
        var rest = html[...]
        while let r = rest.range(of: "(href|src)=\"", options: .regularExpression) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<end])
            let isRelative = !value.isEmpty && !value.hasPrefix("#") && !value.contains(":")
            if isRelative,
                let abs = URL(string: value.replacingOccurrences(of: "&amp;", with: "&"), relativeTo: baseURL)?
                    .absoluteString
            {
                out += abs.replacingOccurrences(of: "&", with: "&amp;")
            } else {
                out += value
            }
            rest = rest[end...]
        }
        return out + rest
    }

    /// A record's fields as an HTML table, for feed content.
    static func table(_ rows: [(String, String)]) -> String {
        var s = "<table>"
        for (k, v) in rows where !v.isEmpty { s += "<tr><th>\(Escape.xml(k))</th><td>\(Escape.xml(v))</td></tr>" }
        return s + "</table>"
    }
}

extension Renderer {
    struct FeedGroup {
        let folder: String
        let title: String
        let description: String
    }

    /// Every feed: the site, each section, each department.
    func feedGroups() -> [FeedGroup] {
        var g = [
            FeedGroup(folder: "", title: feedTitle(""), description: "\(settings.title)全部最新公示"),
            FeedGroup(folder: "xzxk/", title: feedTitle("xzxk/"), description: "行政许可决定公示"),
            FeedGroup(folder: "xzcf/", title: feedTitle("xzcf/"), description: "行政处罚决定公示"),
            FeedGroup(folder: "hongmingdan/", title: feedTitle("hongmingdan/"), description: "红名单列入公示"),
            FeedGroup(folder: "heimingdan/", title: feedTitle("heimingdan/"), description: "黑名单列入公示"),
            FeedGroup(folder: "xinwen/", title: feedTitle("xinwen/"), description: "信用动态与红黑榜发布"),
        ]
        for d in publication.departments {
            g.append(
                FeedGroup(
                    folder: Views.departmentPath(d.code), title: "\(settings.title) · \(d.name)",
                    description: "\(d.name)的公示"))
        }
        return g
    }

    /// Something a feed can announce, before its item is built: only the newest `feeds.items` of
    /// each feed are turned into items.
    enum FeedSource: Sendable {
        case record(Int)
        case entry(Int)
        case notice(Int)
        case article(Int)
    }

    /// One job per feed group, each writing its Atom, RSS and JSON Feed.
    func feedJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        let p = publication
        // (published, sort key, source) for everything, bucketed by feed folder. A folder keeps only its
        // newest `limit` (three candidates a record were 100 MB at a million records): whenever it holds
        // twice that, the older half goes. The sort is stable, so ties keep the order they were added
        // in, as when every candidate was kept.
        typealias Candidate = (published: LocalDate, sortKey: String, source: FeedSource)
        let limit = settings.feedItems
        @Sendable func newest(_ a: [Candidate]) -> ArraySlice<Candidate> {
            a.sorted { ($0.published, $0.sortKey) > ($1.published, $1.sortKey) }.prefix(limit)
        }
        var byFolder: [String: [Candidate]] = [:]
        func add(_ folders: [String], _ c: Candidate) {
            for f in folders {
                byFolder[f, default: []].append(c)
                if let held = byFolder[f], held.count >= 2 * max(limit, 64) { byFolder[f] = Array(newest(held)) }
            }
        }
        for (i, r) in p.records.enumerated() {
            add(
                ["", r.kind.rawValue + "/", Views.departmentPath(r.department.code)],
                (r.firstPublished, r.key, .record(i)))
        }
        for (i, e) in p.listEntries.enumerated() {
            add(
                ["", e.isRed ? "hongmingdan/" : "heimingdan/", Views.departmentPath(e.department.code)],
                (e.firstPublished, e.key, .entry(i)))
        }
        for (i, n) in p.withdrawals.enumerated() {
            add(
                ["", n.kind.rawValue + "/", Views.departmentPath(n.department.code)],
                (n.withdrawnOn, "chehui:" + n.key, .notice(i)))
        }
        for (i, a) in index.articles.enumerated() {
            add(["", "xinwen/"], (a.date ?? p.date, a.slug, .article(i)))
        }
        return feedGroups().map { g in
            let candidates = byFolder[g.folder] ?? []
            return {
                let top = newest(candidates)
                let items = top.map { c -> FeedItem in
                    switch c.source {
                    case .record(let i): return self.recordItem(p.records[i])
                    case .entry(let i): return self.entryItem(p.listEntries[i], path: index.entryPaths[i])
                    case .notice(let i): return self.noticeItem(p.withdrawals[i])
                    case .article(let i): return self.articleItem(index.articles[i])
                    }
                }
                try self.writeFeeds(g, items, out)
            }
        }
    }

    /// Writes the Atom, RSS and JSON Feed of a folder.
    ///
    /// - Parameter given: the files' fingerprint when the caller made it from their inputs and found
    ///   them changed; else it is made from the items here.
    func writeFeeds(_ g: FeedGroup, _ items: [FeedItem], _ out: CountingSink, fingerprint given: Fingerprint? = nil)
        throws
    {
        let author = settings.footer.sponsor.isEmpty ? settings.title : settings.footer.sponsor
        let updated = items.map(\.updated).max() ?? publication.date
        let page = context.url(g.folder)
        // The three files are made from these values alone: reuse them together or make them again.
        var fingerprint = given
        if out.reuses && given == nil {
            var b = FingerprintBuffer(tag: "feeds")
            for s in [g.folder, g.title, g.description, author, updated.description, page, context.url("")] {
                b.add(s)
            }
            for i in items {
                for s in [i.id, i.title, i.url, i.published.description, i.updated.description, i.html, i.summary] {
                    b.add(s)
                }
            }
            let f = b.finish()
            fingerprint = f
            if try reuseAll(Feeds.names.map { g.folder + $0 }, f, out) { return }
        }
        // Both Atom and RSS carry each item's HTML escaped for XML: escaped once.
        let xmlHTML = items.map { Escape.xml($0.html) }
        try out.write(
            g.folder + "atom.xml",
            Feeds.atom(
                title: g.title, subtitle: g.description, selfURL: context.url(g.folder + "atom.xml"), pageURL: page,
                author: author, updated: updated, items: items, id: Feeds.itemID("feed:" + g.folder), xmlHTML: xmlHTML),
            fingerprint: fingerprint)
        try out.write(
            g.folder + "rss.xml",
            Feeds.rss(
                title: g.title, selfURL: context.url(g.folder + "rss.xml"), pageURL: page,
                description: g.description, updated: updated, items: items, xmlHTML: xmlHTML),
            fingerprint: fingerprint)
        try out.write(
            g.folder + "feed.json",
            Feeds.json(
                title: g.title, selfURL: context.url(g.folder + "feed.json"), pageURL: page,
                description: g.description, author: author, items: items), fingerprint: fingerprint)
    }

    /// - Parameter brief: the decision in a few fields (entity feeds), not every published field.
    func recordItem(_ r: PublishedRecord, brief: Bool = false) -> FeedItem {
        var rows = brief ? EntityFeeds.briefRows(r) : Views.fieldPairs(r.fields)
        if r.underObjection { rows.insert(("状态", "异议处理中"), at: 0) }
        let title = "\(r.kind.title)：\(r.entityName) \(r.title)"
        return FeedItem(
            id: Feeds.itemID(r.key), title: title, url: context.url(Views.recordPath(r)), published: r.firstPublished,
            updated: r.lastUpdated ?? r.firstPublished, html: Feeds.table(rows),
            summary: "\(r.department.name) \(r.documentNumber)，决定日期 \(r.decisionDate)", sortKey: r.key)
    }

    func entryItem(_ e: PublishedListEntry, path: String, brief: Bool = false) -> FeedItem {
        let rows = brief ? EntityFeeds.briefRows(e) : Views.fieldPairs(e.fields)
        let colour = e.isRed ? "红名单" : "黑名单"
        return FeedItem(
            id: Feeds.itemID(e.key), title: "\(colour)·\(e.listName)：\(e.entityName)", url: context.url(path),
            published: e.firstPublished, updated: e.lastUpdated ?? e.firstPublished, html: Feeds.table(rows),
            summary: "\(e.department.name)于 \(e.listedOn) 列入「\(e.listName)」", sortKey: e.key)
    }

    func noticeItem(_ n: WithdrawalNotice) -> FeedItem {
        let rows = [
            ("撤回原因", n.reason), (Field.entityName.name, n.entityName), ("文书号", n.documentNumber),
            ("决定日期", n.decisionDate.description), ("撤销日期", n.revokedOn?.description ?? ""), ("机关", n.department.name),
        ]
        return FeedItem(
            id: Feeds.itemID("chehui:" + n.key), title: "撤回\(n.kind.title)：\(n.entityName) \(n.documentNumber)",
            url: context.url(Views.noticePath(n)), published: n.withdrawnOn, updated: n.withdrawnOn,
            html: Feeds.table(rows), summary: "撤回原因：\(n.reason)", sortKey: "chehui:" + n.key)
    }

    func articleItem(_ a: Article) -> FeedItem {
        let d = a.date ?? publication.date
        let url = context.url(Renderer.articlePath(a))
        return FeedItem(
            id: Feeds.itemID("article:" + Renderer.articlePath(a)), title: a.title, url: url,
            published: d, updated: d, html: Feeds.absolutizingLinks(Markdown.html(a.markdown), base: url),
            summary: a.summary, sortKey: a.slug)
    }
}
