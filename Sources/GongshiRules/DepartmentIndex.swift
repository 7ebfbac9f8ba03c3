import GongshiModel

/// Departments by 名称 and by 统一社会信用代码.
public struct DepartmentIndex: Sendable {
    public let byName: [String: Department]
    public let byCode: [String: Department]
    public let all: [Department]
    /// `byName` by ``TextKey``, for the judge's lookup of every row's authority (a `String` key is
    /// hashed Unicode-normalised).
    private let byNameKey: [TextKey: Department]
    /// The departments' 统一社会信用代码 that are valid (every licensing and penalty row asks about its
    /// department's: validated once here rather than per row).
    private let validUSCC: Set<String>
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
        byNameKey = Dictionary(uniqueKeysWithValues: n.map { (TextKey($0.key), $0.value) })
        validUSCC = Set(departments.map(\.uscc).filter(UnifiedSocialCreditCode.isValid))
    }

    /// The department of this 名称 or alias (``byName``).
    public func named(_ name: String) -> Department? { byNameKey[TextKey(name)] }

    /// Whether `department`'s 统一社会信用代码 is valid.
    func hasValidUSCC(_ department: Department) -> Bool { validUSCC.contains(department.uscc) }
}
