import GongshiModel

/// What the judge's second pass decides, row by row: the findings, what is public (records, withdrawal
/// notices, list entries before the rules across lists), what is withheld and the deadlines ahead.
struct Verdicts {
    var findings: [Finding]
    var records: [PublishedRecord] = []
    /// The ledger position of each record's key, in the order of `records` (nil: a key it does not know).
    var recordPositions: [Int?] = []
    var notices: [WithdrawalNotice] = []
    var withheld: [WithheldRecord] = []
    var upcoming: [UpcomingDeadline] = []
    var listCandidates: [(context: RecordContext, entry: PublishedListEntry)] = []
    /// The list entries that stay public after the rules across lists (``applyListRules(keepRows:)``).
    var entries: [PublishedListEntry] = []
    /// Missing calendar years, with the records each left unjudged.
    var unjudged: [Int: Int] = [:]
    /// The earliest date the rules counted working days from.
    var earliest: LocalDate
    /// Whether a row of the data is each key of the ledger history (by position).
    var seen: [Bool] = []

    /// Judges every row: from the contexts the first pass kept, or read again from `source`. Each batch is
    /// evaluated on every core while this thread gathers what the batch before decided. The duplicate index
    /// and the kept contexts are released as they are done with.
    /// - Parameter keepPublication: false (`check`): public records are judged and counted, not kept.
    /// - Parameter keepRows: withheld records keep their row as read (the preview).
    static func evaluate(
        _ source: some RecordSource, rows: inout RowIndex, env: RuleEnvironment, keepPublication: Bool,
        keepRows: Bool
    ) -> Verdicts {
        // A data row that cannot be read is withheld by its bad-file finding (the build summary counts it).
        // A site read into memory carries them in `site.findings`, a streamed one in `readFindings`.
        let findings = (source.site.findings + rows.readFindings).map { f in
            var f = f
            if BadFile.withholdsRow(f) { f.withholds = true }
            return f
        }
        var verdicts = Verdicts(findings: findings, earliest: env.date)
        verdicts.seen = Array(repeating: false, count: env.history.order.count)
        var pass = Pipeline<(contexts: [RecordContext], evaluations: [Evaluation])> { contexts, evaluations in
            verdicts.add(contexts, evaluations, keepPublication: keepPublication, keepRows: keepRows)
        }
        // Taken out of `rows` (not copied: it is marked as rows are judged) and dropped when every row is
        // judged: the index, one entry per key read, is not needed for what follows.
        var duplicates = rows.duplicates
        rows.duplicates = DuplicateIndex()
        func judgeBatch(_ contexts: [RecordContext]) {
            let dup = contexts.map { duplicates.judge($0) }
            pass.push {
                let evaluations = ParallelMap.chunked(Array(contexts.indices)) { i in
                    Evaluator.evaluate(contexts[i], duplicate: dup[i], env: env)
                }
                return (contexts, evaluations)
            }
        }
        if source.holdsRows {
            for i in rows.kept.indices {
                judgeBatch(rows.kept[i])
                rows.kept[i] = []
            }
        } else {
            let departments = env.departments
            source.recordBatches { batch in
                judgeBatch(ParallelMap.chunked(batch) { RecordContext(source: $0, departments: departments) })
            }
        }
        pass.finish()
        return verdicts
    }

    private mutating func add(
        _ contexts: [RecordContext], _ evaluations: [Evaluation], keepPublication: Bool, keepRows: Bool
    ) {
        for (i, e) in evaluations.enumerated() {
            if let p = e.ledgerPosition { seen[p] = true }
            if let year = e.missingYear { unjudged[year, default: 0] += 1 }
            findings.append(contentsOf: e.findings)
            if let r = e.record {
                if keepPublication {
                    records.append(r)
                    recordPositions.append(e.ledgerPosition)
                }
                if r.decisionDate < earliest { earliest = r.decisionDate }
            }
            if let n = e.notice {
                if keepPublication { notices.append(n) }
                if let revoked = n.revokedOn, revoked < earliest { earliest = revoked }
            }
            if let l = e.entry { listCandidates.append((contexts[i], l)) }
            if let u = e.upcoming { upcoming.append(u) }
            if keepPublication, let rule = e.withheldRule {
                var c = contexts[i]
                c.keptKey = e.keptKey
                withheld.append(c.withheld(rule: rule, isError: e.withheldForError, keepRow: keepRows))
            }
        }
    }

    /// The rules about the site as a whole (calendar years missing from the earliest counted date up to
    /// the build date).
    mutating func applySiteRules(calendar: WorkdayCalendar, date: LocalDate) {
        for year in earliest.year...date.year where !calendar.years.contains(year) && unjudged[year] == nil {
            unjudged[year] = 0
        }
        let facts = SiteFacts(calendar: calendar, date: date, missingYears: unjudged)
        for rule in RuleRegistry.siteRules { findings += rule.decide(facts) }
    }

    /// The rules about the licences and penalties the ledger shows and no row of the data is
    /// (``LedgerRule``).
    mutating func applyLedgerRules(history: LedgerHistory, departments: DepartmentIndex) {
        var gone: [GoneRecord] = []
        for (position, key) in history.order.enumerated() where !seen[position] {
            let s = history.state(at: position)
            guard s.kind != .mingdan, s.isShown, let (authority, document) = RecordContext.keyParts(key) else {
                continue
            }
            gone.append(
                GoneRecord(
                    kind: s.kind, key: key, document: document,
                    department: departments.named(authority)?.code ?? "", firstPublished: s.firstPublished))
        }
        guard !gone.isEmpty else { return }
        let unreadable = findings.filter(BadFile.unreadableTable).map(\.file)
        for rule in RuleRegistry.ledgerRules { findings += rule.decide(gone, unreadable: unreadable) }
    }

    /// The rules across list entries (an entity on an active black list loses its red-list entries): keeps
    /// in ``entries`` those that stay public, each with an id of its own.
    mutating func applyListRules(keepRows: Bool) {
        var dropped = Set<Int>()
        for rule in RuleRegistry.listRules {
            for (i, f) in rule.decide(listCandidates) where !dropped.contains(i) {
                dropped.insert(i)
                findings.append(f)
                let c = listCandidates[i].context
                withheld.append(c.withheld(rule: rule.info.id, isError: f.severity == .error, keepRow: keepRows))
            }
        }
        entries = listCandidates.indices.filter { !dropped.contains($0) }.map { listCandidates[$0].entry }
        Publisher.separateSharedIDs(&entries)
    }

    /// Dates the records and entries that the build's events record as 更新 (in place: a copy of a
    /// province's published records is a few hundred MB).
    mutating func markUpdated(by events: [LedgerEvent], on date: LocalDate) {
        let updatedNow = Set(events.filter { $0.event == .updated }.map(\.key))
        guard !updatedNow.isEmpty else { return }
        for i in records.indices where !records[i].key.isEmpty && updatedNow.contains(records[i].key) {
            records[i].lastUpdated = date
        }
        for i in entries.indices where updatedNow.contains(entries[i].key) { entries[i].lastUpdated = date }
    }

    /// Puts what is public in the order of the pages: records by ``JudgeOrder/sortRecords(_:)``, entries
    /// newest listed first, notices newest withdrawn first, deadlines soonest first.
    mutating func sortForPages() {
        JudgeOrder.sortRecords(&records)
        entries.sort {
            ($0.listedOn, $0.firstPublished) != ($1.listedOn, $1.firstPublished)
                ? ($0.listedOn, $0.firstPublished) > ($1.listedOn, $1.firstPublished) : $0.key < $1.key
        }
        notices.sort { $0.withdrawnOn != $1.withdrawnOn ? $0.withdrawnOn > $1.withdrawnOn : $0.key < $1.key }
        upcoming.sort { $0.deadline != $1.deadline ? $0.deadline < $1.deadline : $0.key < $1.key }
    }
}
