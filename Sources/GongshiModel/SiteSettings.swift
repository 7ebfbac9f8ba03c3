import Foundation

/// `Content/site.yml`: the portal's name, address and disclosure policy.
public struct SiteSettings: Sendable, Equatable {
    /// `text` as a site's base URL (`https://host/path/`): trimmed, ending in `/`; nil unless it is an
    /// absolute http(s) address with a host and no query, fragment or space. Both `site.yml` and
    /// `--base-url` are read through it.
    public static func baseURL(_ text: String) -> String? {
        let base = text.trimmingWhitespace()
        guard !base.contains(where: \.isWhitespace), let url = URLComponents(string: base),
            let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil, url.user == nil
        else { return nil }
        return base.hasSuffix("/") ? base : base + "/"
    }

    public enum NaturalPersonPolicy: String, Sendable { case withhold, mask }

    public var title: String
    /// Absolute, ends with `/`.
    public var baseURL: String
    public var region: String = ""
    public var language: String = "zh-CN"
    public var deadlineWorkdays: Int = 7
    public var withdrawWorkdays: Int = 3
    public var naturalPersons: NaturalPersonPolicy = .withhold
    /// Lists in which `mask` publishes natural persons (national rules publish 失信被执行人).
    public var naturalPersonLists: [String] = ["失信被执行人"]
    /// `disclosure.adoptedOn`: the day this site took over from a previous system. Records decided before
    /// it that the ledger does not know were published by that system: their timeliness is not judged,
    /// and the first build records them with the event 导入 (SPEC §8.3).
    public var adoptedOn: LocalDate?
    /// Publicity months by 失信严重程度; 0 = never published. Bounded by ``Severity/allowedMonths``.
    public var penaltyPublicityMonths: [Severity: Int] = [.minor: 0, .ordinary: 12, .serious: 36]
    public var feedItems: Int = 100
    public var pagination: Int = 50
    public var footer = Footer()
    /// `columns:` — per kind, a department's header (normalised with ``RecordSchema/normalizeHeader(_:)``)
    /// → the standard field it stands for.
    public var columns: [RecordKind: [String: Field]] = [:]

    /// What 《政府网站发展指引》 asks a government site's footer to carry.
    public struct Footer: Sendable, Equatable {
        public var sponsor: String = ""
        /// 承办单位.
        public var organizer: String = ""
        /// 联系方式 (telephone, e-mail, address), shown as written.
        public var contact: String = ""
        public var siteCode: String = ""
        public var icp: String = ""
        public var psb: String = ""
        /// The 党政机关网站标识: an image inside the site (`assets/dzjg.png`) and the http(s) link of its
        /// certificate; no mark when the image is empty.
        public var partyMarkImage: String = ""
        public var partyMarkLink: String = ""
        /// The 找错/纠错 address (http/https), e.g. the national 政府网站找错 https://zfwzzc.www.gov.cn/.
        public var correction: String = ""
        public init() {}
    }

    public init(title: String, baseURL: String) {
        self.title = title
        self.baseURL = baseURL
    }

    /// The path part of `baseURL` (`/` or `/xinyong/`), which absolute in-site links start with.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}

/// A row of `departments.csv`.
///
/// Every published record names its department: a copy is one reference to the registry row's values
/// (8 bytes), not four strings and a list (72 bytes, 60 MB at a million records).
public struct Department: Sendable, Hashable {
    /// Short ASCII id used in URLs (`scjgj`).
    public var code: String { row.code }
    /// 名称 (区市场监管局).
    public var name: String { row.name }
    public var uscc: String { row.uscc }
    public var website: String { row.website }
    /// Other names the department's records use for it (淄博市周村区市场监督管理局 for 区市场监管局),
    /// from the optional `别名` column; records naming an alias belong to the department.
    public var aliases: [String] { row.aliases }

    private let row: Row

    /// The values of one row of `departments.csv`, shared by every copy.
    private final class Row: Sendable {
        let code: String
        let name: String
        let uscc: String
        let website: String
        let aliases: [String]
        init(code: String, name: String, uscc: String, website: String, aliases: [String]) {
            self.code = code
            self.name = name
            self.uscc = uscc
            self.website = website
            self.aliases = aliases
        }
    }

    public init(code: String, name: String, uscc: String, website: String, aliases: [String] = []) {
        row = Row(code: code, name: name, uscc: uscc, website: website, aliases: aliases)
    }

    public static func == (a: Department, b: Department) -> Bool {
        a.row === b.row
            || (a.code == b.code && a.name == b.name && a.uscc == b.uscc && a.website == b.website
                && a.aliases == b.aliases)
    }

    public func hash(into h: inout Hasher) {
        h.combine(code)
        h.combine(name)
        h.combine(uscc)
        h.combine(website)
        h.combine(aliases)
    }

    /// Whether `text` names this department: its 编码, its 名称 or one of its aliases.
    public func isNamed(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        return t == code || t == name || aliases.contains(t)
    }
}

/// A row of `memoranda.csv`: a joint reward or punishment memorandum.
public struct Memorandum: Sendable, Hashable {
    public let number: String
    public let title: String
    /// 文号, normalised to 〔〕 brackets.
    public let documentNumber: String
    public let type: String
    public init(number: String, title: String, documentNumber: String, type: String) {
        self.number = number
        self.title = title
        self.documentNumber = documentNumber
        self.type = type
    }
}

/// One line of `ledger.csv`.
public struct LedgerEvent: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case published = "公示"
        case updated = "更新"
        case withdrawn = "撤回"
        /// Published by a previous system (`disclosure.adoptedOn`, or `gongshi ledger import`).
        case imported = "导入"
    }
    public let date: LocalDate
    public let event: Kind
    public let kind: RecordKind
    public let key: String
    public let digest: String
    public init(date: LocalDate, event: Kind, kind: RecordKind, key: String, digest: String) {
        self.date = date
        self.event = event
        self.kind = kind
        self.key = key
        self.digest = digest
    }

    /// The CSV line, with quoting where a field needs it.
    public var csvLine: String {
        [date.description, event.rawValue, kind.rawValue, key, digest].map(csvQuoted).joined(separator: ",")
    }
}

/// Quotes a CSV field when it contains a comma, quote or line break.
public func csvQuoted(_ s: String) -> String {
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
}
