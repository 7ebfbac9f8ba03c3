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
    private var byRegistration: [String: String] = [:]

    mutating func add(_ identity: EntityIdentity) {
        let uscc = identity.uscc
        guard !uscc.isEmpty else { return }
        if let org = OrganizationCode.embedded(inUSCC: uscc), byOrganization[org] == nil {
            byOrganization[org] = String(uscc.prefix(8))
        }
        let reg = identity.registrationNumber
        if !reg.isEmpty, byRegistration[reg] == nil { byRegistration[reg] = uscc }
    }

    /// The entity's 统一社会信用代码: its own, else the one another row links to its codes; or empty.
    func uscc(of identity: EntityIdentity) -> String {
        if !identity.uscc.isEmpty { return identity.uscc }
        if let org = OrganizationCode.shaped(identity.organizationCode), let prefix = byOrganization[org],
            let code = UnifiedSocialCreditCode.make(prefix: prefix, organizationBody: String(org.prefix(8)))
        {
            return code
        }
        return byRegistration[identity.registrationNumber] ?? ""
    }
}
