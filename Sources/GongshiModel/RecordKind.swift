/// The three kinds of disclosure data, named as in the site's folders and URLs.
public enum RecordKind: String, Sendable, CaseIterable, Comparable {
    /// 行政许可 (administrative licensing).
    case xzxk
    /// 行政处罚 (administrative penalty).
    case xzcf
    /// 红名单 / 黑名单 entries.
    case mingdan

    public var title: String {
        switch self {
        case .xzxk: return "行政许可"
        case .xzcf: return "行政处罚"
        case .mingdan: return "红黑名单"
        }
    }

    /// Whether `file` (relative to the site: `Content/xzcf/2026-11.csv`) lies in a data folder, that of
    /// any kind.
    public static func isInDataFolder(_ file: String) -> Bool {
        allCases.contains { file.hasPrefix("Content/\($0.rawValue)/") }
    }

    public var schema: RecordSchema {
        switch self {
        case .xzxk: return .licensing
        case .xzcf: return .penalty
        case .mingdan: return .list
        }
    }

    /// In the order of `allCases` (which builds an array at every call: the judge sorts a province's
    /// ledger events by kind).
    public static func < (a: RecordKind, b: RecordKind) -> Bool { a.position < b.position }

    private var position: Int {
        switch self {
        case .xzxk: return 0
        case .xzcf: return 1
        case .mingdan: return 2
        }
    }
}

/// 行政相对人类别 / 主体类别.
public enum SubjectCategory: String, Sendable {
    case organization = "法人及非法人组织"
    case naturalPerson = "自然人"
    case soleProprietor = "个体工商户"

    /// Accepts the names and the codes of SPEC §8.2 (01 自然人, 02 法人, 03 非法人组织, 04 个体工商户; 个人 = 自然人),
    /// the older standard's 法人及其他组织, 企业, 单位 and 个体户, inner spaces ignored.
    public init?(parsing raw: String) {
        guard let v = SubjectCategory.spellings.value(of: raw.removingWhitespace()) else { return nil }
        self = v
    }

    static let spellings = Spellings<SubjectCategory>(
        ["法人及非法人组织", "法人", "非法人组织", "法人和非法人组织", "02", "03", "2", "3"].map { ($0, .organization) }
            // The older standard's term, and what clerks write for it.
            + ["法人及其他组织", "法人或其他组织", "法人或者其他组织", "其他组织", "企业", "单位"].map { ($0, .organization) }
            + ["自然人", "个人", "01", "1"].map { ($0, .naturalPerson) }
            + ["个体工商户", "个体户", "04", "4"].map { ($0, .soleProprietor) })
}

/// 失信严重程度 of a penalty, and the publicity bounds NDRC Order No. 36 sets for each.
public enum Severity: String, Sendable, CaseIterable {
    case minor = "轻微"
    case ordinary = "一般"
    case serious = "严重"

    /// The names, and the codes 1 (一般) and 3 (严重) of the national standard; nil for anything else.
    public init?(parsing raw: String) {
        guard let v = Severity.spellings.value(of: raw.removingWhitespace()) else { return nil }
        self = v
    }

    static let spellings = Spellings<Severity>(
        ["轻微", "轻微失信"].map { ($0, .minor) } + ["一般", "一般失信", "1"].map { ($0, .ordinary) }
            + ["严重", "严重失信", "3"].map { ($0, .serious) })

    /// Publicity months a site may set (Order 36: 轻微 not published, at most 3; 一般 3–12; 严重 12–36).
    public var allowedMonths: ClosedRange<Int> {
        switch self {
        case .minor: return 0...3
        case .ordinary: return 3...12
        case .serious: return 12...36
        }
    }

    /// Months of publicity before 信用修复 may end it (Order 36: 一般 3, 严重 12).
    public var minimumBeforeRepair: Int {
        switch self {
        case .minor: return 0
        case .ordinary: return 3
        case .serious: return 12
        }
    }

    /// Penalty kinds that make a penalty 严重 when its severity is not given (SPEC §8.1); 吊销 of a licence
    /// or permit in any wording (吊销营业执照 too) is ``revokesALicence(_:content:)``.
    public static let seriousKinds = ["责令停产停业", "责令关闭", "限制从业", "降低资质等级"]

    /// 吊销 of any licence or permit named in between (吊销许可证件, 吊销生产许可证, 吊销安全生产许可证,
    /// 吊销执照). The old standard's class 「暂扣或者吊销许可证、执照」 names a suspension as well: it is a
    /// revocation only when 处罚内容 says 吊销 (`content`), lest a suspension stay public two years too long.
    static func revokesALicence(_ kind: String, content: String) -> Bool {
        guard let r = kind.range(of: "吊销") else { return false }
        let rest = kind[r.upperBound...]
        guard rest.contains("许可证") || rest.contains("执照") else { return false }
        // 处罚内容 that repeats the class's own words (暂扣或者吊销…) says no more than the class does.
        return !kind[..<r.lowerBound].hasSuffix("暂扣或者")
            || content.split(separator: "暂扣或者吊销", omittingEmptySubsequences: false).contains { $0.contains("吊销") }
    }

    /// What 处罚类别 joins several kinds (or v1 codes) with.
    public static let penaltyKindSeparators: Set<Character> = ["；", ";", "、", ",", "，", "/", " "]

    /// The only kinds of a 轻微 penalty when its severity is not given.
    public static let minorKinds: Set<String> = ["警告", "通报批评"]

    /// The severity SPEC §8.1 infers from 处罚类别 (several joined by ；): only 警告 and/or 通报批评 → 轻微;
    /// any of ``seriousKinds``, or a revocation of a licence (``revokesALicence(_:content:)``, which reads
    /// 处罚内容 `content` for the old class that names a suspension too) → 严重; otherwise 一般.
    public static func inferred(fromKinds text: String, content: String = "") -> Severity {
        let kinds = text.split(whereSeparator: { penaltyKindSeparators.contains($0) })
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if kinds.contains(where: { k in
            seriousKinds.contains { k.contains($0) } || revokesALicence(k, content: content)
        }) {
            return .serious
        }
        if !kinds.isEmpty && kinds.allSatisfy({ minorKinds.contains($0) }) { return .minor }
        return .ordinary
    }
}

/// 许可类别 (names, or the codes 01–06).
public enum LicenceCategory: String, Sendable, CaseIterable {
    case general = "普通"
    case franchise = "特许"
    case recognition = "认可"
    case approval = "核准"
    case registration = "登记"
    case other = "其他"

    public init?(parsing raw: String) {
        let s = raw.removingWhitespace()
        if let c = LicenceCategory.names.value(of: s) {
            self = c
            return
        }
        guard let n = Int(s), s.count <= 2, (1...6).contains(n) else { return nil }
        self = LicenceCategory.allCases[n - 1]
    }

    static let names = Spellings<LicenceCategory>(allCases.map { ($0.rawValue, $0) })
}

/// 证件类型 of a natural person (names, or the codes 01–05 of DOMAIN.md §1a).
public enum IDDocumentType: String, Sendable, CaseIterable {
    case residentID = "身份证"
    case passport = "护照"
    case hongKongMacao = "港澳居民来往内地通行证"
    case taiwan = "台湾居民来往大陆通行证"
    case foreignResident = "外国人永久居留身份证"

    public init?(parsing raw: String) {
        let s = raw.removingWhitespace()
        if let c = IDDocumentType.names.value(of: s) {
            self = c
            return
        }
        guard let n = Int(s), s.count <= 2, (1...5).contains(n) else { return nil }
        self = IDDocumentType.allCases[n - 1]
    }

    /// 居民身份证 first, then the names.
    static let names = Spellings<IDDocumentType>([("居民身份证", .residentID)] + allCases.map { ($0.rawValue, $0) })
}
