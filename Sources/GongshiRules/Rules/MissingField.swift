import Foundation
import GongshiModel

/// `missing-field`: a required field is empty; or a withdrawal without its 状态日期 or 状态说明.
public enum MissingField: RecordRule {
    public static let info = RuleInfo(
        id: "missing-field", title: "缺少必填字段", severity: .error, withholds: "该记录（撤回缺少状态日期或状态说明时：—，仍按撤回处理）",
        summary:
            "必填字段为空。法定代表人仅对法人及非法人组织必填；统一社会信用代码对自然人以外必填（也可只填工商注册号或组织机构代码）；个体工商户以 00000000000000000X 表示无代码时，工商注册号必填；自然人须有证件号码。许可机关、处罚机关的统一社会信用代码为空或为 00000000000000000X 而机关是 departments.csv 中的部门时，按该部门的代码公示，另报警告。当前状态为撤销、变更、确认违法或确认无效而缺少状态日期或状态说明，也报告此项（记录仍然撤回）",
        example: "行政处罚记录的「违法事实」为空；当前状态「撤销」而状态说明为空",
        basis: "《公共信用信息公示数据标准（双公示 v2.0）》必填项；撤回须说明理由：《中华人民共和国行政处罚法》第四十八条")

    static let licensing: [Field] = [
        .entityName, .entityCategory, .licenceDocumentName, .licenceDocumentNumber, .licenceCategory,
        .licenceContent, .licenceDate, .licensingAuthority, .licensingAuthorityCode,
    ]
    static let penalty: [Field] = [
        .entityName, .entityCategory, .penaltyDocumentNumber, .violationType, .violationFacts, .penaltyBasis,
        .penaltyKinds, .penaltyContent, .penaltyDate, .penaltyAuthority, .penaltyAuthorityCode,
    ]
    static let list: [Field] = [.listType, .listName, .subjectName, .subjectCategory, .listedOn, .listingAuthority]

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        var d = Decision()
        let missing = requiredMissing(r)
        if !missing.isEmpty {
            d.findings.append(finding(r, "缺少必填字段\(quoted(missing))，该记录不予公示\(sidecarHint(r, missing))"))
            d.withholds = true
        }
        // An invalid code filled so is said by authority-code.
        if let field = r.authorityCodeFromDepartments, let uscc = r.department?.uscc,
            r[field].isEmpty || UnifiedSocialCreditCode.isNone(r[field])
        {
            d.findings.append(
                finding(
                    r,
                    "「\(field.name)」为空或为 00000000000000000X，已按 departments.csv 中「\(r.department?.name ?? "")」的代码 \(uscc) 公示：请在导出中补填",
                    severity: .warning))
        }
        // A withdrawal must say when and why (Art.48: 公开说明理由); the record is withdrawn all the same.
        if r.kind != .mingdan, let status = r.givenRecordStatus, status.isWithdrawal {
            let absent = [Field.statusDate, .statusNote].filter { r[$0].isEmpty }
            if !absent.isEmpty {
                d.findings.append(
                    finding(r, "当前状态为「\(status.rawValue)」，缺少\(quoted(absent))：请补充\(status.rawValue)的日期和理由（记录仍按撤回处理）"))
            }
        }
        return d
    }

    /// Fields a whole file often shares (a court's list names its list and authority once): where to
    /// write them once.
    static let fileWide: Set<Field> = [.listType, .listName, .subjectCategory, .listingAuthority, .entityCategory]

    /// How to fill such fields for every row of the file at once: its sidecar, named after it.
    static func sidecarHint(_ r: RecordContext, _ missing: [Field]) -> String {
        guard let first = missing.first(where: fileWide.contains) else { return "" }
        // Named as SidecarReader looks for it: the data file's name without its extension.
        let name = (r.source.file as NSString).lastPathComponent as NSString
        let stem = name.deletingPathExtension
        guard !name.pathExtension.isEmpty, !stem.isEmpty else { return "" }
        return "。整个文件都相同的值，可写在数据文件旁的 \(stem).yml 中（如「\(first.name): …」）"
    }

    static func quoted(_ fields: [Field]) -> String { fields.map { "「\($0.name)」" }.joined(separator: "、") }

    static func requiredMissing(_ r: RecordContext) -> [Field] {
        var missing: [Field] = []
        let base: [Field]
        switch r.kind {
        case .xzxk: base = licensing
        case .xzcf: base = penalty
        case .mingdan: base = list
        }
        // An authority code 00000000000000000X counts as empty (SPEC §8.4); departments.csv supplies it
        // when the authority is one of the site's departments (real exports leave it out).
        let filled = r.authorityCodeFromDepartments
        // A row its ID number, 性别 or 年龄 shows to be a person's is a natural person's whatever its
        // category says (SPEC §8.4): an empty category is no reason to withhold it.
        let settled: Field? = r.isNaturalPerson ? (r.kind == .mingdan ? .subjectCategory : .entityCategory) : nil
        for field in base where field != filled && field != settled {
            let v = r[field]
            guard v.isEmpty || UnifiedSocialCreditCode.isNone(v) else { continue }
            missing.append(field)
        }
        if let cat = r.category {
            // An organisation may be identified by its 工商注册号 or 组织机构代码 instead (SPEC §8.2).
            if cat != .naturalPerson && !r.identity.hasInput && !r.identity.placeholder { missing.append(.creditCode) }
            if cat == .organization && r.kind != .mingdan && r[.legalRepresentative].isEmpty {
                missing.append(.legalRepresentative)
            }
            if cat == .soleProprietor && r.identity.placeholder && !r.identity.hasInput && r.kind != .mingdan {
                missing.append(.registrationNumber)
            }
            // An ID number typed into a code column is the person's 证件号码 all the same (never published):
            // asking for it again would only lead to natural-person-withheld.
            if cat == .naturalPerson && r.kind != .mingdan && r[.idNumber].isEmpty && !r.identity.personID {
                missing.append(.idNumber)
            }
        }
        return missing
    }
}
