import Foundation

/// The columns of one kind of data file, in the canonical order used for display, open data and the
/// content digest. A record stores its values in this order. The headers of a file are matched to
/// fields here, and only here.
public struct RecordSchema: Sendable {
    public let kind: RecordKind
    public let fields: [Field]
    /// The role of each field, in the order of `fields` (read per field of every record judged: the
    /// role of a field is looked up in the table of definitions otherwise).
    public let roles: [Field.Role]
    /// The schema index of each field, by raw value (nil: the kind has no such field).
    private let positions: [Int?]
    private let lookup: [String: Int]
    /// The names a "did you mean" hint may suggest, normalised once (a header may have 100 000 columns).
    private let hintNames: [(name: String, normalized: String, characters: [Character])]

    init(kind: RecordKind, fields: [Field]) {
        self.kind = kind
        self.fields = fields
        roles = fields.map(\.role)
        var lookup: [String: Int] = [:]
        var positions = [Int?](repeating: nil, count: Field.allCases.count)
        for (i, f) in fields.enumerated() {
            positions[f.rawValue] = i
            for h in f.headers(in: kind) { lookup[RecordSchema.normalizeHeader(h)] = i }
        }
        self.positions = positions
        self.lookup = lookup
        self.hintNames = fields.filter { $0.role != .status }.map {
            let n = RecordSchema.normalizeHeader($0.name)
            return ($0.name, n, Array(n))
        }
    }

    /// The schema index of the field a header of a file (or a `columns:` or sidecar key) stands for; a
    /// template's note after the name is read past (`处罚决定日期（格式：YYYY-MM-DD）`, `文号(必填)`).
    public func index(of header: String) -> Int? {
        let name = RecordSchema.normalizeHeader(header)
        if let i = lookup[name] { return i }
        return RecordSchema.withoutNote(name).flatMap { lookup[$0] }
    }

    /// Words of a template's note on how to fill a column, never of a column's name (as 万元 is).
    static let noteWords = ["必填", "选填", "非必填", "可选", "可不填", "格式", "填写", "示例", "例如", "如:", "注:"]

    /// A normalised header without the bracketed note that ends it (`(必填)`, `[格式:YYYY/MM/DD]`,
    /// `【必填】`), or nil when it ends in none.
    static func withoutNote(_ name: String) -> String? {
        let pairs: [(Character, Character)] = [("(", ")"), ("[", "]"), ("【", "】")]
        guard let close = name.last, let open = pairs.first(where: { $0.1 == close })?.0,
            let start = name.lastIndex(of: open), start > name.startIndex
        else { return nil }
        let note = name[name.index(after: start)..<name.index(before: name.endIndex)]
        guard noteWords.contains(where: { note.contains($0) }) else { return nil }
        return String(name[..<start])
    }

    /// The field a header of a file stands for.
    public func field(forHeader header: String) -> Field? { index(of: header).map { fields[$0] } }

    /// The schema index of `field`; nil when this kind has no such field.
    public func index(of field: Field) -> Int? { positions[field.rawValue] }

    public func contains(_ field: Field) -> Bool { positions[field.rawValue] != nil }

    public static func normalizeHeader(_ raw: String) -> String {
        // Most headers are already normal (行政相对人名称, XK_XDR_MC): every file's header is asked
        // several times over, and taking it apart scalar by scalar was 5 % of a build of small files.
        if isNormalHeader(raw) { return raw }
        var out = String.UnicodeScalarView()
        for u in raw.unicodeScalars {
            // Control characters too: a header padded with NULs (a fixed-width export) is the header.
            if u == "\u{FEFF}" || u.properties.isWhitespace || u == "\u{200B}"
                || u.properties.generalCategory == .control
            {
                continue
            }
            out.append(u.halfWidth)
        }
        // Templates mark required columns with a star (`*行政相对人名称`, `行政相对人名称*`).
        let starred = String(out).uppercased()
        guard starred.hasPrefix("*") || starred.hasSuffix("*") else { return starred }
        let stripped = starred.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed()
        return String(stripped)
    }

    /// Whether `normalizeHeader` would return `raw` as it is: printable ASCII but lower-case letters and
    /// CJK ideographs only (nothing to drop, fold or upper-case), and no star at either end.
    static func isNormalHeader(_ raw: String) -> Bool {
        var any = false
        for u in raw.unicodeScalars {
            switch u.value {
            case 0x21...0x60, 0x7B...0x7E, 0x4E00...0x9FFF: any = true
            default: return false
            }
        }
        return any && !raw.hasPrefix("*") && !raw.hasSuffix("*")
    }

    /// Headers of bookkeeping columns (row numbers, notes): never given a "did you mean" hint, since
    /// following one (序号 → 案号) would turn row numbers into data.
    public static let neverHinted: Set<String> = [
        "序号", "编号", "行号", "顺序号", "序列号", "说明", "附注", "操作", "附件", "NO", "NO.", "ID",
    ]

    /// Headers of a column that numbers the rows (序号 in nearly every export): no field and no data,
    /// so it is read past without an unknown-column warning on every file a department sends.
    public static let rowNumbers: Set<String> = ["序号", "行号", "顺序号", "NO", "NO."]

    /// The standard name closest to an unknown header, for a "did you mean" hint: a field name the
    /// header contains or is contained in (处罚机关名称 → 处罚机关), else one within a small edit
    /// distance. Nil when nothing is close.
    public func suggestion(for header: String) -> String? {
        let h = RecordSchema.normalizeHeader(header)
        // A header far longer than any field name is not a misspelt one (and must stay cheap).
        guard h.count >= 2, h.count <= 64, !RecordSchema.neverHinted.contains(h) else { return nil }
        // A header naming a code (行政相对人代码, 处罚机关代码) means a code column: a hint to a name
        // (行政相对人名称, 处罚机关) would map codes into names.
        if h.hasSuffix("代码") || h.hasSuffix("编码") { return codeName(for: h) }
        guard let name = closestName(h) else { return nil }
        // 罚款金额（元） is not 罚款金额（万元） misspelt: following that hint would multiply every amount
        // by 10 000.
        if name.contains("万元") && !h.contains("万元") && h.contains("元") { return nil }
        return name
    }

    /// The field an unknown header ending in 代码 or 编码 stands for: an enumerated field that takes codes
    /// named before it (行政相对人类别代码 → 行政相对人类别; not 名单类型, which takes none), the code of the authority or unit it
    /// names (处罚机关代码 → 处罚机关统一社会信用代码), or the entity's 统一社会信用代码 for the entity's
    /// code (行政相对人代码, 主体代码, 企业代码); nil otherwise (处罚代码).
    private func codeName(for h: String) -> String? {
        let owner = String(h.dropLast(2))
        // An enumerated field's code (行政相对人类别代码, 失信严重程度代码): the field, which takes codes.
        if let i = index(of: owner), let vocabulary = fields[i].vocabulary,
            ["01", "1"].contains(where: { vocabulary.name(of: $0, in: kind) != nil })
        {
            return fields[i].name
        }
        let codes = fields.filter { $0.role == .code }.map(\.name)
        if let named = codes.first(where: { $0 == owner + Field.creditCode.name }) { return named }
        let entity = ["行政相对人", "相对人", "主体", "企业", "单位", "当事人", "被执行人", ""]
        guard entity.contains(owner) || owner.hasSuffix("社会信用") else { return nil }
        return codes.first { $0 == Field.creditCode.name }
    }

    private func closestName(_ h: String) -> String? {
        // Longest contained name first: 处罚机关统一社会信用代码码 should suggest the long name.
        // A search of bytes, not Foundation's: that one traps on a needle longer than the text when the
        // needle holds a NUL.
        let containing = hintNames.filter { h.saysBytes($0.normalized) || $0.normalized.saysBytes(h) }
        if let best = containing.min(by: { abs($0.name.count - h.count) < abs($1.name.count - h.count) }) {
            return best.name
        }
        var best: (String, Int)?
        let hc = Array(h)
        for n in hintNames where abs(n.characters.count - hc.count) <= max(1, n.name.count / 3) {
            let d = RecordSchema.editDistance(hc, n.characters)
            if d <= max(1, n.name.count / 3), d < (best?.1 ?? .max) { best = (n.name, d) }
        }
        return best?.0
    }

    /// Insertions, deletions and replacements that turn `a` into `b` (a misspelt header or key's
    /// distance to the one meant).
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The party of a licensing or penalty record, in the order of the national standard.
    static let identity: [Field] = [
        .entityName, .entityCategory, .creditCode, .registrationNumber, .organizationCode, .taxRegistrationNumber,
        .institutionCertificate, .socialOrganizationNumber, .legalRepresentative, .legalRepresentativeIDType,
        .legalRepresentativeIDNumber, .idType, .idNumber,
    ]

    public static let licensing = RecordSchema(
        kind: .xzxk,
        fields: identity + [
            .licenceDocumentName, .licenceDocumentNumber, .licenceCategory, .licenceCertificateName, .licenceNumber,
            .licenceContent, .licenceDate, .validFrom, .validUntil, .licensingAuthority, .licensingAuthorityCode,
            .status, .statusDate, .statusNote, .dataSource, .dataSourceCode, .remarks,
        ])

    public static let penalty = RecordSchema(
        kind: .xzcf,
        fields: identity + [
            .penaltyDocumentNumber, .violationType, .violationFacts, .penaltyBasis, .penaltyKinds, .penaltyContent,
            .fineAmount, .confiscatedAmount, .suspendedLicences, .penaltyDate, .penaltyValidUntil, .publicityEnd,
            .penaltyAuthority, .penaltyAuthorityCode, .severity, .status, .statusDate, .statusNote, .dataSource,
            .dataSourceCode, .remarks,
        ])

    public static let list = RecordSchema(
        kind: .mingdan,
        fields: [
            .listType, .listName, .subjectName, .subjectCategory, .creditCode, .registrationNumber, .organizationCode,
            .legalRepresentative, .listedOn, .listingReason, .listingAuthority, .listingBasis, .listingDocument,
            .caseNumber, .enforcementDocument, .enforcementCourt, .courtObligation, .performance, .validUntil,
            .removedOn, .status, .statusDate, .statusNote, .legalRepresentativeIDType, .legalRepresentativeIDNumber,
            .idType, .idNumber, .idOrOrganizationCode, .sex, .age, .dataSource, .dataSourceCode, .remarks,
        ])
}

extension RecordKind {
    /// The schema index of `field` in this kind's schema (nil: the kind has no such field), read in place:
    /// `schema.index(of:)` copies the schema first (four retains and releases), and every rule asks.
    public func schemaIndex(of field: Field) -> Int? {
        switch self {
        case .xzxk: return RecordSchema.licensing.index(of: field)
        case .xzcf: return RecordSchema.penalty.index(of: field)
        case .mingdan: return RecordSchema.list.index(of: field)
        }
    }

    /// The party's name: 行政相对人名称, or 主体名称 of a list entry.
    public var entityNameField: Field { self == .mingdan ? .subjectName : .entityName }
    /// 行政相对人类别, or 主体类别 of a list entry.
    public var categoryField: Field { self == .mingdan ? .subjectCategory : .entityCategory }
    /// Who decided: 许可机关, 处罚机关 or 认定部门.
    public var authorityField: Field {
        switch self {
        case .xzxk: return .licensingAuthority
        case .xzcf: return .penaltyAuthority
        case .mingdan: return .listingAuthority
        }
    }
    /// The deciding authority's own 统一社会信用代码 (许可机关 / 处罚机关); nil for lists, which have none.
    public var authorityCodeField: Field? {
        switch self {
        case .xzxk: return .licensingAuthorityCode
        case .xzcf: return .penaltyAuthorityCode
        case .mingdan: return nil
        }
    }
    /// The date a record counts from: 许可决定日期, 处罚决定日期 or 列入日期.
    public var primaryDateField: Field {
        switch self {
        case .xzxk: return .licenceDate
        case .xzcf: return .penaltyDate
        case .mingdan: return .listedOn
        }
    }
    /// The decision's document number: 行政许可决定文书号, 行政处罚决定书文号 or 认定文书号.
    public var documentField: Field {
        switch self {
        case .xzxk: return .licenceDocumentNumber
        case .xzcf: return .penaltyDocumentNumber
        case .mingdan: return .listingDocument
        }
    }
}
