import GongshiModel

/// What a rule may look at besides the record: the build date, the settings, the working-day
/// calendar, the memoranda and the ledger.
struct RuleEnvironment: Sendable {
    let date: LocalDate
    let settings: SiteSettings
    let calendar: WorkdayCalendar
    let memoranda: MemorandumIndex
    let history: LedgerHistory
    /// Decisions the ledger knows by another spelling of their key.
    let respellings: Respellings
    /// The department registry, for naming the closest department to an unknown authority.
    let departments: DepartmentIndex
    /// The older keys of list entries (without their document) that exactly one entry of the site maps
    /// to: such an entry may keep the older key the ledger knows it by (``Publisher/ledgerKey``).
    var legacyListKeys: Set<String> = []
    /// Entities named without their 统一社会信用代码 that other rows give it for.
    var links = IdentityLinks()
    /// Where the published records of the build keep the values of their low-variety columns (nil: each
    /// keeps its own, as `check`, which keeps no records, does).
    var values: ValueTable?
    /// The ledger holds a build of this site since `disclosure.adoptedOn`, before the build date (an event
    /// other than 导入 dated from that day): a record decided before that day that the ledger does not
    /// know was not among those the previous system handed over, which the first build recorded
    /// (SPEC §8.3). It is this site's to publish, and judged so.
    var builtSinceAdoption = false
}

/// What the rules decided about one data row, and what it publishes.
struct Evaluation: Sendable {
    var findings: [Finding] = []
    var record: PublishedRecord?
    var notice: WithdrawalNotice?
    /// A list entry that passed its own rules; the list rules (red/black conflict) run afterwards.
    var entry: PublishedListEntry?
    var withheldRule: String?
    var withheldForError = false
    var upcoming: UpcomingDeadline?
    /// A calendar year the rules needed and the site lacks (the record's timeliness is not judged).
    var missingYear: Int?
    /// The position of the row's key in the ledger history (nil when the ledger does not know it).
    var ledgerPosition: Int?
    /// The ledger's key of the row's decision, when the row spells it otherwise (``Respellings``).
    var keptKey: String?
}

/// Runs the registered per-record rules (``RuleRegistry/recordRules``) in order on one row. The first
/// rule that withholds the row names why, and its first finding is marked as the withholding one.
/// What stays public is then shaped for the pages by ``Publisher``.
enum Evaluator {
    static func evaluate(_ row: RecordContext, duplicate: DuplicateIndex.Judgement, env: RuleEnvironment) -> Evaluation
    {
        var r = row
        var position = env.history.position(of: r.key)
        if let kept = env.respellings.position(of: r, in: env.history, written: position) {
            r.keptKey = env.history.order[kept]
            position = kept
        }
        r.ledger = position.map { env.history.state(at: $0) }
        var v = Verdict()
        v.duplicate = duplicate
        for rule in RuleRegistry.recordRules {
            let d = rule.decide(r, env, v)
            var found = d.findings
            if d.withholds && v.withheldBy == nil {
                v.withheldBy = rule.info.id
                v.withheldForError = (found.first?.severity ?? rule.info.severity) == .error
                if !found.isEmpty { found[0].withholds = true }
            }
            v.findings += found
            if let w = d.withdrawal { v.withdrawal = w }
            if v.missingYear == nil, let y = d.missingYear { v.missingYear = y }
        }
        var e = Evaluation(
            findings: v.findings, withheldRule: v.withheldBy, withheldForError: v.withheldForError,
            missingYear: v.missingYear, ledgerPosition: position, keptKey: r.keptKey)
        guard let department = r.department, let decided = r.primaryDate, let category = r.category else { return e }
        if v.isPublic {
            if r.kind == .mingdan {
                e.entry = Publisher.listEntry(r, department: department, listed: decided, category: category, env: env)
            } else {
                let (record, upcoming, missing) = Publisher.record(
                    r, department: department, decided: decided, category: category, env: env)
                e.record = record
                e.upcoming = upcoming
                if e.missingYear == nil { e.missingYear = missing }
            }
        } else if let action = v.withdrawal {
            e.notice = Publisher.notice(
                r, action: action, department: department, decided: decided, category: category, env: env)
        }
        return e
    }
}
