import GongshiModel

/// `missing-field`: a required field is empty.
public enum MissingField: Rule {
    public static let info = RuleInfo(
        id: "missing-field", severity: .error, withholds: "该记录",
        summary: "必填字段为空。法定代表人仅对法人及非法人组织必填；统一社会信用代码对自然人以外必填；个体工商户以 00000000000000000X 表示无代码时，工商注册号必填；自然人须有证件号码",
        example: "行政处罚记录的「违法事实」为空")

    static let licensing = ["行政相对人名称", "行政相对人类别", "行政许可决定文书名称", "行政许可决定文书号", "许可类别",
                            "许可内容", "许可决定日期", "许可机关", "许可机关统一社会信用代码"]
    static let penalty = ["行政相对人名称", "行政相对人类别", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据",
                          "处罚类别", "处罚内容", "处罚决定日期", "处罚机关", "处罚机关统一社会信用代码"]
    static let list = ["名单类型", "名单名称", "主体名称", "主体类别", "列入日期", "认定部门"]

    static func check(_ r: RecordContext) -> [Finding] {
        var missing: [String] = []
        let base: [String]
        switch r.kind {
        case .xzxk: base = licensing
        case .xzcf: base = penalty
        case .mingdan: base = list
        }
        for name in base where r[name].isEmpty { missing.append(name) }
        if let cat = r.category {
            if cat != .naturalPerson && r["统一社会信用代码"].isEmpty { missing.append("统一社会信用代码") }
            if cat == .organization && r.kind != .mingdan && r["法定代表人"].isEmpty { missing.append("法定代表人") }
            if cat == .soleProprietor && r["统一社会信用代码"] == UnifiedSocialCreditCode.none
                && r.kind != .mingdan && r["工商注册号"].isEmpty {
                missing.append("工商注册号")
            }
            if cat == .naturalPerson && r.kind != .mingdan && r["证件号码"].isEmpty { missing.append("证件号码") }
        }
        guard !missing.isEmpty else { return [] }
        let list = missing.map { "「\($0)」" }.joined(separator: "、")
        return [finding(r, "缺少必填字段\(list)，该记录不予公示")]
    }
}
