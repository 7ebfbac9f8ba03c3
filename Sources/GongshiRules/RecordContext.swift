import Crypto
import GongshiModel

/// A data row with what every rule needs worked out once: its key, department, category, dates
/// and the status in effect on the build date.
public struct RecordContext: Sendable {
    /// What was worked out of the row, held by reference: a context is copied into every batch, closure
    /// and evaluation, and its twenty-odd strings, arrays and references were each retained per copy.
    private let shared: Shared

    /// The row's ``RecordFacts``, shared by every copy of its context.
    final class Shared: Sendable {
        let facts: RecordFacts
        init(_ facts: RecordFacts) { self.facts = facts }
    }

    init(source: SourceRecord, departments: DepartmentIndex) {
        shared = Shared(RecordFacts(source: source, departments: departments))
    }

    public var source: SourceRecord { shared.facts.source }
    /// The record's key: the ledger's for a decision it knows spelt another way (``Respellings``), else
    /// the row's own.
    public var key: String { keptKey ?? shared.facts.key }
    /// The key as the row spells it (SPEC §7).
    public var writtenKey: String { shared.facts.key }
    /// The key the ledger knows the row's decision by, spelt otherwise than the row spells it (set by
    /// ``Evaluator`` before the rules run).
    public internal(set) var keptKey: String?
    /// The key has every part (authority and document number, or list name, entity and date).
    public var hasKey: Bool { shared.facts.hasKey }
    public var department: Department? { shared.facts.department }
    public var authority: String { shared.facts.authority }
    public var category: SubjectCategory? { shared.facts.category }
    public var isNaturalPerson: Bool { category == .naturalPerson }
    /// 许可决定日期 / 处罚决定日期 / 列入日期 (nil when missing or invalid).
    public var primaryDate: LocalDate? { shared.facts.primaryDate }
    /// Every date field parsed, by schema index (nil where empty or invalid).
    public var dates: ParsedDates { shared.facts.dates }
    public var statusText: String { shared.facts.statusText }
    public var statusDate: LocalDate? { shared.facts.statusDate }
    /// `statusText` parsed once (several rules and the publisher ask): a licensing or penalty record's
    /// status (nil for a value outside the vocabulary, and for a list entry), and a list entry's.
    var givenRecordStatus: RecordStatus? { shared.facts.givenRecordStatus }
    var givenListStatus: ListStatus? { shared.facts.givenListStatus }
    /// A penalty's 失信严重程度: given, or inferred from 处罚类别 (SPEC §8.1); 一般 for other kinds.
    public var severity: Severity { shared.facts.severity }
    /// The severity was not given as a known value and was inferred from 处罚类别.
    public var severityInferred: Bool { shared.facts.severityInferred }

    /// What the ledger says about `key` up to the build date (nil when it does not know the key): looked
    /// up once by ``Evaluator`` before the rules run, since several rules and the publisher ask for it.
    public internal(set) var ledger: LedgerState?

    /// Hashes of the key's bytes and of every value, for ``DuplicateIndex`` (worked out with the rest of
    /// the context, on every core, rather than in the judge's serial part); both 0 without a full key.
    var keyHash: DuplicateIndex.KeyHash { shared.facts.keyHash }
    var contentHash: Int { shared.facts.contentHash }
    var statusFreeHash: Int { shared.facts.statusFreeHash }

    /// The authority-code field the row leaves empty (or `00000000000000000X`), or fills with no valid
    /// code (1.1370000004E+17, as Excel turns an 18-digit code), that its department's 统一社会信用代码 in
    /// departments.csv fills; nil when the row gives a valid code or no department is known.
    /// (Worked out once: the rules and the publisher ask for it several times a row.)
    public var authorityCodeFromDepartments: Field? { shared.facts.authorityCodeFromDepartments }

    static func authorityCodeFromDepartments(
        _ source: SourceRecord, department: Department?, in departments: DepartmentIndex
    ) -> Field? {
        guard let field = source.kind.authorityCodeField, let dept = department, departments.hasValidUSCC(dept) else {
            return nil
        }
        let v = source[field]
        return v.isEmpty || UnifiedSocialCreditCode.isNone(v) || !UnifiedSocialCreditCode.isValid(v) ? field : nil
    }

    /// Optional date fields: a bad value there is a `bad-value` warning, never a reason to withhold.
    static let optionalDateFields: Set<Field> = [.validFrom, .validUntil, .penaltyValidUntil, .publicityEnd]
    /// End dates whose words or placeholders mean "no end" (SPEC §8.2).
    static let endDateFields: Set<Field> = [.validUntil, .penaltyValidUntil, .publicityEnd]
    static let noEndWords: Set<String> = ["长期", "永久", "无", "无期限", "无处罚期限"]
    /// Dates before the People's Republic are placeholders (1900-01-01) meaning "no end".
    static let placeholderBefore = LocalDate(year: 1949, month: 10, day: 1)!

    var dateFields: DateFields { RecordContext.dateFields(kind) }

    public var kind: RecordKind { source.kind }
    public var schema: RecordSchema { source.kind.schema }
    public subscript(_ field: Field) -> String { source[field] }
    /// The parsed date of `field` (nil when empty, invalid, or not a field of this kind).
    public func date(_ field: Field) -> LocalDate? { kind.schemaIndex(of: field).flatMap { dates[$0] } }

    /// The entity's codes read by shape (SPEC §8.4): who it is without a 统一社会信用代码.
    public var identity: EntityIdentity { shared.facts.identity }

    /// The entity's 统一社会信用代码 when it has a valid one.
    public var entityCode: String { identity.uscc }

    /// The document of a list entry that joins its key (SPEC §8.4): 认定文书号, else 案号, else 执行依据文号.
    public static func listDocument(_ source: SourceRecord) -> String {
        documentFields.lazy.map { source[$0] }.first { !$0.isEmpty } ?? ""
    }

    /// The fields that may give a list entry's document, in order.
    public static let documentFields: [Field] = [.listingDocument, .caseNumber, .enforcementDocument]

    /// The key a list entry had before its document joined the key (the ledger may know it by that key).
    public var legacyKey: String? { shared.facts.legacyKey }

    /// A natural person's list keys as builds before 2026-11 wrote them (with the full name) → the keys
    /// that replace them: the ledger's events under an old key count for the new one.
    public var formerKeys: [String: String] { shared.facts.formerKeys }

    /// What stands for a natural person's name in a key: `自然人-` and 12 hex digits of the SHA-256 of
    /// the name. Stable across builds (the name is required), and no name in the ledger or a report.
    public static func personKeyPart(_ name: String) -> String {
        "自然人-" + ContentDigest.hex(SHA256.hash(data: Array(name.utf8)), count: 6)
    }

    /// The two parts of a key after its kind (``key``): the authority and the 决定书文号 of a licensing or
    /// penalty key (`xzcf:区市场监管局:周市监罚〔2026〕12号`), the list's name and the rest of a list key;
    /// nil for a key of another shape.
    public static func keyParts(_ key: String) -> (String, String)? {
        let parts = key.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 ? (String(parts[1]), String(parts[2])) : nil
    }

    /// The entity name field of this kind.
    public var entityName: String { source[kind.entityNameField] }

    /// The entity's name as a report may show it: a natural person's name masked (张*明), whatever
    /// the site's policy, since reports and previews are files too.
    public var displayName: String {
        let name = DisplayText.cut(entityName, to: 60)
        return isNaturalPerson ? PersonalData.maskName(name) : name
    }

    /// The status on `date`: a status takes effect on its 状态日期 (before it the record is 正常).
    public func statusInEffect(on date: LocalDate) -> String {
        if let sd = statusDate, sd > date { return "" }
        return statusText
    }

    /// The status of the record (a licensing or penalty record) on `date`; unknown values count as 其他.
    public func recordStatus(on date: LocalDate) -> RecordStatus {
        // Not yet in effect: the status of "" (正常).
        if let sd = statusDate, sd > date { return .normal }
        return kind == .mingdan ? RecordStatus(parsing: statusText) ?? .other : givenRecordStatus ?? .other
    }

    /// The status of a list entry on `date`; unknown values count as 正常.
    public func listStatus(on date: LocalDate) -> ListStatus {
        if let sd = statusDate, sd > date { return .normal }
        return kind == .mingdan ? givenListStatus ?? .normal : ListStatus(parsing: statusText) ?? .normal
    }

    /// 名单类型 as read: nil for a licence or penalty, or an unknown value (withheld by `bad-value`).
    public var listType: ListType? { shared.facts.listType }
    /// A red-list entry; an entry of an unknown 名单类型 is withheld, never shown on either list.
    public var isRedList: Bool { listType == .red }
}
