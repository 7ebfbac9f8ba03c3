import GongshiModel

/// What the rules reference says about one rule id: severity, what it withholds, when it applies,
/// its legal basis and an example that triggers it. `Documentation/rules.md` is generated from these.
public struct RuleInfo: Sendable {
    public let id: String
    /// A short Chinese name, shown on pages a clerk reads (the id stays in JSON and small print).
    public let title: String
    public let severity: Finding.Level
    /// What the finding keeps off the public site (`—` for nothing).
    public let withholds: String
    /// When the rule applies, in Chinese.
    public let summary: String
    /// A data situation that triggers it.
    public let example: String
    /// The law and article the rule enforces, or 本站规则 for the site's own policy.
    public let basis: String
    /// What the day's report tells the departments about the rows an error of this rule withholds, when
    /// it is not that their data is wrong (nil: it is).
    public let reportAdvice: String?

    public init(
        id: String, title: String, severity: Finding.Level, withholds: String, summary: String, example: String,
        basis: String, reportAdvice: String? = nil
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.withholds = withholds
        self.summary = summary
        self.example = example
        self.basis = basis
        self.reportAdvice = reportAdvice
    }
}

/// One disclosure rule of SPEC §3 and §8. Each conforming type lives in its own file under `Rules/`
/// and is listed once in ``RuleRegistry``.
public protocol Rule: SendableMetatype {
    static var info: RuleInfo { get }
}

/// A rule that decides one record's case: from the record, the environment and what the rules before
/// it decided, it returns its findings and whether it withholds the record.
protocol RecordRule: Rule {
    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision
}

/// What one rule decided about one record.
struct Decision: Sendable {
    var findings: [Finding] = []
    /// The rule keeps the record off the site (its first finding says why).
    var withholds = false
    /// The record's page becomes a withdrawal notice (行政处罚法 Art.48).
    var withdrawal: RecordStatus?
    /// A calendar year the rule needed and the site lacks: the record's timeliness is not judged, or its
    /// working days are not counted.
    var missingYear: Int?

    static let none = Decision()
    init(findings: [Finding] = [], withholds: Bool = false) {
        self.findings = findings
        self.withholds = withholds
    }
    init(withholding finding: Finding) {
        findings = [finding]
        withholds = true
    }
}

/// What the rules run so far decided about a record.
struct Verdict: Sendable {
    var findings: [Finding] = []
    /// The rule that withheld the record first, and whether it did so for an error.
    var withheldBy: String?
    var withheldForError = false
    /// Set by ``Revoked``: the record is withdrawn, and how.
    var withdrawal: RecordStatus?
    /// A calendar year some rule needed and the site lacks.
    var missingYear: Int?
    /// The duplicate-key verdict of pass 1.
    var duplicate: DuplicateIndex.Judgement = .unique

    /// Not withheld by any rule so far.
    var isPublic: Bool { withheldBy == nil }
    /// Not withheld for invalid data (it may still be withheld by policy).
    var isValid: Bool { !withheldForError }
}

/// A rule that decides across records: it is given every list entry that its own rules left public.
protocol ListRule: Rule {
    /// The indices of `entries` it withholds, each with the finding that says why.
    static func decide(_ entries: [(context: RecordContext, entry: PublishedListEntry)]) -> [(
        index: Int, finding: Finding
    )]
}

/// A rule about the site as a whole, decided after every record was judged.
protocol SiteRule: Rule {
    static func decide(_ site: SiteFacts) -> [Finding]
}

/// What the site-wide rules look at: the calendar, the build date, and the calendar years the record
/// rules needed but did not find (with how many records each left unjudged).
struct SiteFacts: Sendable {
    let calendar: WorkdayCalendar
    let date: LocalDate
    let missingYears: [Int: Int]
}

extension Rule {
    static func finding(_ r: RecordContext, _ message: String, severity: Finding.Level? = nil) -> Finding {
        var f = Finding(
            rule: info.id, severity: severity ?? info.severity, file: r.source.file, line: r.source.line,
            sheet: r.source.sheet, key: r.key, department: r.department?.code ?? "", message: message)
        f.entity = r.displayName
        return f
    }
}

/// A rule about the ledger's records that no row of the data has any more, decided after every row was
/// judged.
protocol LedgerRule: Rule {
    /// - Parameter unreadable: the data files that could not be read (a record may be in one of them).
    static func decide(_ gone: [GoneRecord], unreadable: [String]) -> [Finding]
}

extension LedgerRule {
    /// Where a finding about a record that only the ledger knows is reported.
    static var ledgerFile: String { "Content/ledger.csv" }
}

/// A licence or penalty the ledger shows as public that no row of the data is.
struct GoneRecord: Sendable {
    let kind: RecordKind
    let key: String
    /// The 文书号 its key names.
    let document: String
    /// 编码 of the department its key names ("" when none).
    let department: String
    let firstPublished: LocalDate?
}

/// A rule about one Markdown article or standing page (SPEC §1.8): what of it will not be shown as written.
protocol ArticleRule: Rule {
    static func decide(_ a: Article, date: LocalDate) -> [Finding]
}

extension ArticleRule {
    static func finding(_ a: Article, line: Int, _ message: String) -> Finding {
        Finding(rule: info.id, severity: info.severity, file: a.file, line: line, message: message)
    }
}

/// The registered rules. Adding a rule is one file in `Rules/`, its test file, and one line here.
public enum RuleRegistry {
    /// Per-record rules in the order they run: data validity first (the first error withholds), then
    /// duplicates, policy, status, publicity period, objections, personal data and timeliness.
    static let recordRules: [any RecordRule.Type] = [
        MissingField.self,
        BadDate.self,
        FutureDate.self,
        StatusDate.self,
        InvalidUSCC.self,
        InvalidIDNumber.self,
        BadValue.self,
        AuthorityCode.self,
        UnknownDepartment.self,
        UnknownMemorandum.self,
        AmountUnit.self,
        DuplicateRecord.self,
        NaturalPersonWithheld.self,
        SummaryProcedure.self,
        Revoked.self,
        LateWithdrawal.self,
        PublicityTooLong.self,
        EarlyRepair.self,
        PublicityEnded.self,
        ObjectionOverdue.self,
        UnderObjection.self,
        PersonalDataInText.self,
        LateDisclosure.self,
        DueSoon.self,
        RespeltDecision.self,
    ]

    /// Rules across list entries, run after the per-record rules.
    static let listRules: [any ListRule.Type] = [RedBlackConflict.self]

    /// Rules about the ledger's records no row has, run after the per-record rules.
    static let ledgerRules: [any LedgerRule.Type] = [RemovedRecord.self]

    /// Site-wide rules, run last.
    static let siteRules: [any SiteRule.Type] = [MissingCalendar.self, CalendarEnding.self]

    /// Rules about each article and standing page.
    static let articleRules: [any ArticleRule.Type] = [
        ArticleFrontMatter.self, ArticleMarkup.self, ScheduledArticle.self,
    ]

    /// Rules the readers of `GongshiContent` report (they know files and rows); documented here.
    static let readerRules: [any Rule.Type] = [BadFile.self, UnknownColumn.self]

    /// Rules about the theme's templates, reported when the theme is parsed; documented here.
    static let themeRules: [any Rule.Type] = [TemplateDate.self]

    /// Every rule, in the order of the reference.
    public static var all: [any Rule.Type] {
        readerRules + recordRules + listRules + ledgerRules + siteRules + articleRules + themeRules
    }
}

/// The reference entry of every rule.
public var allRules: [RuleInfo] { RuleRegistry.all.map { $0.info } }
