import GongshiModel
import GongshiRules

/// Template values for the things pages show, built once per build and shared by every page that
/// lists them. Links are site paths; templates prefix them with `{{root}}`.
enum Views {
    static func recordPath(_ r: PublishedRecord) -> String { "\(r.kind.rawValue)/\(r.id)/" }
    static func noticePath(_ n: WithdrawalNotice) -> String { "\(n.kind.rawValue)/\(n.id)/" }
    static func entityPath(_ code: String) -> String { "zhuti/\(code)/" }
    static func departmentPath(_ code: String) -> String { "bumen/\(code)/" }
    static func listPath(isRed: Bool, id: String) -> String { "\(isRed ? "hongmingdan" : "heimingdan")/\(id)/" }
    /// A finding's message as the preview shows it after its rule's title (「日期无效：…」): without the
    /// title again when the message starts with it, and ``masked(_:)`` (a message quotes the values read).
    static func message(_ f: Finding) -> String {
        let title = RuleTitles.title(f.rule) + "："
        return masked(f.message.hasPrefix(title) ? String(f.message.dropFirst(title.count)) : f.message)
    }

    /// A text read from a department's file as the preview shows it: an ID or phone number typed into it
    /// (as a name, a document number, a code) masked as the public pages mask free text.
    static func masked(_ text: String) -> String { PersonalData.scrub(text).text }

    /// 红名单 or 黑名单.
    static func colour(isRed: Bool) -> String { isRed ? "红名单" : "黑名单" }

    /// The first publication as shown. A record the previous system published on a date not known has
    /// in the ledger the day this site took it over (导入): that day is not its publication, and a
    /// listing showing it beside a decision of years before would read as years late.
    static func published(_ r: PublishedRecord) -> String {
        r.publishedOnUnknownDay ? "原系统公示" : r.firstPublished.description
    }

    /// A row of a listing table.
    static func row(_ r: PublishedRecord) -> TemplateObject {
        var d: TemplateObject = [
            "path": recordPath(r), "entityName": r.entityName, "title": r.title, "documentNumber": r.documentNumber,
            "decisionDate": r.decisionDate.description, "published": published(r),
            "department": r.department.name, "departmentPath": departmentPath(r.department.code),
            "kindTitle": r.kind.title, "objection": r.underObjection,
        ]
        // Unpacked once: each read of a packed text decodes and allocates it again.
        let code = r.entityCode
        if !code.isEmpty {
            d["entityPath"] = entityPath(code)
            d["entityCode"] = code
        } else if let other = otherCode(r.registrationNumber, r.organizationCode) {
            d["otherCode"] = other
        }
        return d
    }

    /// How an entity without a 统一社会信用代码 is told apart in a table: its 组织机构代码, else its 工商注册号.
    static func otherCode(_ registration: String, _ organization: String) -> String? {
        if !organization.isEmpty { return "\(Field.organizationCode.name) \(OrganizationCode.display(organization))" }
        if !registration.isEmpty { return "\(Field.registrationNumber.name) \(registration)" }
        return nil
    }

    /// Fields a list entry shows besides its reason when present: its document (认定文书号, 案号 or
    /// 执行依据文号) and a 失信被执行人's court details (SPEC §8.2).
    static let entryDetailFields: [Field] = [
        .listingDocument, .caseNumber, .enforcementDocument, .enforcementCourt, .courtObligation, .performance,
    ]

    static func entryRow(_ e: PublishedListEntry) -> TemplateObject {
        var d: TemplateObject = [
            "id": e.id, "entityName": e.entityName, "listName": e.listName,
            "listPath": listPath(isRed: e.isRed, id: e.listID),
            "listedOn": e.listedOn.description, "validUntil": e.validUntil?.description ?? "",
            "validUntilNote": e.validUntilNote, "reason": e.reason,
            "basis": e.basis, "department": e.department.name, "departmentPath": departmentPath(e.department.code),
            "isRed": e.isRed, "colour": Views.colour(isRed: e.isRed), "objection": e.underObjection,
        ]
        if !e.entityCode.isEmpty {
            d["entityPath"] = entityPath(e.entityCode)
            d["entityCode"] = e.entityCode
        }
        // Entries of one name are told apart by their other codes and their document (SPEC §8.4).
        d["otherCodes"] = [(Field.registrationNumber, e.registrationNumber), (.organizationCode, e.organizationCode)]
            .filter { !$0.1.isEmpty }.map { ["name": $0.0.name, "value": shown($0.0, $0.1)] as TemplateObject }
        d["details"] = entryDetailFields.compactMap { field -> TemplateObject? in
            guard let v = e.fields.first(where: { $0.field == field })?.value, !v.isEmpty else { return nil }
            return ["name": field.name, "value": v]
        }
        if let m = e.memorandum { d["memorandum"] = m.title }
        return d
    }

    /// The field table of a record page: published, non-empty, status columns shown separately.
    ///
    /// Read from the packed values in one pass: unpacking every field into a list, filtering it and
    /// mapping it twice more was a third of a record page's context.
    /// The rows of a record's 公示内容 table, and whether any shows personal data masked (`*`): the
    /// page then says why, lest a reader take 138****1234 for a data error.
    static func fieldRows(_ r: PublishedRecord) -> (rows: TemplateValue, masked: Bool) {
        let pairs = fieldPairs(r)
        return (.list(pairs.map { .object(["name": $0.0, "value": $0.1]) }), pairs.contains { showsMask($0.1) })
    }

    /// Whether a shown value carries the mask `*` of personal data.
    ///
    /// A byte scan: `String.contains("*")` resolves to Foundation's locale-aware search, which cost
    /// about 2.5 % of a full build's CPU when asked of every field of every record page.
    static func showsMask(_ s: String) -> Bool { s.utf8.contains(UInt8(ascii: "*")) }

    /// The fields a page or feed shows of a record, read from its packed values in one pass.
    static func fieldPairs(_ r: PublishedRecord) -> [(String, String)] {
        let fields = PublishedField.published(r.kind)
        let values = r.values
        var pairs: [(String, String)] = []
        pairs.reserveCapacity(fields.count)
        for (i, field) in fields.enumerated() where field.role != .status {
            let v = values[i]
            if !v.isEmpty { pairs.append((field.name, shown(field, v))) }
        }
        return pairs
    }

    /// The fields a page or feed shows: data fields with a value, as (name, value).
    static func fieldPairs(_ fields: [PublishedField]) -> [(String, String)] {
        fields.filter { $0.role != .status && !$0.value.isEmpty }.map { ($0.name, shown($0.field, $0.value)) }
    }

    /// A value as pages show it: a 组织机构代码 always in its hyphenated form (`59467239-9`), however
    /// the department wrote it (the open data keep what was written).
    static func shown(_ field: Field, _ value: String) -> String {
        field == .organizationCode ? OrganizationCode.display(value) : value
    }
}
