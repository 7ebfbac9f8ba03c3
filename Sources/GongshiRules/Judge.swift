import Foundation
import GongshiModel

/// The findings and the Publication for one build date.
public struct Judgement: Sendable {
    /// Sorted by file, line, rule.
    public let findings: [Finding]
    public let publication: Publication
    /// Data rows read (xzxk + xzcf + mingdan).
    public let rowsRead: Int
    /// Data rows by the 编码 of their department ("" when unknown).
    public let rowsByDepartment: [String: Int]
    /// The data files holding each department's records (by 编码): files with rows attributed to it, rows
    /// whose unknown authority is closest to it, or its 编码 in the file name.
    public let filesByDepartment: [String: Set<String>]

    /// The findings a department's clerk must see: those of its records, every finding without a
    /// department in the files that carry its records (unreadable rows, unknown headers and authorities),
    /// and those of data files no department's records could be read from (a file that cannot be read at
    /// all may be theirs: it must not be hidden from the clerk who sent it).
    public func findings(ofDepartment code: String) -> [Finding] {
        let files = filesByDepartment[code] ?? []
        let anyones = Set(filesByDepartment.values.joined())
        return findings.filter { f in
            f.department == code
                || (f.department.isEmpty
                    && (files.contains(f.file) || (!anyones.contains(f.file) && RecordKind.isInDataFolder(f.file))))
        }
    }
}

/// Applies every disclosure rule to a site on a date: pure, no I/O. The law lives in the rules of
/// `Rules/`, run in the order of ``RuleRegistry``; this type only feeds them the rows and gathers what
/// they decide. `check` and `build` both judge through here, so they always agree.
public enum Judge {
    /// Judges every row in two passes over the data: the first gathers the keys (for duplicates) and
    /// counts; the second judges each row. Rows are taken from the ``RecordSource`` a batch at a time, so
    /// a streaming source never holds its raw rows: memory holds the keys, the findings and what is public.
    /// A missing calendar year never stops it (SPEC §8.1): it is a finding, and the records it touches
    /// are published with their timeliness unjudged.
    /// - Parameter keepPublication: `check` passes false: public records are judged and counted but not
    ///   kept, so memory does not grow with the public data.
    /// - Parameter keepRows: the preview passes true: withheld records keep their row as read, for a
    ///   preview page that shows what to fix.
    public static func judge(
        _ source: some RecordSource, date: LocalDate, keepPublication: Bool = true, keepRows: Bool = false
    ) -> Judgement {
        let site = source.site
        let departments = DepartmentIndex(site.departments)
        let memoranda = MemorandumIndex(site.memoranda)

        // Pass 1: keys and rows per department.
        var duplicates = DuplicateIndex()
        var rowsByDepartment: [String: Int] = [:]
        // The files that carry each department's records: a clerk sees every problem in them, also
        // those of rows that have no department yet (unreadable, or an authority that matches none).
        var filesByDepartment: [String: Set<String>] = [:]
        var closest: [String: String] = [:]  // authority → 编码 of the closest department ("" for none)
        // Older list keys (without the document) → the current keys that map to them.
        var legacy: [String: Set<String>] = [:]
        var links = IdentityLinks()
        // A natural person's list keys with the full name, as older builds wrote them → today's keys.
        var formerKeys: [String: String] = [:]
        for f in site.dataFiles {
            if let d = departments.named(inFile: f.file) { filesByDepartment[d.code, default: []].insert(f.file) }
        }
        // Rows held in memory anyway: their contexts are kept for pass 2 rather than worked out again.
        let keepContexts = source.holdsRows
        var kept: [[RecordContext]] = []
        var lastFileOfDepartment = (code: "", file: "")
        // The contexts of each batch are worked out on every core while this thread notes the batch before.
        var pass1 = Pipeline<[RecordContext]> { contexts in
            if keepContexts { kept.append(contexts) }
            for c in contexts {
                duplicates.add(c)
                links.add(c.identity, name: c.entityName)
                if !c.formerKeys.isEmpty { formerKeys.merge(c.formerKeys) { a, _ in a } }
                if c.kind == .mingdan && c.hasKey {
                    legacy[c.legacyKey ?? c.key, default: []].insert(c.key)
                }
                rowsByDepartment[c.department?.code ?? "", default: 0] += 1
                if let d = c.department {
                    // Rows come file by file, mostly of one department: a pair already noted is skipped.
                    if d.code != lastFileOfDepartment.code || c.source.file != lastFileOfDepartment.file {
                        filesByDepartment[d.code, default: []].insert(c.source.file)
                        lastFileOfDepartment = (d.code, c.source.file)
                    }
                } else {
                    // No department yet: the closest one to the authority, else to the 数据来源单位.
                    let named = c.authority.isEmpty ? c.source[.dataSource] : c.authority
                    guard !named.isEmpty else { continue }
                    if closest[named] == nil {
                        closest[named] = (departments.byName[named] ?? departments.closest(to: named))?.code ?? ""
                    }
                    if let code = closest[named], !code.isEmpty {
                        filesByDepartment[code, default: []].insert(c.source.file)
                    }
                }
            }
        }
        let (readFindings, rowsRead) = source.recordBatches { batch in
            pass1.push { ParallelMap.chunked(batch) { RecordContext(source: $0, departments: departments) } }
        }
        pass1.finish()
        duplicates.finish()

        // Pass 2: judge every row.
        let history = LedgerHistory(events: site.ledger, through: date, aliases: formerKeys)
        let env = RuleEnvironment(
            date: date, settings: site.settings, calendar: site.calendar, memoranda: memoranda,
            history: history, departments: departments,
            legacyListKeys: Set(legacy.filter { $0.value.count == 1 && !$0.value.contains($0.key) }.keys),
            links: links, values: keepPublication ? ValueTable() : nil)
        // A data row that cannot be read is withheld by its bad-file finding (the build summary counts it).
        // A site read into memory carries them in `site.findings`, a streamed one in `readFindings`.
        var findings = (site.findings + readFindings).map { f in
            var f = f
            if BadFile.withholdsRow(f) { f.withholds = true }
            return f
        }
        var records: [PublishedRecord] = []
        // The ledger position of each record's key, in the order of `records` (nil: a key it does not know).
        var recordPositions: [Int?] = []
        var notices: [WithdrawalNotice] = []
        var withheld: [WithheldRecord] = []
        var upcoming: [UpcomingDeadline] = []
        var listCandidates: [(context: RecordContext, entry: PublishedListEntry)] = []
        // Missing calendar years, with the records each left unjudged.
        var unjudged: [Int: Int] = [:]
        var earliest = date
        // Each batch is evaluated on every core while this thread gathers what the batch before decided.
        var pass2 = Pipeline<(contexts: [RecordContext], evaluations: [Evaluation])> { contexts, evaluations in
            for (i, e) in evaluations.enumerated() {
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
                    let c = contexts[i]
                    withheld.append(c.withheld(rule: rule, isError: e.withheldForError, keepRow: keepRows))
                }
            }
        }
        func judgeBatch(_ contexts: [RecordContext]) {
            let dup = contexts.map { duplicates.judge($0) }
            pass2.push {
                let evaluations = ParallelMap.chunked(Array(contexts.indices)) { i in
                    Evaluator.evaluate(contexts[i], duplicate: dup[i], env: env)
                }
                return (contexts, evaluations)
            }
        }
        if keepContexts {
            for i in kept.indices {
                judgeBatch(kept[i])
                kept[i] = []
            }
        } else {
            source.recordBatches { batch in
                judgeBatch(ParallelMap.chunked(batch) { RecordContext(source: $0, departments: departments) })
            }
        }
        pass2.finish()
        // Every row is judged: the duplicate index (one entry per key read) is not needed for what follows.
        duplicates = DuplicateIndex()
        // Every year from the earliest date the rules counted working days from, up to the build date.
        for year in earliest.year...date.year where !site.calendar.years.contains(year) && unjudged[year] == nil {
            unjudged[year] = 0
        }
        let facts = SiteFacts(calendar: site.calendar, date: date, missingYears: unjudged)
        for rule in RuleRegistry.siteRules { findings += rule.decide(facts) }

        // Rules across list entries (an entity on an active black list loses its red-list entries).
        var dropped = Set<Int>()
        for rule in RuleRegistry.listRules {
            for (i, f) in rule.decide(listCandidates) where !dropped.contains(i) {
                dropped.insert(i)
                findings.append(f)
                let c = listCandidates[i].context
                withheld.append(c.withheld(rule: rule.info.id, isError: f.severity == .error, keepRow: keepRows))
            }
        }
        var entries = listCandidates.indices.filter { !dropped.contains($0) }.map { listCandidates[$0].entry }
        Publisher.separateSharedIDs(&entries)

        // Ledger events of this date: 公示 / 更新 for what is public, 撤回 for what no longer is.
        var newEvents: [LedgerEvent] = []
        // Whether each key of the ledger history is public today (by position: no key is hashed again).
        var isPublic = [Bool](repeating: false, count: history.order.count)
        /// `previous`: published by the system this site took over from (SPEC §8.3): recorded as 导入.
        func publish(_ kind: RecordKind, _ key: String, _ digest: String, at position: Int?, previous: Bool) {
            guard let position else {
                let event: LedgerEvent.Kind = previous ? .imported : .published
                newEvents.append(LedgerEvent(date: date, event: event, kind: kind, key: key, digest: digest))
                return
            }
            isPublic[position] = true
            let s = history.state(at: position)
            guard s.isShown else {
                newEvents.append(LedgerEvent(date: date, event: .published, kind: kind, key: key, digest: digest))
                return
            }
            // An 导入 without a digest (a row of `ledger import` not public then) adopts what is shown.
            if s.lastDigest != digest && !(s.lastEvent == .imported && s.lastDigest.isEmpty) {
                newEvents.append(LedgerEvent(date: date, event: .updated, kind: kind, key: key, digest: digest))
            }
        }
        for (r, position) in zip(records, recordPositions) {
            publish(r.kind, r.key, r.digest, at: position, previous: r.previousSystem)
        }
        let adopted = site.settings.adoptedOn
        for e in entries {
            publish(
                .mingdan, e.key, e.digest, at: history.position(of: e.key),
                previous: adopted.map { e.listedOn < $0 } ?? false)
        }
        for (position, key) in history.order.enumerated() where !isPublic[position] {
            let s = history.state(at: position)
            guard s.isShown else { continue }
            newEvents.append(LedgerEvent(date: date, event: .withdrawn, kind: s.kind, key: key, digest: s.lastDigest))
        }
        JudgeOrder.sortEvents(&newEvents)
        let updatedNow = Set(newEvents.filter { $0.event == .updated }.map(\.key))
        if !updatedNow.isEmpty {
            // In place: a copy of a province's published records is a few hundred MB.
            for i in records.indices where !records[i].key.isEmpty && updatedNow.contains(records[i].key) {
                records[i].lastUpdated = date
            }
            for i in entries.indices where updatedNow.contains(entries[i].key) { entries[i].lastUpdated = date }
        }

        JudgeOrder.sortRecords(&records)
        entries.sort {
            ($0.listedOn, $0.firstPublished) != ($1.listedOn, $1.firstPublished)
                ? ($0.listedOn, $0.firstPublished) > ($1.listedOn, $1.firstPublished) : $0.key < $1.key
        }
        notices.sort { $0.withdrawnOn != $1.withdrawnOn ? $0.withdrawnOn > $1.withdrawnOn : $0.key < $1.key }
        upcoming.sort { $0.deadline != $1.deadline ? $0.deadline < $1.deadline : $0.key < $1.key }

        let (articleFindings, articles) = BadFile.checkArticles(site.articles.filter { !$0.draft })
        findings.append(contentsOf: articleFindings)
        findings.sort(by: findingOrder)
        let publication = Publication(
            date: date, settings: site.settings, departments: site.departments, memoranda: site.memoranda,
            calendar: site.calendar, records: records, withdrawals: notices, listEntries: entries, articles: articles,
            withheld: withheld, upcoming: upcoming, newEvents: newEvents,
            eventsOfDate: site.ledger.filter { $0.date == date }.map { LedgerHistory.renamed($0, formerKeys) }
                + newEvents)
        return Judgement(
            findings: findings, publication: publication, rowsRead: rowsRead, rowsByDepartment: rowsByDepartment,
            filesByDepartment: filesByDepartment)
    }

    /// Files in byte order, then line, then rule id: the order every report uses.
    public static func findingOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return PlainText.compareBytes(a.file, b.file) < 0 }
        if a.line != b.line { return a.line < b.line }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
