import GongshiModel

/// `authority-code`: the deciding authority's own 统一社会信用代码 is invalid, or is not the one
/// departments.csv gives the department the record names. The record is published (the entity's
/// data is right); the code is what 信用中国 aggregates decisions by, so the department must correct it.
public enum AuthorityCode: RecordRule {
    public static let info = RuleInfo(
        id: "authority-code", title: "机关代码有误", severity: .warning, withholds: "—",
        summary:
            "「许可机关统一社会信用代码」或「处罚机关统一社会信用代码」不符合 GB 32100-2015（含被 Excel 写成科学计数法的 1.137E+17），或与 departments.csv 中该部门的统一社会信用代码不一致（记录写的是部门的名称而非别名时）。记录照常公示；无效的机关代码公开时按 departments.csv 中该部门的代码显示，请更正代码。「数据来源单位统一社会信用代码」无效时同样报告，该代码不公示",
        example: "区税务局的处罚，处罚机关统一社会信用代码填了区市场监管局的 11370306004310380L",
        basis: "《公共信用信息公示数据标准（双公示 v2.0）》：许可机关、处罚机关统一社会信用代码为必填项；GB 32100-2015")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic else { return .none }
        return Decision(findings: [r.kind == .mingdan ? nil : authority(r, env), dataSource(r)].compactMap { $0 })
    }

    /// The deciding authority's code: invalid, or another than its department's.
    static func authority(_ r: RecordContext, _ env: RuleEnvironment) -> Finding? {
        guard let field = r.kind.authorityCodeField else { return nil }
        let code = r[field]
        guard !code.isEmpty, !UnifiedSocialCreditCode.isNone(code) else { return nil }
        if let problem = UnifiedSocialCreditCode.problem(code) {
            let excel = ExcelNotation.isScientific(code) ? "。" + ExcelNotation.advice : ""
            let shown =
                r.authorityCodeFromDepartments == field
                ? "（公开时按 departments.csv 中「\(r.department?.name ?? "")」的代码 \(r.department?.uscc ?? "") 显示）" : ""
            return finding(r, "「\(field.name)」\(code) 无效：\(problem)\(shown)，请填写机关的18位统一社会信用代码\(excel)")
        }
        guard let department = r.department, r.authority == department.name, env.departments.hasValidUSCC(department),
            department.uscc != code.uppercased()
        else { return nil }
        return finding(
            r,
            "「\(field.name)」\(code) 与 departments.csv 中「\(department.name)」的统一社会信用代码 \(department.uscc) 不一致：请核实是哪个机关作出的决定"
        )
    }

    /// The data-source unit's code, when given and invalid: not published (``Publisher``).
    static func dataSource(_ r: RecordContext) -> Finding? {
        let code = r[.dataSourceCode]
        guard !code.isEmpty, !UnifiedSocialCreditCode.isNone(code), let problem = UnifiedSocialCreditCode.problem(code)
        else { return nil }
        let excel = ExcelNotation.isScientific(code) ? "。" + ExcelNotation.advice : ""
        return finding(r, "「\(Field.dataSourceCode.name)」\(code) 无效：\(problem)，未公示，请填写该单位的18位统一社会信用代码\(excel)")
    }
}
