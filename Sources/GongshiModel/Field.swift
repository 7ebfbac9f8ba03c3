/// One column of the data files, declared once for every kind that has it: the only way code names a
/// column, so a misspelt field does not compile. What a field is called, which headers stand for it,
/// its vocabulary and how it is published are in its ``FieldDefinition`` (`FieldDefinitions.swift`);
/// which kinds have it, and in what order, is in ``RecordSchema``.
public enum Field: Int, CaseIterable, Hashable, Sendable, Comparable {
    // The party (行政相对人) of a licensing or penalty record, and its codes (DOMAIN §1a, §1b).
    case entityName, entityCategory
    case creditCode, registrationNumber, organizationCode, taxRegistrationNumber, institutionCertificate
    case socialOrganizationNumber
    case legalRepresentative, legalRepresentativeIDType, legalRepresentativeIDNumber, idType, idNumber

    // A licensing decision (§1a).
    case licenceDocumentName, licenceDocumentNumber, licenceCategory, licenceCertificateName, licenceNumber
    case licenceContent, licenceDate, validFrom, validUntil, licensingAuthority, licensingAuthorityCode

    // A penalty decision (§1b).
    case penaltyDocumentNumber, violationType, violationFacts, penaltyBasis, penaltyKinds, penaltyContent
    case fineAmount, confiscatedAmount, suspendedLicences, penaltyDate, penaltyValidUntil, publicityEnd
    case penaltyAuthority, penaltyAuthorityCode, severity

    // A red- or black-list entry (SPEC §1.7, §8.2).
    case listType, listName, subjectName, subjectCategory, listedOn, listingReason, listingAuthority
    case listingBasis, listingDocument, caseNumber, enforcementDocument, enforcementCourt, courtObligation
    case performance, removedOn
    /// A court list's 身份证号码/组织机构代码: a person's ID number or an organisation's code, told apart by
    /// their shape (``EntityIdentity``); secret, read only for the code it may hold.
    case idOrOrganizationCode
    /// A court list's 性别 and 年龄: filled only for persons, so they mark a person's row; never published.
    case sex, age

    // Status and provenance, in every kind.
    case status, statusDate, statusNote, dataSource, dataSourceCode, remarks

    /// How a column is treated and published.
    public enum Role: Sendable, Equatable {
        /// Free text: published, scanned for personal data.
        case text
        /// A code (统一社会信用代码, 注册号 …): upper-cased, inner spaces removed, published, never scanned.
        case code
        /// A date: normalised to YYYY-MM-DD, published.
        case date
        /// Never published (ID numbers of persons and their types).
        case secret
        /// Status columns: shown as status, not as data, and not part of the content digest.
        case status
    }

    /// Every field's definition, by raw value (worked out once: rules read fields on every row).
    static let definitions: [FieldDefinition] = allCases.map(Field.declaration)

    /// The Chinese column name, as in the national standard; what pages, open data and findings show.
    public var name: String { Field.definitions[rawValue].name }
    public var role: Role { Field.definitions[rawValue].role }
    /// The code vocabulary of an enumerated field (nil for free values).
    public var vocabulary: Vocabulary? { Field.definitions[rawValue].vocabulary }
    public var definition: FieldDefinition { Field.definitions[rawValue] }

    /// A value as read from a file or a sidecar: trimmed; read in half width where the field's
    /// definition says so (``FieldDefinition/readsHalfWidth``); a code also upper-cased, with its inner
    /// spaces removed (OCR and Excel put spaces inside codes).
    public func normalize(_ raw: String) -> String {
        let v = raw.withoutControlCharacters.trimmingWhitespace()
        // Read through the array, not bound to a copy of the definition (every cell passes here).
        guard Field.definitions[rawValue].readsHalfWidth else { return v }
        return role == .code ? Field.foldedCode(v.halfWidth) : v.halfWidth
    }

    /// A code as compared and published: upper-case, without whitespace. A code as exported (printable
    /// ASCII without a lower-case letter) is already so, and is not taken apart into characters.
    public static func foldedCode(_ v: String) -> String {
        if v.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x61...0x7A).contains($0) }) { return v }
        return String(v.uppercased().filter { !$0.isWhitespace })
    }

    /// Every header that stands for this field in a file of `kind`: its name, the codes with that
    /// kind's prefix (`XK_` / `CF_`, or none such as `BZ`, for licensing and penalty files) and the
    /// aliases of that kind. Compared with ``RecordSchema/normalizeHeader(_:)``.
    public func headers(in kind: RecordKind) -> [String] {
        let d = Field.definitions[rawValue]
        switch kind {
        case .mingdan:
            return [d.name] + d.listAliases
        case .xzxk, .xzcf:
            let own = kind == .xzxk ? "XK_" : "CF_"
            let codes = (d.codes + d.v1Codes).filter {
                $0.hasPrefix(own) || !($0.hasPrefix("XK_") || $0.hasPrefix("CF_"))
            }
            return [d.name] + codes + d.aliases
        }
    }

    public static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }

    /// The entity's code columns beside the three it is identified by: published as written, unless
    /// they hold a person's ID number (``ResidentIDNumber/isHeldInCode(_:person:)``).
    public static let otherEntityCodes: Set<Field> = [
        .taxRegistrationNumber, .institutionCertificate, .socialOrganizationNumber,
    ]
}

/// What one ``Field`` is: its name, the headers that stand for it and how its values are read and published.
public struct FieldDefinition: Sendable {
    /// The Chinese column name of the national standard (SPEC §1.5–§1.7).
    public let name: String
    public let role: Field.Role
    /// The v2.0 codes (`XK_XDR_MC`, `CF_XDR_MC` …) and the variants exporters use for them: a code
    /// counts in the files of the kind its prefix names (one without `XK_`/`CF_` in both).
    public let codes: [String]
    /// The v1 codes of DOMAIN §1c that have this field as their v2.0 equivalent.
    public let v1Codes: [String]
    /// Other Chinese headers accepted in licensing and penalty files (SPEC §8.2).
    public let aliases: [String]
    /// Other headers accepted in list files (lists name their columns 企业名称, 统一信用代码 …).
    public let listAliases: [String]
    /// The values an enumerated field takes, published by name.
    public let vocabulary: Vocabulary?
    /// Its values are read in half width (`９１３７…`, `２０２６－１１－０５`, `０２`, as a Chinese input method
    /// types them): codes, dates and enumerated values, and the fields declared so (status dates,
    /// amounts). Free text keeps its full-width punctuation, which is correct Chinese.
    public let readsHalfWidth: Bool

    init(
        _ name: String, _ role: Field.Role = .text, codes: [String] = [], v1: [String] = [], aliases: [String] = [],
        list: [String] = [], vocabulary: Vocabulary? = nil, halfWidth: Bool = false
    ) {
        self.name = name
        self.role = role
        self.codes = codes
        self.v1Codes = v1
        self.aliases = aliases
        self.listAliases = list
        self.vocabulary = vocabulary
        readsHalfWidth = halfWidth || role == .code || role == .date || vocabulary != nil
    }
}
