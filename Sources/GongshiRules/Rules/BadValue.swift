import GongshiModel

/// `bad-value`: a value outside its field's vocabulary, or a bad optional date. A warning, except for
/// 行政相对人类别 / 主体类别 (who the party is decides privacy), 当前状态 (whether the decision still
/// stands) and 名单类型 (which list): an unknown one withholds the record.
public enum BadValue: RecordRule {
    public static let info = RuleInfo(
        id: "bad-value", title: "取值不规范", severity: .warning, withholds: "仅行政相对人类别、主体类别、当前状态、名单类型无效时：该记录（错误）",
        summary:
            "枚举字段的值不在取值范围内：行政相对人类别/主体类别（法人及非法人组织、自然人、个体工商户，或代码 01–04，法人、非法人组织、个人；无效为错误，不予公示）、许可类别（普通、特许、认可、核准、登记、其他或 01–06）、证件类型（01–05）、当前状态（无效为错误，不予公示：无法判断决定是否仍然有效、条目是否仍在名单上）、失信严重程度（轻微、一般、严重或代码 1、3；无效时按处罚类别推定）、名单类型（红名单、黑名单，或写明守信、诚信、激励、失信、惩戒等；无效为错误，不予公示：无法判断列入哪个名单）；可选日期（有效期自、有效期至、处罚有效期、公示截止期）不是有效日期，或以 1949-10-01 之前的日期表示长期；罚款金额（万元）不是数字（如 5000元、0.5万元）；代码写在别的代码列中（如统一社会信用代码列中的15位工商注册号，按形状改按工商注册号读取）、代码含 *（已打码，不作为代码），或有有效代码时另一代码无效。长期、永久、无、无期限、无处罚期限表示无截止日期，不报告",
        example: "「行政相对人类别」为「企业」（错误）；「失信严重程度」为「较重」；「有效期至」为 1900-01-01",
        basis: "《公共信用信息公示数据标准（双公示 v2.0）》代码表；本站规则（公示主体类别决定隐私保护）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        var d = Decision()
        let categoryField = r.kind.categoryField
        let category = r[categoryField]
        if !category.isEmpty && r.category == nil {
            d.findings.append(
                finding(
                    r,
                    "「\(categoryField.name)」为「\(category)」，不是\(Vocabulary.subjectCategory.allowed(in: r.kind))：无法判断是否为自然人，该记录不予公示",
                    severity: .error))
            d.withholds = true
        }
        // Codes read by their shape, masked codes, invalid codes beside a valid one (SPEC §8.4).
        for note in r.identity.notes { d.findings.append(finding(r, note)) }
        /// A value outside the field's vocabulary (an empty one is a `missing-field` matter). Where the
        /// field decides whether, or as what, the row is public, `consequence` says so and the row is
        /// withheld: publishing it on a guess could show a withdrawn decision, or a firm on the wrong list.
        func checkVocabulary(_ field: Field, withholding consequence: String? = nil) {
            let value = r[field]
            guard !value.isEmpty, let vocabulary = field.vocabulary, vocabulary.name(of: value, in: r.kind) == nil
            else { return }
            let message = "「\(field.name)」为「\(value)」，不在取值范围内（\(vocabulary.allowed(in: r.kind))）"
            guard let consequence else { return d.findings.append(finding(r, message)) }
            d.findings.append(finding(r, message + "：" + consequence, severity: .error))
            d.withholds = true
        }
        switch r.kind {
        case .xzxk:
            checkVocabulary(.licenceCategory)
        case .xzcf:
            let severity = r[.severity]
            if !severity.isEmpty && Severity(parsing: severity) == nil {
                d.findings.append(
                    finding(
                        r,
                        "「\(Field.severity.name)」为「\(severity)」，应为\(Vocabulary.severity.allowed(in: r.kind))；已按处罚类别推定为「\(r.severity.rawValue)」"
                    ))
            }
            // An amount is a number of 万元: 5000元, 0.5万元 or - are published as written, but say nothing.
            let amount = r[.fineAmount]
            if !amount.isEmpty && FineAmount.plainDecimal(amount) == nil {
                d.findings.append(
                    finding(r, "「\(Field.fineAmount.name)」为「\(amount)」，不是数字：应只填以万元为单位的数字（如 5000 元填 0.5）"))
            }
        case .mingdan:
            // Read once by the context: asked again only of an entry it could not read.
            if r.listType == nil { checkVocabulary(.listType, withholding: "无法判断列入哪个名单，该条目不予公示") }
        }
        checkVocabulary(.idType)
        // Read once by the context: asked again only of a status it could not read.
        if r.kind == .mingdan ? r.givenListStatus == nil : r.givenRecordStatus == nil {
            checkVocabulary(
                .status,
                withholding: r.kind == .mingdan ? "无法判断该条目是否仍在名单上，该条目不予公示" : "无法判断该决定是否仍然有效（可能已撤销），该记录不予公示")
        }
        let dateFields = r.dateFields
        for i in dateFields.optional where r.dates[i] == nil {
            let v = r.source.values[i]
            let name = r.schema.fields[i].name
            guard !v.isEmpty, !RecordContext.noEndWords.contains(v) else { continue }
            if let date = LocalDate(parsing: v) {
                if date < RecordContext.placeholderBefore && dateFields.end.contains(i) {
                    d.findings.append(finding(r, "「\(name)」为「\(v)」，按“无截止日期”处理；请留空或写「长期」"))
                }
            } else {
                d.findings.append(finding(r, "「\(name)」为「\(v)」，不是有效日期，已忽略（可写 YYYY-MM-DD，或长期、无）"))
            }
        }
        return d
    }
}
