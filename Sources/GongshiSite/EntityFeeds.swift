import GongshiModel
import GongshiRules

/// What an entity's feed says of each item: the decision in a few fields with a link to its page.
/// A feed per entity repeats every record once more in three formats, so full field tables would
/// double the site's size at 100 000 records.
enum EntityFeeds {
    static func briefRows(_ r: PublishedRecord) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("决定", r.title), ("文书号", r.documentNumber), ("决定日期", r.decisionDate.description),
            ("公示部门", r.department.name),
        ]
        for field in [Field.penaltyKinds, .fineAmount, .licenceCertificateName, .validUntil] {
            let v = r.value(field)
            if !v.isEmpty { rows.append((field.name, v)) }
        }
        return rows  // recordItem adds 异议处理中 when it applies
    }

    static func briefRows(_ e: PublishedListEntry) -> [(String, String)] {
        [
            ("名单", e.listName), (Field.listedOn.name, e.listedOn.description), (Field.listingReason.name, e.reason),
            (Field.listingAuthority.name, e.department.name), (Field.validUntil.name, e.validUntil?.description ?? ""),
        ] + (e.underObjection ? [("状态", "异议处理中")] : [])
    }
}

extension Renderer {
    /// `/zhuti/<统一社会信用代码>/atom.xml`, `rss.xml`, `feed.json`: follow one company — its records,
    /// list entries and the withdrawal notices of its records, newest first, as the section feeds.
    ///
    /// - Parameter key: adds what the feeds are made of (the entity's code, records, entries, notices).
    func writeEntityFeeds(
        code: String, _ records: [Int], _ entries: [Int], _ notices: [Int], _ index: SiteIndex, _ out: CountingSink,
        key: (inout FingerprintBuffer) -> Void
    ) throws {
        let folder = Views.entityPath(code)
        let p = publication
        // Dated by their newest item, not the build date, which only a feed of no items shows: one that
        // may hold none, or an entity all of whose records the previous system published (not announced).
        let announced =
            records.contains { !p.records[$0].previousSystem } || entries.contains { !p.listEntries[$0].previousSystem }
            || !notices.isEmpty
        let fingerprint = inputKey("entity-feeds", folder, index, dated: settings.feedItems == 0 || !announced, key)
        if let fingerprint, try reuseAll(Feeds.names.map { folder + $0 }, fingerprint, out) { return }
        let name = entityName(code, records, entries, notices)
        var top = NewestFeedSources(limit: settings.feedItems)
        for i in records where !p.records[i].previousSystem {
            top.add(p.records[i].firstPublished, p.records[i].key, .record(i))
        }
        for i in entries where !p.listEntries[i].previousSystem {
            top.add(p.listEntries[i].firstPublished, p.listEntries[i].key, .entry(i))
        }
        for i in notices { top.add(p.withdrawals[i].withdrawnOn, "chehui:" + p.withdrawals[i].key, .notice(i)) }
        let items = top.sources.map { source -> FeedItem in
            switch source {
            case .record(let i): return recordItem(p.records[i], brief: true)
            case .entry(let i): return entryItem(p.listEntries[i], path: index.entryPaths[i], brief: true)
            case .notice(let i): return noticeItem(p.withdrawals[i])
            case .article(let i): return articleItem(index.articles[i])
            }
        }
        let g = FeedGroup(
            folder: folder, title: "\(settings.title) · \(name)",
            description: "\(name)（统一社会信用代码 \(code)）的行政许可、行政处罚和红黑名单公示")
        try writeFeeds(g, items, out, fingerprint: fingerprint)
    }

    /// The name an entity's page and feeds go by: its first record's, else its first list entry's, else
    /// (an entity whose records were all withdrawn) its first notice's; its code when none has one.
    func entityName(_ code: String, _ records: [Int], _ entries: [Int], _ notices: [Int]) -> String {
        let p = publication
        return records.first.map { p.records[$0].entityName } ?? entries.first.map { p.listEntries[$0].entityName }
            ?? notices.first.map { p.withdrawals[$0].entityName } ?? code
    }
}
