import GongshiModel

/// The 统一社会信用代码 of entities that some rows name only by their 组织机构代码 or 工商注册号 (SPEC
/// §8.2: such an entity has a `/zhuti/` profile when another record gives its 统一社会信用代码). A
/// 统一社会信用代码 embeds the 组织机构代码 (its characters 9–17); a 工商注册号 is linked when one row
/// carries both codes. Gathered in the judge's first pass, the first row to name a code winning.
struct IdentityLinks: Sendable {
    /// 组织机构代码 → the first 8 characters of the 统一社会信用代码 that embeds it: both fit in Swift's
    /// inline small strings, so a site of a million codes allocates nothing per code; the code is
    /// rebuilt from them (its check character is computed).
    private var byOrganization: [String: String] = [:]
    /// 工商注册号 → the 统一社会信用代码 and the name (without spaces) of the row that gave both: a
    /// registration number links only rows of one name, since nothing in it checks that it was typed
    /// right (two shops sharing a mistyped number must not share a profile).
    private var byRegistration: [String: (uscc: String, name: String)] = [:]

    mutating func add(_ identity: EntityIdentity, name: String) {
        let uscc = identity.uscc
        guard !uscc.isEmpty else { return }
        if let org = OrganizationCode.embedded(inUSCC: uscc), byOrganization[org] == nil {
            // A valid 统一社会信用代码 is ASCII: its first 8 characters are its first 8 bytes.
            byOrganization[org] = String(decoding: uscc.utf8.prefix(8), as: UTF8.self)
        }
        let reg = identity.registrationNumber
        if !reg.isEmpty, byRegistration[reg] == nil { byRegistration[reg] = (uscc, IdentityLinks.fold(name)) }
    }

    /// The entity's 统一社会信用代码: its own, else the one another row links to its codes; or empty.
    func uscc(of identity: EntityIdentity, name: String) -> String {
        if !identity.uscc.isEmpty { return identity.uscc }
        if let org = OrganizationCode.shaped(identity.organizationCode), let prefix = byOrganization[org],
            let code = UnifiedSocialCreditCode.make(prefix: prefix, organizationBody: String(org.prefix(8)))
        {
            return code
        }
        guard let linked = byRegistration[identity.registrationNumber], linked.name == IdentityLinks.fold(name) else {
            return ""
        }
        return linked.uscc
    }

    static func fold(_ name: String) -> String { String(name.filter { !$0.isWhitespace }) }
}
