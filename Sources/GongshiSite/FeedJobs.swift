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
        /// The 编码 of the department whose feed this is (nil for the site's and the sections' feeds).
        var department: String? = nil
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
                    description: "\(d.name)的公示", department: d.code))
        }
        return g
    }

    /// One job per feed group, each choosing its newest items and writing its Atom, RSS and JSON Feed.
    func feedJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        let p = publication
        return feedGroups().map { g in
            {
                let items = self.newestSources(of: g, index).map { source -> FeedItem in
                    switch source {
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

    /// What the feed of `group` announces: the newest `feeds.items` of the records, list entries,
    /// withdrawals and articles under it, newest first; ties stay in the order they are gathered in (each
    /// kind in the publication's order, records first). Each feed gathers its own, in its own job.
    func newestSources(of group: FeedGroup, _ index: SiteIndex) -> [FeedSource] {
        let p = publication
        var top = NewestFeedSources(limit: settings.feedItems)
        let folder = group.folder
        let all = folder.isEmpty
        let kind = RecordKind(rawValue: String(folder.dropLast()))
        let colour = folder == "hongmingdan/" ? true : folder == "heimingdan/" ? false : nil
        let department = group.department
        let ofDepartment = department.flatMap { index.byDepartment[$0] }
        // What the previous system published (SPEC §8.3) is not announced as new: its date is not known.
        p.records.withUnsafeBufferPointer { records in
            if all || kind != nil {
                for i in records.indices where (all || records[i].kind == kind) && !records[i].previousSystem {
                    top.add(records[i].firstPublished, records[i].key, .record(i))
                }
            }
            for i in ofDepartment?.records ?? [] where !records[i].previousSystem {
                top.add(records[i].firstPublished, records[i].key, .record(i))
            }
        }
        p.listEntries.withUnsafeBufferPointer { entries in
            if all || colour != nil {
                for i in entries.indices where (all || entries[i].isRed == colour) && !entries[i].previousSystem {
                    top.add(entries[i].firstPublished, entries[i].key, .entry(i))
                }
            }
            for i in ofDepartment?.entries ?? [] where !entries[i].previousSystem {
                top.add(entries[i].firstPublished, entries[i].key, .entry(i))
            }
        }
        for (i, n) in p.withdrawals.enumerated()
        where all || n.kind == kind || (department != nil && n.department.code == department) {
            top.add(n.withdrawnOn, "chehui:" + n.key, .notice(i))
        }
        if all || folder == "xinwen/" {
            for (i, a) in index.articles.enumerated() { top.add(a.date ?? p.date, a.slug, .article(i)) }
        }
        return top.sources
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
            updated: Feeds.updated(
                r.lastUpdated ?? published, underObjection: r.underObjection, since: r.value(.statusDate)),
            html: Feeds.table(rows),
            summary: "\(r.department.name) \(r.documentNumber)，决定日期 \(r.decisionDate)", sortKey: r.key)
    }

    func entryItem(_ e: PublishedListEntry, path: String, brief: Bool = false) -> FeedItem {
        let rows = brief ? EntityFeeds.briefRows(e) : Views.fieldPairs(e.fields)
        let colour = Views.colour(isRed: e.isRed)
        return FeedItem(
            id: Feeds.itemID(e.feedKey), title: "\(colour)·\(e.listName)：\(e.entityName)", url: context.url(path),
            published: e.firstPublished,
            updated: Feeds.updated(
                e.lastUpdated ?? e.firstPublished, underObjection: e.underObjection,
                since: e.fields.value(of: .statusDate) ?? ""),
            html: Feeds.table(rows),
            summary: "\(e.department.name)于 \(e.listedOn) 列入「\(e.listName)」", sortKey: e.key)
    }

    func noticeItem(_ n: WithdrawalNotice) -> FeedItem {
        let rows = [
            ("撤回原因", n.reason), (Field.entityName.name, n.entityName), ("文书号", n.documentNumber),
            ("决定日期", n.decisionDate.description), ("处理结果", n.action),
            // The date of what happened, named as the notice's page names it (确认无效日期 …).
            ("\(n.action)日期", n.revokedOn?.description ?? ""), ("机关", n.department.name),
        ]
        return FeedItem(
            id: Feeds.itemID("chehui:" + n.key), title: "撤回\(n.kind.title)：\(n.entityName) \(n.documentNumber)",
            url: context.url(Views.noticePath(n)), published: n.withdrawnOn, updated: n.withdrawnOn,
            html: Feeds.table(rows), summary: "撤回原因：\(n.reason.isEmpty ? "未说明" : n.reason)", sortKey: "chehui:" + n.key)
    }

    func articleItem(_ a: Article) -> FeedItem {
        let d = a.date ?? publication.date
        let url = context.url(a.path)
        var html = Feeds.absolutizingLinks(
            Markdown.html(a.markdown, root: SiteContext.root(for: a.path + "index.html")), base: url)
        if a.isHonghei { html += hongheiTables(month: a.month) }
        return FeedItem(
            id: Feeds.itemID("article:" + a.path), title: a.title, url: url, published: d, updated: d, html: html,
            summary: a.summary, sortKey: a.slug)
    }

    /// A 红黑榜 release's tables for its feed item, as its page shows them after the text: the red and
    /// black list entries listed in `month` and still public (a reader of the feed got only the
    /// sentence announcing them).
    func hongheiTables(month: String) -> String {
        var html = ""
        let (red, black) = hongheiEntries(month: month)
        for (rows, heading) in [(red, "红榜"), (black, "黑榜")] where !rows.isEmpty {
            html += "<h2>\(heading)</h2><table><tr><th>主体名称</th><th>名单</th><th>列入日期</th><th>认定部门</th></tr>"
            for e in rows.map({ publication.listEntries[$0] }) {
                let cells = [e.entityName, e.listName, e.listedOn.description, e.department.name]
                html += "<tr>" + cells.map { "<td>\(Escape.xml($0))</td>" }.joined() + "</tr>"
            }
            html += "</table>"
        }
        return html
    }
}
