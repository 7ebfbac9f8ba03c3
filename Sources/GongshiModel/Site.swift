/// Everything read from a site folder's `Content/` but its data rows: settings, registries, calendar,
/// articles, ledger and the findings of reading them. The rows come from a ``RecordSource``, a batch at
/// a time, so that a site of a million rows never holds them all.
public struct Site: Sendable {
    /// The site folder (holding `Content/` and `Templates/`).
    public var root: String
    public var settings: SiteSettings
    public var departments: [Department]
    public var memoranda: [Memorandum]
    public var calendar: WorkdayCalendar
    /// The data files (`Content/xzxk/*.csv` …), in byte order of their relative paths: the order of
    /// their rows.
    public var dataFiles: [DataFile]
    public var articles: [Article]
    public var ledger: [LedgerEvent]
    /// Findings of reading: bad files, unknown columns, bad registries and articles. Findings of
    /// reading rows that are delivered later come with the rows (``RecordSource/recordBatches(size:_:)``).
    public var findings: [Finding]

    public init(
        root: String, settings: SiteSettings, departments: [Department], memoranda: [Memorandum],
        calendar: WorkdayCalendar, dataFiles: [DataFile], articles: [Article], ledger: [LedgerEvent],
        findings: [Finding]
    ) {
        self.root = root
        self.settings = settings
        self.departments = departments
        self.memoranda = memoranda
        self.calendar = calendar
        self.dataFiles = dataFiles
        self.articles = articles
        self.ledger = ledger
        self.findings = findings
    }
}

/// One data file of a site.
public struct DataFile: Sendable {
    public let kind: RecordKind
    /// Relative to the site folder (`Content/xzcf/2026-10.csv`).
    public let file: String
    public let path: String

    public init(kind: RecordKind, file: String, path: String) {
        self.kind = kind
        self.file = file
        self.path = path
    }
}
