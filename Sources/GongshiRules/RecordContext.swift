import Crypto
import GongshiModel

/// A data row with what every rule needs worked out once: its key, department, category, dates
/// and the status in effect on the build date.
public struct RecordContext: Sendable {
    public let source: SourceRecord
    public let key: String
    /// The key has every part (authority and document number, or list name, entity and date).
    public let hasKey: Bool
    public let department: Department?
    public let authority: String
    public let category: SubjectCategory?
    public var isNaturalPerson: Bool { category == .naturalPerson }
    /// 许可决定日期 / 处罚决定日期 / 列入日期 (nil when missing or invalid).
    public let primaryDate: LocalDate?
    /// Every date field parsed, by schema index (nil where empty or invalid).
    public let dates: ParsedDates
    public let statusText: String
    public let statusDate: LocalDate?
    /// A penalty's 失信严重程度: given, or inferred from 处罚类别 (SPEC §8.1); 一般 for other kinds.
    public let severity: Severity
    /// The severity was not given as a known value and was inferred from 处罚类别.
    public let severityInferred: Bool

    /// What the ledger says about `key` up to the build date (nil when it does not know the key): looked
    /// up once by ``Evaluator`` before the rules run, since several rules and the publisher ask for it.
    public internal(set) var ledger: LedgerState?

    /// Hashes of the key's bytes and of every value, for ``DuplicateIndex`` (worked out with the rest of
    /// the context, on every core, rather than in the judge's serial part); both 0 without a full key.
    let keyHash: DuplicateIndex.KeyHash
    let contentHash: Int

    /// The authority-code field the row leaves empty (or `00000000000000000X`) that its department's
    /// 统一社会信用代码 in departments.csv fills; nil when the row gives a code or no department is known.
    /// (Worked out once: the rules and the publisher ask for it several times a row.)
    public let authorityCodeFromDepartments: Field?

    static func authorityCodeFromDepartments(_ source: SourceRecord, department: Department?) -> Field? {
        guard source.kind != .mingdan, let dept = department, UnifiedSocialCreditCode.isValid(dept.uscc) else {
            return nil
        }
        let field: Field = source.kind == .xzxk ? .licensingAuthorityCode : .penaltyAuthorityCode
        let v = source[field]
        return v.isEmpty || v == UnifiedSocialCreditCode.none ? field : nil
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
    public func date(_ field: Field) -> LocalDate? { schema.index(of: field).flatMap { dates[$0] } }

    /// The entity's codes read by shape (SPEC §8.4): who it is without a 统一社会信用代码.
    public let identity: EntityIdentity

    /// The entity's 统一社会信用代码 when it has a valid one.
    public var entityCode: String { identity.uscc }

    /// The schema index of each code column of each kind, worked out once.
    static let identityColumns: [RecordKind: [(EntityIdentity.Column, Int)]] = Dictionary(
        uniqueKeysWithValues: RecordKind.allCases.map { kind in
            (kind, EntityIdentity.Column.allCases.compactMap { c in kind.schema.index(of: c.field).map { (c, $0) } })
        })

    /// Reads the code columns of a row into an ``EntityIdentity``.
    static func readIdentity(_ source: SourceRecord, naturalPerson: Bool) -> EntityIdentity {
        var values: [EntityIdentity.Column: String] = [:]
        for (column, i) in identityColumns[source.kind] ?? [] {
            // The court lists' mixed column is a secret one, read as written: fold it like a code.
            values[column] = Field.foldedCode(source.values[i])
        }
        return EntityIdentity(values, naturalPerson: naturalPerson)
    }

    /// The category a row states, and its identity. A row whose code columns hold a person's valid ID
    /// number and no organisation's code is a natural person's, whatever it states (a court list mixes
    /// persons and companies, and a sidecar's 主体类别 fills every row): never published as an organisation.
    static func categoryAndIdentity(_ source: SourceRecord, stated: String) -> (SubjectCategory?, EntityIdentity) {
        let category = SubjectCategory(parsing: stated)
        let identity = readIdentity(source, naturalPerson: category == .naturalPerson)
        guard category != .naturalPerson, !identity.isIdentified else { return (category, identity) }
        // A 证件号码 that is a person's ID number beside no organisation's code is a person's too (a v1
        // licence export gives XK_XDR_SFZ and no category; its sidecar says 法人及非法人组织 for every row).
        // A 个体工商户 is run by a person and gives the operator's ID: it stays a 个体工商户.
        let byIDNumber =
            category != .soleProprietor
            && ResidentIDNumber.isPersonal(source[.idNumber].uppercased().filter { !$0.isWhitespace })
        // A court list gives 性别 and 年龄 for its persons only: such a row is a person's, even without
        // an ID number (SPEC §8.1: a person is never published as an organisation).
        let bySexOrAge = !source[.sex].isEmpty || !source[.age].isEmpty
        guard identity.personID || byIDNumber || bySexOrAge else { return (category, identity) }
        var person = readIdentity(source, naturalPerson: true)
        if identity.personID { person.idProblem = identity.idProblem }
        if category != nil {
            let why =
                identity.personID
                ? "代码列中是居民身份证号码" : byIDNumber ? "「\(Field.idNumber.name)」中是居民身份证号码" : "填有「性别」或「年龄」"
            person.notes.append("类别为「\(stated)」，但\(why)、没有有效的单位代码：按自然人处理")
        }
        return (.naturalPerson, person)
    }

    /// The document of a list entry that joins its key (SPEC §8.4): 认定文书号, else 案号, else 执行依据文号.
    public static func listDocument(_ source: SourceRecord) -> String {
        documentFields.lazy.map { source[$0] }.first { !$0.isEmpty } ?? ""
    }

    /// The fields that may give a list entry's document, in order.
    public static let documentFields: [Field] = [.listingDocument, .caseNumber, .enforcementDocument]

    /// The key a list entry had before its document joined the key (the ledger may know it by that key).
    public let legacyKey: String?

    /// A natural person's list keys as builds before 2026-11 wrote them (with the full name) → the keys
    /// that replace them: the ledger's events under an old key count for the new one.
    public let formerKeys: [String: String]

    /// What stands for a natural person's name in a key: `自然人-` and 12 hex digits of the SHA-256 of
    /// the name. Stable across builds (the name is required), and no name in the ledger or a report.
    public static func personKeyPart(_ name: String) -> String {
        "自然人-" + ContentDigest.hex(SHA256.hash(data: Array(name.utf8)), count: 6)
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

    init(source: SourceRecord, departments: DepartmentIndex) {
        self.source = source
        let kind = source.kind
        let schema = kind.schema
        let authority = source[kind.authorityField]
        self.authority = authority
        var dates = ParsedDates(kind: kind)
        let fields = RecordContext.dateFields(kind)
        for i in fields.parsed {
            let v = source.values[i]
            guard !v.isEmpty else { continue }
            if fields.end.contains(i) {
                if RecordContext.noEndWords.contains(v) { continue }
                if let d = LocalDate(parsing: v), d >= RecordContext.placeholderBefore { dates[i] = d }
            } else {
                dates[i] = LocalDate(parsing: v)
            }
        }
        self.dates = dates
        let primary = schema.index(of: kind.primaryDateField).flatMap { dates[$0] }
        self.primaryDate = primary
        switch kind {
        case .xzxk, .xzcf:
            let doc = source[kind.documentField]
            key = "\(kind.rawValue):\(authority):\(doc)"
            hasKey = !authority.isEmpty && !doc.isEmpty
            let codeField: Field = kind == .xzxk ? .licensingAuthorityCode : .penaltyAuthorityCode
            // The placeholder 00000000000000000X names no authority (SPEC §8.4).
            let authorityCode = source[codeField]
            department =
                departments.byName[authority]
                ?? (authorityCode == UnifiedSocialCreditCode.none ? nil : departments.byCode[authorityCode])
            (category, identity) = RecordContext.categoryAndIdentity(source, stated: source[.entityCategory])
            legacyKey = nil
            formerKeys = [:]
        case .mingdan:
            let (category, identity) = RecordContext.categoryAndIdentity(source, stated: source[.subjectCategory])
            self.category = category
            self.identity = identity
            let name = source[.subjectName]
            // A natural person's name never joins a key (keys are in the ledger, reports and check's output).
            let byName = category == .naturalPerson && !identity.isIdentified && !name.isEmpty
            let entity = identity.isIdentified ? identity.code : (byName ? RecordContext.personKeyPart(name) : name)
            let listed = primary?.description ?? source[.listedOn]
            let prefix = "mingdan:\(source[.listName]):"
            let base = prefix + "\(entity):\(listed)"
            let document = RecordContext.listDocument(source)
            key = document.isEmpty ? base : "\(base):\(document)"
            legacyKey = document.isEmpty ? nil : base
            if byName {
                // Older builds keyed a person by the name, or by an old 15-digit ID number in the court
                // lists' mixed column, read then as a 工商注册号.
                let mixed = source[.idOrOrganizationCode].uppercased().filter { !$0.isWhitespace }
                var former: [String: String] = [:]
                for entity in ResidentIDNumber.isOld(mixed) ? [name, mixed] : [name] {
                    let old = prefix + "\(entity):\(listed)"
                    former[old] = base
                    if !document.isEmpty { former["\(old):\(document)"] = key }
                }
                formerKeys = former
            } else {
                formerKeys = [:]
            }
            hasKey = !source[.listName].isEmpty && !entity.isEmpty && !listed.isEmpty
            department = departments.byName[authority]
        }
        if hasKey {
            keyHash = DuplicateIndex.KeyHash(key)
            contentHash = DuplicateIndex.contentHash(source.values)
        } else {
            keyHash = DuplicateIndex.KeyHash(a: 0, b: 0)
            contentHash = 0
        }
        authorityCodeFromDepartments = RecordContext.authorityCodeFromDepartments(source, department: department)
        statusText = source[.status]
        statusDate = schema.index(of: .statusDate).flatMap { dates[$0] }
        if kind == .xzcf {
            let given = Severity(parsing: source[.severity])
            severity = given ?? Severity.inferred(fromKinds: source[.penaltyKinds])
            severityInferred = given == nil
        } else {
            severity = .ordinary
            severityInferred = false
        }
    }

    /// The status of the record (a licensing or penalty record) on `date`; unknown values count as 其他.
    public func recordStatus(on date: LocalDate) -> RecordStatus {
        RecordStatus(parsing: statusInEffect(on: date)) ?? .other
    }

    /// The status of a list entry on `date`; unknown values count as 正常.
    public func listStatus(on date: LocalDate) -> ListStatus {
        ListStatus(parsing: statusInEffect(on: date)) ?? .normal
    }

    /// A red-list entry (名单类型 红名单); any other 名单类型 is treated as a black list.
    public var isRedList: Bool { source[.listType].contains("红") }
}

/// Departments by 名称 and by 统一社会信用代码.
public struct DepartmentIndex: Sendable {
    public let byName: [String: Department]
    public let byCode: [String: Department]
    public let all: [Department]
    /// The character bigrams of each department's name and aliases, in the order of `all`, for
    /// ``closest(to:)`` (worked out once: it runs for every row whose authority matches no name).
    let nameBigrams: [[Set<String>]]
    public init(_ departments: [Department]) {
        all = departments
        nameBigrams = departments.map { d in ([d.name] + d.aliases).map(DepartmentIndex.bigrams) }
        var n: [String: Department] = [:]
        var c: [String: Department] = [:]
        for d in departments {
            if n[d.name] == nil { n[d.name] = d }
            for alias in d.aliases where n[alias] == nil { n[alias] = d }
            if !d.uscc.isEmpty, c[d.uscc] == nil { c[d.uscc] = d }
        }
        byName = n
        byCode = c
    }
}
