import Foundation
import GongshiModel
import GongshiRules

/// Which feeds the site has (the site, each section, each department) and what each announces: the
/// newest items of its folder, written in the three formats of ``Feeds``.
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
        let xmlHTML = items.map { i -> [UInt8] in
            var b: [UInt8] = []
            Escape.appendXML(i.html, to: &b)
            return b
        }
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
        var rows = brief ? EntityFeeds.briefRows(r) : Views.fieldPairs(r)
        if r.underObjection { rows.insert(("状态", "异议处理中"), at: 0) }
        let title = "\(r.kind.title)：\(r.entityName) \(r.title)"
        let published = r.firstPublished
        return FeedItem(
            id: Feeds.itemID(r.key), title: title, url: context.url(Views.recordPath(r)), published: published,
            updated: r.lastUpdated ?? published, html: Feeds.table(rows),
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
