import GongshiModel
import GongshiRules

/// The steps after the commit: the day's report for the department clerks, and the figures the command
/// prints.
extension BuildStep {
    /// report: the day's build report beside the ledger (`Content/baogao/YYYY-MM-DD.md`), for builds
    /// that write the ledger.
    static func report(_ scoped: ScopedJudgement, _ inputs: BuildInputs, _ options: BuildOptions) throws(SiteError)
        -> String?
    {
        guard options.writeLedger && options.preview == nil else { return nil }
        let unreadable = Set(scoped.judgement.findings.filter(BadFile.unreadableTable).map(\.file)).sorted()
        return try DailyReportFile.write(
            DailyReport(publication: scoped.publication), site: options.site,
            siteTitle: inputs.source.settings.title, departments: inputs.source.departments, unreadable: unreadable)
    }

    /// The build's figures for its summary.
    static func result(
        _ scoped: ScopedJudgement, _ rendered: RenderedSite, _ inputs: BuildInputs, _ options: BuildOptions,
        seconds: Double, reportFile: String?
    ) -> BuildResult {
        let publication = scoped.publication
        let dept = scoped.department
        var published: [RecordKind: Int] = [:]
        let records = publication.records
        for i in records.indices { published[records[i].kind, default: 0] += 1 }
        published[.mingdan] = publication.listEntries.count
        var withheld: [String: Int] = [:]
        for w in publication.withheld where dept == nil || w.department == dept {
            withheld[w.rule, default: 0] += 1
        }
        // Rows that could not be read are withheld too: count them with the rest.
        let unreadRows = scoped.findings.filter { $0.withholds && BadFile.withholdsRow($0) }.count
        if unreadRows > 0 { withheld[BadFile.info.id, default: 0] += unreadRows }
        let forError =
            publication.withheld.filter { $0.isError && (dept == nil || $0.department == dept) }.count + unreadRows
        return BuildResult(
            date: options.date, published: published, withdrawals: publication.withdrawals.count,
            withheld: withheld, withheldForError: forError, pages: rendered.stats.pages, files: rendered.stats.files,
            ledgerEvents: rendered.appendEvents ? publication.newEvents.count : 0, seconds: seconds,
            findings: scoped.findings, out: inputs.out, reportFile: reportFile)
    }
}
