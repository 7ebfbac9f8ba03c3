import GongshiModel

/// What one build date did, for the webmaster to read and forward: the records first published (or
/// published again after a withdrawal), updated and withdrawn on that date (exactly the ledger events of the date), and the records
/// withheld, grouped by why. Derived from the ``Publication`` only.
public struct DailyReport: Sendable {
    /// One record in the report.
    public struct Item: Sendable, Hashable {
        public let kind: RecordKind
        public let key: String
        /// Entity name as published (masked where the site masks it); empty when not known.
        public let name: String
        /// 决定书文号, or the list's name for a list entry.
        public let document: String
        /// 编码 of the department, empty when unknown.
        public let department: String
        /// `Content/…` file and Excel row, when the record is still in the data.
        public let file: String
        public let line: Int
        /// The worksheet of a workbook (empty for CSV).
        public var sheet = ""

        init(
            kind: RecordKind, key: String, name: String = "", document: String = "", department: String = "",
            file: String = "", line: Int = 0, sheet: String = ""
        ) {
            self.kind = kind
            self.key = key
            self.name = name
            self.document = document
            self.department = department
            self.file = file
            self.line = line
            self.sheet = sheet
        }
    }

    /// Records withheld for one rule.
    public struct WithheldGroup: Sendable {
        public let rule: String
        /// Withheld because the data is wrong (to correct), not by policy.
        public let isError: Bool
        public let items: [Item]
    }

    public let date: LocalDate
    public let published: [Item]
    /// Records shown again on this date after a 撤回 (the ledger's 公示 again): their first publication,
    /// kept on their pages, was earlier.
    public let republished: [Item]
    public let updated: [Item]
    public let withdrawn: [Item]
    /// Records the previous system published, recorded 导入 on this date (SPEC §8.3).
    public let imported: [Item]
    /// Errors first, then by the number of records.
    public let withheld: [WithheldGroup]

    public init(publication p: Publication) {
        date = p.date
        let today = p.eventsOfDate
        // Only the items the report names are made: the date's events' and those whose name a withheld
        // record lacks (a province publishes a million records; a day's events are a few hundred).
        var wanted = Set(today.map(\.key))
        for w in p.withheld where w.entity.isEmpty { wanted.insert(w.key) }
        var known: [String: Item] = [:]
        // Keys public today whose first publication was earlier: a 公示 of theirs is a re-publication.
        var shownBefore = Set<String>()
        // Looked at by position, the key first, hashed from its bytes (``TextKey``): a record taken out of
        // the array whole was copied, and a Chinese key hashed as a String took the slow path, for each of
        // a province's million records to find a few hundred.
        let lookedFor = Set(wanted.map(TextKey.init))
        let records = p.records
        for i in records.indices where lookedFor.contains(TextKey(records[i].key)) {
            let r = records[i]
            if r.firstPublished < p.date { shownBefore.insert(r.key) }
            known[r.key] = Item(
                kind: r.kind, key: r.key, name: r.entityName, document: r.documentNumber,
                department: r.department.code, file: r.file, line: r.line, sheet: r.sheet)
        }
        let entries = p.listEntries
        for i in entries.indices where lookedFor.contains(TextKey(entries[i].key)) {
            let e = entries[i]
            if e.firstPublished < p.date { shownBefore.insert(e.key) }
            known[e.key] = Item(
                kind: .mingdan, key: e.key, name: e.entityName, document: e.listName,
                department: e.department.code, file: e.file, line: e.line, sheet: e.sheet)
        }
        for n in p.withdrawals where wanted.contains(n.key) {
            known[n.key] = Item(
                kind: n.kind, key: n.key, name: n.entityName, document: n.documentNumber,
                department: n.department.code, file: n.file, line: n.line, sheet: n.sheet)
        }
        // A key names the document (or the list) and the authority: what a withheld record, or one no
        // longer in the data, is shown by.
        // By its name or an alias (departments.csv's 别名): a key keeps the authority as the row wrote it.
        let byName = Dictionary(
            p.departments.flatMap { d in ([d.name] + d.aliases).map { ($0, d.code) } }, uniquingKeysWith: { a, _ in a })
        func fromKey(_ kind: RecordKind, _ key: String) -> (document: String, department: String) {
            guard let (first, rest) = RecordContext.keyParts(key) else { return ("", "") }
            return kind == .mingdan ? (first, "") : (rest, byName[first] ?? "")
        }
        var withheldItems: [String: Item] = [:]
        for w in p.withheld {
            withheldItems[w.key] = Item(
                kind: w.kind, key: w.key, name: w.entity.isEmpty ? (known[w.key]?.name ?? "") : w.entity,
                document: fromKey(w.kind, w.key).document, department: w.department, file: w.file, line: w.line,
                sheet: w.sheet)
        }
        func item(_ e: LedgerEvent) -> Item {
            if let i = known[e.key] ?? withheldItems[e.key] { return i }
            let (document, department) = fromKey(e.kind, e.key)
            return Item(kind: e.kind, key: e.key, document: document, department: department)
        }
        // Every ledger event of the date: this build's, and those of an earlier build of the same date.
        published = today.filter { $0.event == .published && !shownBefore.contains($0.key) }.map(item)
        republished = today.filter { $0.event == .published && shownBefore.contains($0.key) }.map(item)
        updated = today.filter { $0.event == .updated }.map(item)
        withdrawn = today.filter { $0.event == .withdrawn }.map(item)
        imported = today.filter { $0.event == .imported }.map(item)

        var groups: [String: (Bool, [Item])] = [:]
        for w in p.withheld {
            // Every withheld record is in withheldItems (by key, as the ledger events find it).
            let i =
                withheldItems[w.key]
                ?? Item(kind: w.kind, key: w.key, department: w.department, file: w.file, line: w.line, sheet: w.sheet)
            groups[w.rule, default: (w.isError, [])].1.append(i)
        }
        withheld = groups.map { WithheldGroup(rule: $0.key, isError: $0.value.0, items: $0.value.1) }
            .sorted { a, b in
                if a.isError != b.isError { return a.isError }
                if a.items.count != b.items.count { return a.items.count > b.items.count }
                return a.rule < b.rule
            }
    }

    /// The date's events as the report and the preview list them: 首次公示, 撤回后重新公示 (when there are
    /// any), 更新, 撤回.
    public var eventSections: [(title: String, items: [Item])] {
        let again = republished.isEmpty ? [] : [(title: "撤回后重新公示", items: republished)]
        return [("首次公示", published)] + again + [("更新", updated), ("撤回", withdrawn)]
    }

    /// Records withheld in all.
    public var withheldCount: Int { withheld.reduce(0) { $0 + $1.items.count } }
}
