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
    /// those of data files no department's records could be read from (a file that cannot be read at
    /// all may be theirs: it must not be hidden from the clerk who sent it), and those about the site as
    /// a whole (a missing calendar year leaves their records' timeliness unjudged).
    public func findings(ofDepartment code: String) -> [Finding] {
        let files = filesByDepartment[code] ?? []
        let anyones = Set(filesByDepartment.values.joined())
        let siteWide = Set(RuleRegistry.siteRules.map { $0.info.id })
        return findings.filter { f in
            f.department == code || siteWide.contains(f.rule)
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
    /// counts (``RowIndex``); the second judges each row (``Verdicts``). Rows are taken from the
    /// ``RecordSource`` a batch at a time, so a streaming source never holds its raw rows: memory holds the
    /// keys, the findings and what is public. A missing calendar year never stops it (SPEC §8.1): it is a
    /// finding, and the records it touches are published with their timeliness unjudged.
    /// - Parameter keepPublication: `check` passes false: public records are judged and counted but not
    ///   kept, so memory does not grow with the public data.
    /// - Parameter keepRows: the preview passes true: withheld records keep their row as read, for a
    ///   preview page that shows what to fix.
    public static func judge(
        _ source: some RecordSource, date: LocalDate, keepPublication: Bool = true, keepRows: Bool = false
    ) -> Judgement {
        let site = source.site
        let departments = DepartmentIndex(site.departments)
        var rows = RowIndex.gather(source, departments: departments)
        let history = LedgerHistory(events: site.ledger, through: date, aliases: rows.formerKeys)
        let env = RuleEnvironment(
            date: date, settings: site.settings, calendar: site.calendar, memoranda: MemorandumIndex(site.memoranda),
            history: history, respellings: Respellings(history: history, departments: departments),
            departments: departments, legacyListKeys: rows.legacyListKeys, links: rows.links,
            values: keepPublication ? ValueTable() : nil,
            builtSinceAdoption: site.settings.adoptedOn.map { adopted in
                site.ledger.contains { $0.event != .imported && $0.date >= adopted && $0.date < date }
            } ?? false)
        var verdicts = Verdicts.evaluate(
            source, rows: &rows, env: env, keepPublication: keepPublication, keepRows: keepRows)
        verdicts.applyLedgerRules(history: history, departments: departments)
        verdicts.applySiteRules(calendar: site.calendar, date: date)
        verdicts.applyListRules(keepRows: keepRows)
        let newEvents = DayEvents.of(verdicts, history: history, date: date)
        verdicts.markUpdated(by: newEvents, on: date)
        verdicts.sortForPages()

        let (articleFindings, articles) = BadFile.checkArticles(site.articles.filter { !$0.draft })
        verdicts.findings.append(contentsOf: articleFindings)
        for a in site.articles {
            for rule in RuleRegistry.articleRules { verdicts.findings += rule.decide(a, date: date) }
        }
        verdicts.findings.sort(by: findingOrder)
        let publication = Publication(
            date: date, settings: site.settings, departments: site.departments, memoranda: site.memoranda,
            calendar: site.calendar, records: verdicts.records, withdrawals: verdicts.notices,
            listEntries: verdicts.entries, articles: articles, withheld: verdicts.withheld,
            upcoming: verdicts.upcoming, newEvents: newEvents,
            eventsOfDate: site.ledger.filter { $0.date == date }.map { LedgerHistory.renamed($0, rows.formerKeys) }
                + newEvents)
        return Judgement(
            findings: verdicts.findings, publication: publication, rowsRead: rows.rowsRead,
            rowsByDepartment: rows.rowsByDepartment, filesByDepartment: rows.filesByDepartment)
    }

    /// Files in byte order, then line, then rule id: the order every report uses.
    public static func findingOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return PlainText.compareBytes(a.file, b.file) < 0 }
        if a.line != b.line { return a.line < b.line }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
