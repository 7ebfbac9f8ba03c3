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

    public var schema: RecordSchema {
        switch self {
        case .xzxk: return .licensing
        case .xzcf: return .penalty
        case .mingdan: return .list
        }
    }

    public static func < (a: RecordKind, b: RecordKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// 行政相对人类别 / 主体类别.
public enum SubjectCategory: String, Sendable {
    case organization = "法人及非法人组织"
    case naturalPerson = "自然人"
    case soleProprietor = "个体工商户"

    /// Accepts the names and the codes some local systems use (01 自然人, 02 法人, 03 非法人组织, 04 个体工商户).
    public init?(parsing raw: String) {
        let s = raw.trimmingWhitespace()
        switch s {
        case "法人及非法人组织", "法人", "非法人组织", "法人和非法人组织", "02", "03", "2", "3": self = .organization
        case "自然人", "01", "1": self = .naturalPerson
        case "个体工商户", "04", "4": self = .soleProprietor
        default: return nil
        }
    }
}

/// 当前状态 of a licensing or penalty record (names or the v1 codes 0–4).
public enum RecordStatus: String, Sendable {
    case normal = "正常"
    case revoked = "撤销"
    case objection = "异议"
    case other = "其他"
    case repaired = "修复"

    public init?(parsing raw: String) {
        switch raw.trimmingWhitespace() {
        case "", "0", "正常": self = .normal
        case "1", "撤销", "已撤销": self = .revoked
        case "2", "异议", "异议中", "异议处理中": self = .objection
        case "3", "其他": self = .other
        case "4", "修复", "信用修复", "已修复": self = .repaired
        default: return nil
        }
    }
}

/// 当前状态 of a list entry.
public enum ListStatus: String, Sendable {
    case normal = "正常"
    case objection = "异议"
    case removed = "移出"

    public init?(parsing raw: String) {
        switch raw.trimmingWhitespace() {
        case "", "0", "正常": self = .normal
        case "2", "异议", "异议中", "异议处理中": self = .objection
        case "移出", "已移出": self = .removed
        default: return nil
        }
    }
}

/// 失信严重程度 of a penalty.
public enum Severity: String, Sendable, CaseIterable {
    case minor = "轻微"
    case ordinary = "一般"
    case serious = "严重"
}
