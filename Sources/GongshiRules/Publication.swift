import GongshiModel

/// A published field and its value as shown (dates normalised, personal data masked).
public struct PublishedField: Sendable, Hashable {
    public let field: Field
    public let value: String
    /// The national column name, as pages and open data show it.
    public var name: String { field.name }
    public var role: Field.Role { field.role }

    public init(field: Field, value: String) {
        self.field = field
        self.value = value
    }
}

extension Array where Element == PublishedField {
    /// The published value of `field`; nil when the record has no such field.
    public func value(of field: Field) -> String? { first { $0.field == field }?.value }
}

/// A withdrawn (revoked, changed, confirmed illegal or invalid) record's page: it states the reason and stays until the publicity end it would have had.
public struct WithdrawalNotice: Sendable {
    public let kind: RecordKind
    public let key: String
    public let id: String
    public let department: Department
    public let entityName: String
    public let documentNumber: String
    public let title: String
    public let decisionDate: LocalDate
    public let revokedOn: LocalDate?
    /// Ledger 撤回, or the build date.
    public let withdrawnOn: LocalDate
    public let reason: String
    public let until: LocalDate?
    public let digest: String
    public let file: String
    public let line: Int
    /// The worksheet of a workbook the row is on (empty for CSV).
    public var sheet = ""
    /// What happened to the decision: 撤销, 变更, 确认违法 or 确认无效 (行政处罚法 Art.48).
    public var action = "撤销"
    /// The entity's 统一社会信用代码 as its records show it (empty when not known): its feed announces
    /// the withdrawal too.
    public var entityCode = ""
    /// The decision was public before (published here, or by the previous system): false when it is
    /// withdrawn before it was ever shown, and the notice must not say that its information was taken down.
    public var wasShown = true
}

/// A red- or black-list entry public on the build date.
public struct PublishedListEntry: Sendable {
    public let key: String
    /// Its URL id (the anchor on its list's page); see ``Publisher/listEntryID(_:_:shownName:)``.
    public internal(set) var id: String
    /// Whether `id` was made from the key with the person's name as the page shows it: the key holds a
    /// hash of a natural person's full name, so nothing public may be made from it
    /// (``Publisher/listEntryID(_:_:shownName:)``).
    public internal(set) var idHidesName = false
    /// What its feed items' ids are made from: its key, unless that holds the hash of a person's name;
    /// then its id, which tells nothing the page does not (an id from the key could be matched against
    /// names tried one by one in place of the masked character: 马*浩).
    public var feedKey: String { idHidesName ? "mingdan-entry:" + id : key }
    public let isRed: Bool
    public let listName: String
    public let listID: String
    public let department: Department
    public let entityName: String
    public let entityCode: String
    public let category: SubjectCategory
    public let listedOn: LocalDate
    public let validUntil: LocalDate?
    /// Why `validUntil` is not the department's 有效期至, said beside it: cut to the legal maximum
    /// (publicity-too-long), or none given and the default period counted; empty when it is theirs.
    public internal(set) var validUntilNote = ""
    public let reason: String
    public let basis: String
    public let memorandum: Memorandum?
    public let underObjection: Bool
    public let firstPublished: LocalDate
    public internal(set) var lastUpdated: LocalDate?
    public let fields: [PublishedField]
    public let digest: String
    public let file: String
    public let line: Int
    /// The worksheet of a workbook the row is on (empty for CSV).
    public var sheet = ""
    /// A valid 15-digit 工商注册号 and 组织机构代码 of the entity (read by shape), or empty.
    public var registrationNumber = ""
    public var organizationCode = ""

    /// The code the entity is known by: its 统一社会信用代码, else its 组织机构代码 (without hyphen), else its
    /// 工商注册号; empty when there is none.
    public var identityCode: String {
        if !entityCode.isEmpty { return entityCode }
        if !organizationCode.isEmpty { return OrganizationCode.shaped(organizationCode) ?? organizationCode }
        return registrationNumber
    }
    /// 认定文书号, else 案号, else 执行依据文号: the document that joins the key (SPEC §8.4).
    public var document = ""
    /// Published by the system this site took over from (an 导入 event, or listed before
    /// `disclosure.adoptedOn` and not in the ledger): not announced as new (feeds, home page).
    public internal(set) var previousSystem = false
}

/// A record the rules keep off the site, with why (for the build summary and the preview).
public struct WithheldRecord: Sendable {
    public let kind: RecordKind
    public let key: String
    public let department: String
    public let rule: String
    /// Withheld because of an error finding (what `build --strict` fails on), not by policy.
    public let isError: Bool
    public let file: String
    public let line: Int
    /// The worksheet of a workbook the row is on (empty for CSV).
    public var sheet = ""
    /// The entity's name as a report may show it (masked for a natural person).
    public var entity = ""
    /// The URL id the record would have when published (`scjgj-3f9a…`): the preview shows the withheld
    /// record there, so that a department's link never ends in a bare 404. Empty unless the judge was
    /// asked to keep rows (the preview).
    public var id = ""
    /// The decision (or listing) date, when it could be read.
    public var decided: LocalDate?
    /// The row as read, for the preview only (empty unless the judge was asked to keep rows): the
    /// columns the file has, secret ones blanked.
    public var row: [PublishedField] = []
}

/// A record not yet published whose deadline lies ahead (for the department preview).
public struct UpcomingDeadline: Sendable {
    public let key: String
    public let department: String
    public let deadline: LocalDate
    public let file: String
    public let line: Int
    /// The entity's name (masked for a natural person) and the 决定书文号, for the preview's table.
    public var entity = ""
    public var document = ""
}

/// The exact set of things public on one date, and the ledger events that date adds: what render
/// consumes. Built by ``Judge``.
public struct Publication: Sendable {
    public let date: LocalDate
    public let settings: SiteSettings
    public var departments: [Department]
    public let memoranda: [Memorandum]
    public let calendar: WorkdayCalendar
    /// Public licensing and penalty records, newest first publication first.
    public var records: [PublishedRecord]
    public var withdrawals: [WithdrawalNotice]
    /// Public list entries, newest first.
    public var listEntries: [PublishedListEntry]
    public var articles: [Article]
    public var withheld: [WithheldRecord]
    public var upcoming: [UpcomingDeadline]
    /// Events the build appends to the ledger for `date`.
    public var newEvents: [LedgerEvent]
    /// The ledger's events of `date` (an earlier build of the same day), then `newEvents`: what the day's
    /// report lists. Not the whole ledger: a province's million events are not kept for the render.
    public var eventsOfDate: [LedgerEvent]
}
