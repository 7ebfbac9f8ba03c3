import GongshiModel

/// What the judge works out of one data row once, for every rule and the publisher: its key,
/// department, category, identity, dates and status as read. A ``RecordContext`` holds it by reference.
struct RecordFacts: Sendable {
    let source: SourceRecord
    let key: String
    /// The key has every part (authority and document number, or list name, entity and date).
    let hasKey: Bool
    let department: Department?
    let authority: String
    let category: SubjectCategory?
    /// 许可决定日期 / 处罚决定日期 / 列入日期 (nil when missing or invalid).
    let primaryDate: LocalDate?
    /// Every date field parsed, by schema index (nil where empty or invalid).
    let dates: ParsedDates
    let statusText: String
    let statusDate: LocalDate?
    /// `statusText` parsed once (several rules and the publisher ask): a licensing or penalty record's
    /// status (nil for a value outside the vocabulary, and for a list entry), and a list entry's.
    let givenRecordStatus: RecordStatus?
    let givenListStatus: ListStatus?
    /// A penalty's 失信严重程度: given, or inferred from 处罚类别 (SPEC §8.1); 一般 for other kinds.
    let severity: Severity
    /// The severity was not given as a known value and was inferred from 处罚类别.
    let severityInferred: Bool
    /// Hashes of the key's bytes and of every value, for ``DuplicateIndex`` (worked out with the rest of
    /// the context, on every core, rather than in the judge's serial part); both 0 without a full key.
    let keyHash: DuplicateIndex.KeyHash
    let contentHash: Int
    /// ``contentHash`` with 当前状态, 状态日期 and 状态说明 left out (the same number when they are empty):
    /// two copies that differ in these alone are one decision and a later status of it.
    let statusFreeHash: Int
    /// The authority-code field the row leaves empty (or `00000000000000000X`) that its department's
    /// 统一社会信用代码 in departments.csv fills; nil when the row gives a code or no department is known.
    /// (Worked out once: the rules and the publisher ask for it several times a row.)
    let authorityCodeFromDepartments: Field?
    /// The entity's codes read by shape (SPEC §8.4): who it is without a 统一社会信用代码.
    let identity: EntityIdentity
    /// The key a list entry had before its document joined the key (the ledger may know it by that key).
    let legacyKey: String?
    /// A natural person's list keys as builds before 2026-11 wrote them (with the full name) → the keys
    /// that replace them: the ledger's events under an old key count for the new one.
    let formerKeys: [String: String]
    /// 名单类型 as read (``ListType``), read once: nil for a licence or penalty, or a value naming no one
    /// list (`bad-value` withholds such an entry).
    let listType: ListType?

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
                // The words are Chinese: a value that begins in ASCII (a date) is none of them.
                if v.utf8.first.map({ $0 >= 0x80 }) == true && RecordContext.noEndWords.contains(v) { continue }
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
            key = RecordFacts.decisionKey(kind, authority, doc)
            hasKey = !authority.isEmpty && !doc.isEmpty
            // The placeholder 00000000000000000X names no authority (SPEC §8.4).
            let authorityCode = kind.authorityCodeField.map { source[$0] } ?? ""
            department =
                departments.named(authority)
                ?? (UnifiedSocialCreditCode.isNone(authorityCode) ? nil : departments.byCode[authorityCode])
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
                // Or by 15 digits in a code column, read then as a 工商注册号 (now a person's number).
                let fifteen = [Field.registrationNumber, .creditCode, .organizationCode].map {
                    source[$0].filter { !$0.isWhitespace }
                }.filter(RegistrationNumber.isValid)
                var former: [String: String] = [:]
                for entity in (ResidentIDNumber.isOld(mixed) ? [name, mixed] : [name]) + fifteen {
                    let old = prefix + "\(entity):\(listed)"
                    former[old] = base
                    if !document.isEmpty { former["\(old):\(document)"] = key }
                }
                formerKeys = former
            } else {
                formerKeys = [:]
            }
            hasKey = !source[.listName].isEmpty && !entity.isEmpty && !listed.isEmpty
            department = departments.named(authority)
        }
        let document = kind == .mingdan ? "" : source[kind.documentField]
        let spelt = (name: department?.name ?? authority, document: DocumentSpelling.folded(document))
        if hasKey, kind != .mingdan, spelt.name != authority || spelt.document != document,
            let at = schema.index(of: kind.authorityField), let number = schema.index(of: kind.documentField)
        {
            // The department named by an alias (or known by its code), a document number with other
            // brackets: one decision whatever the spelling (``DocumentSpelling``), so that a row naming
            // 区税务局 and one naming 国家税务总局淄博市周村区税务局 are copies of each other, not two
            // decisions published twice. The key itself stays as SPEC §7 defines it (the ledger's 记录键).
            keyHash = DuplicateIndex.KeyHash(RecordFacts.decisionKey(kind, spelt.name, spelt.document))
            var values = source.values
            values[at] = spelt.name
            values[number] = spelt.document
            contentHash = DuplicateIndex.contentHash(values)
            statusFreeHash = RecordFacts.statusFreeHash(values, schema, contentHash)
        } else if hasKey {
            keyHash = DuplicateIndex.KeyHash(key)
            contentHash = DuplicateIndex.contentHash(source.values)
            statusFreeHash = RecordFacts.statusFreeHash(source.values, schema, contentHash)
        } else {
            keyHash = DuplicateIndex.KeyHash(a: 0, b: 0)
            contentHash = 0
            statusFreeHash = 0
        }
        authorityCodeFromDepartments = RecordContext.authorityCodeFromDepartments(
            source, department: department, in: departments)
        statusText = source[.status]
        statusDate = schema.index(of: .statusDate).flatMap { dates[$0] }
        givenRecordStatus = kind == .mingdan ? nil : RecordStatus(parsing: statusText)
        givenListStatus = kind == .mingdan ? ListStatus(parsing: statusText) : nil
        if kind == .xzcf {
            let given = Severity(parsing: source[.severity])
            severity =
                given ?? Severity.inferred(fromKinds: source[.penaltyKinds], content: source[.penaltyContent])
            severityInferred = given == nil
        } else {
            severity = .ordinary
            severityInferred = false
        }
        listType = kind == .mingdan ? ListType(parsing: source[.listType]) : nil
    }

    /// A licensing or penalty decision's key (SPEC §7): `xzcf:<处罚机关>:<行政处罚决定书文号>`.
    static func decisionKey(_ kind: RecordKind, _ authority: String, _ document: String) -> String {
        "\(kind.rawValue):\(authority):\(document)"
    }
}

extension RecordFacts {
    /// The content hash of `values` with the status fields emptied; `full` when they are empty already
    /// (most rows: nothing is hashed again).
    static func statusFreeHash(_ values: [String], _ schema: RecordSchema, _ full: Int) -> Int {
        let status = [Field.status, .statusDate, .statusNote].compactMap { schema.index(of: $0) }
        guard status.contains(where: { !values[$0].isEmpty }) else { return full }
        var values = values
        for i in status { values[i] = "" }
        return DuplicateIndex.contentHash(values)
    }
}
