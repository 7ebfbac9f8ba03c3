/// Who an organisation is, worked out from the code columns of one row (SPEC §8.2, §8.4): a valid
/// 统一社会信用代码, else a valid 组织机构代码 (GB 11714 check character), else a 15-digit 工商注册号.
///
/// Real exports put codes in the wrong column, so each value is read by its shape, whatever column it is
/// in: 18 characters are a 统一社会信用代码 (or, when they form a valid 居民身份证号码, a person's ID number
/// that is never published), 15 digits a 工商注册号, 9 characters (or 8 + `-` + 1) a 组织机构代码. A value
/// containing `*` was masked by the exporter and is no code. What was moved or dropped is said in
/// ``notes`` (`bad-value` warnings); what was tried and failed in ``tried`` (the `invalid-uscc` message).
public struct EntityIdentity: Sendable, Equatable {
    /// A valid 统一社会信用代码, or empty.
    public var uscc = ""
    /// A valid 组织机构代码 as written (upper-cased, hyphen kept), or empty.
    public var organizationCode = ""
    /// A 15-digit 工商注册号, or empty.
    public var registrationNumber = ""
    /// The 统一社会信用代码 column held the placeholder `00000000000000000X` ("no code").
    public var placeholder = false
    /// Some code column held something (the placeholder does not count).
    public var hasInput = false
    /// A code column held a valid 居民身份证号码 (or the mixed column a masked one): the row may be a person's.
    public var personID = false
    /// The mixed column held a person's ID number with a wrong check character: why (never the number).
    public var idProblem = ""
    /// Values read in another column than their own, masked values and invalid codes beside a valid
    /// identity: one Chinese sentence each, for `bad-value` warnings.
    public var notes: [String] = []
    /// Every value that failed as a code, with why (for the `invalid-uscc` message).
    public var tried: [String] = []

    /// The code the entity is known by: the 统一社会信用代码, else the 组织机构代码 (without hyphen), else
    /// the 工商注册号; empty when there is none.
    public var code: String {
        if !uscc.isEmpty { return uscc }
        if !organizationCode.isEmpty { return OrganizationCode.shaped(organizationCode) ?? organizationCode }
        return registrationNumber
    }

    public var isIdentified: Bool { !code.isEmpty }

    /// The code columns a row may carry.
    public enum Column: Sendable, CaseIterable {
        case uscc, registration, organization
        /// A court list's 身份证号码/组织机构代码: a valid ID number is a person's, anything else a code.
        case idOrOrganization

        public var field: Field {
            switch self {
            case .uscc: return .creditCode
            case .registration: return .registrationNumber
            case .organization: return .organizationCode
            case .idOrOrganization: return .idOrOrganizationCode
            }
        }

        /// The column's name, as findings quote it.
        var name: String { field.name }
    }

    public init() {}

    /// Reads the code columns of a row (values trimmed, upper-cased, inner spaces removed). For a
    /// natural person the mixed ID/organisation column is the person's ID number and is not read.
    public init(_ values: [Column: String], naturalPerson: Bool) {
        self.init(columns: Column.allCases.map { values[$0] ?? "" }, naturalPerson: naturalPerson)
    }

    /// `values`: the value of each of ``Column/allCases``, in that order ("" for a column the row lacks);
    /// the judge reads every row so, without a dictionary per row.
    public init(columns values: [String], naturalPerson: Bool) {
        var invalid: [(Column, String, String)] = []
        for (column, v) in zip(Column.allCases, values) {
            guard !v.isEmpty else { continue }
            if column == .idOrOrganization && naturalPerson { continue }
            if column == .uscc && UnifiedSocialCreditCode.isNone(v) {
                placeholder = true
                continue
            }
            hasInput = true
            // A value of printable ASCII (most codes) is one character per byte: counted and searched
            // on its bytes, not taken apart into characters.
            let printable = v.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            let masked = printable ? v.utf8.contains(0x2A) : v.contains("*")
            let length = printable ? v.utf8.count : v.count
            // A court list masks its persons' ID numbers (3703**********1234): a person's, not a code.
            if column == .idOrOrganization, masked, [15, 18].contains(length),
                v.allSatisfy({ $0 == "*" || $0 == "X" || ($0.isASCII && $0.isNumber) })
            {
                personID = true
                continue
            }
            if masked {
                // A masked value of the mixed column is most likely a person's ID number: not quoted.
                let quoted = column == .idOrOrganization ? "" : "「\(v)」"
                notes.append("「\(column.name)」为\(quoted.isEmpty ? "打码值" : quoted)，含有 *（已打码），不是代码，未读取也不公示")
                tried.append("\(column.name)\(quoted)（已打码）")
                continue
            }
            // The mixed column: a person's ID number, old (15 digits with a birth date) or mistyped (a
            // wrong check character), is a person's and never a code (SPEC §8.4, §8.1).
            if column == .idOrOrganization && (ResidentIDNumber.isOld(v) || ResidentIDNumber.isMistyped(v)) {
                personID = true
                if ResidentIDNumber.isMistyped(v) { idProblem = ResidentIDNumber.problem(v) ?? "" }
                continue
            }
            // A natural person's row: an old or mistyped ID number in any code column is the person's
            // 证件号码, never a 工商注册号 or a code to quote (an organisation's 工商注册号 may have the
            // shape of an old ID number, so this holds only for persons). A person has no 工商注册号:
            // 15 digits with an impossible birth date are an ID number mistyped all the same.
            if naturalPerson && (ResidentIDNumber.isMistyped(v) || RegistrationNumber.isValid(v)) {
                personID = true
                notes.append(
                    ResidentIDNumber.isMistyped(v) || ResidentIDNumber.isOld(v)
                        ? "「\(column.name)」中是一个居民身份证号码，不是代码，未读取也不公示"
                        : "「\(column.name)」中是15位数字：自然人没有工商注册号，可能是身份证号码，未读取也不公示")
                continue
            }
            if length == 18 {
                if UnifiedSocialCreditCode.isValid(v) {
                    take(\.uscc, v, from: column, as: .uscc)
                } else if ResidentIDNumber.isValid(v) {
                    personID = true
                    // A person's ID number in a code column: never published, never quoted.
                    if column != .idOrOrganization {
                        notes.append("「\(column.name)」中是一个居民身份证号码，不是代码，未读取也不公示")
                    }
                } else {
                    invalid.append((column, v, UnifiedSocialCreditCode.problem(v) ?? ""))
                }
            } else if RegistrationNumber.isValid(v) && column != .idOrOrganization {
                // In the mixed column anything but an ID number is the 组织机构代码, never a 工商注册号.
                take(\.registrationNumber, v, from: column, as: .registration)
            } else if OrganizationCode.shaped(v) != nil {
                if let problem = OrganizationCode.problem(v) {
                    invalid.append((column == .idOrOrganization ? column : .organization, v, problem))
                } else {
                    take(\.organizationCode, v, from: column, as: .organization)
                }
            } else {
                let problem: String
                switch column {
                case .uscc: problem = UnifiedSocialCreditCode.problem(v) ?? ""
                case .registration: problem = "应为15位数字"
                case .organization, .idOrOrganization: problem = OrganizationCode.problem(v) ?? ""
                }
                invalid.append((column, v, problem))
            }
        }
        // A 组织机构代码 that is not the one inside the 统一社会信用代码 (its characters 9–17) is another
        // entity's, or mistyped: which of the two is right cannot be told, so the code is not published.
        if !uscc.isEmpty, let org = OrganizationCode.shaped(organizationCode),
            let embedded = OrganizationCode.embedded(inUSCC: uscc), org != embedded
        {
            notes.append(
                "「\(Column.organization.name)」为「\(organizationCode)」，与统一社会信用代码「\(uscc)」中的组织机构代码「\(embedded)」不符，未公示（请核对）"
            )
            organizationCode = ""
        }
        for (column, v, problem) in invalid {
            // The mixed column may hold a person's mistyped ID number: never quoted.
            let quoted = column == .idOrOrganization ? "" : "「\(v)」"
            tried.append("\(column.name)\(quoted)（\(problem)）")
            // Beside a valid identity (or for a person, who needs none) an invalid code only warns.
            if isIdentified || naturalPerson {
                notes.append("「\(column.name)」为\(quoted.isEmpty ? "无效值" : quoted)，无效（\(problem)），未公示")
            }
        }
    }

    /// Keeps the first valid code of each kind; a value found in another column than its own is noted.
    private mutating func take(
        _ field: WritableKeyPath<EntityIdentity, String>, _ v: String, from column: Column, as own: Column
    ) {
        if column != own && column != .idOrOrganization {
            notes.append("「\(column.name)」为「\(v)」，是\(own.name)，已按\(own.name)读取")
        }
        if self[keyPath: field].isEmpty { self[keyPath: field] = v }
    }
}
