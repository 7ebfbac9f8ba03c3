/// The code vocabulary of an enumerated field (SPEC §8.2): the values it takes, and the name each is
/// published as. The parsing itself is on the value types (``SubjectCategory``, ``LicenceCategory`` …).
public enum Vocabulary: Sendable {
    /// 行政相对人类别 / 主体类别: names, 01–04, 法人, 非法人组织, 个人.
    case subjectCategory
    /// 许可类别: names or 01–06.
    case licenceCategory
    /// 证件类型: names or 01–05.
    case idDocumentType
    /// 失信严重程度: names or the codes 1 and 3.
    case severity
    /// 当前状态: a record's (with the v1 codes 0–4) or a list entry's.
    case status
    /// 名单类型: 红名单 or 黑名单, or words naming one of them (``ListType``).
    case listType

    /// The name `raw` is published as in a file of `kind`; nil when it is outside the vocabulary.
    public func name(of raw: String, in kind: RecordKind) -> String? {
        switch self {
        case .subjectCategory: return SubjectCategory(parsing: raw)?.rawValue
        case .licenceCategory: return LicenceCategory(parsing: raw)?.rawValue
        case .idDocumentType: return IDDocumentType(parsing: raw)?.rawValue
        case .severity: return Severity(parsing: raw)?.rawValue
        case .status:
            return kind == .mingdan ? ListStatus(parsing: raw)?.rawValue : RecordStatus(parsing: raw)?.rawValue
        case .listType: return ListType(parsing: raw)?.rawValue
        }
    }

    /// The accepted values, as a `bad-value` finding lists them.
    public func allowed(in kind: RecordKind) -> String {
        switch self {
        case .subjectCategory: return "法人及非法人组织、自然人或个体工商户（也可写 01–04）"
        case .licenceCategory: return "普通、特许、认可、核准、登记、其他，或 01–06"
        case .idDocumentType: return "01 身份证、02 护照、03 港澳居民来往内地通行证、04 台湾居民来往大陆通行证、05 外国人永久居留身份证"
        case .severity: return "轻微、一般、严重（或代码 1、3）"
        case .status: return kind == .mingdan ? "正常、异议、移出" : "正常、撤销、变更、确认违法、确认无效、异议、修复、其他，或代码 0–4"
        case .listType: return "红名单、黑名单，或写明守信、失信等"
        }
    }
}
