import GongshiModel

/// `invalid-uscc`: the entity has no valid identity: no valid 统一社会信用代码 (GB 32100-2015), 组织机构代码
/// (GB 11714-1997) or 15-digit 工商注册号 among the codes it gives (SPEC §8.4). Also reported for
/// departments.csv by the registry reader.
public enum InvalidUSCC: RecordRule {
    public static let info = RuleInfo(
        id: "invalid-uscc", title: "统一社会信用代码无效", severity: .error, withholds: "该记录",
        summary:
            "主体没有任何有效的代码：统一社会信用代码不符合 GB 32100-2015（字符集不含 I、O、Z、S、V；登记管理部门与机构类别、行政区划码、内含组织机构代码的校验位、第18位校验码），也没有符合 GB 11714-1997 校验位的组织机构代码或15位数字的工商注册号。代码按形状读取：写在统一社会信用代码列中的15位工商注册号或9位组织机构代码照常使用（另报 bad-value 警告）；含 * 的打码值不是代码。有一个有效代码时，其他无效代码只报 bad-value 警告，不影响公示。00000000000000000X 表示无代码，只适用于个体工商户。代码中的空格先去掉再校验。也检查 departments.csv",
        example: "统一社会信用代码 91370306MA3C4LXX7Q（校验码错误），没有工商注册号和组织机构代码",
        basis: "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》；GB 11714-1997《全国组织机构代码编制规则》")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        let identity = r.identity
        // A natural person is not identified by an organisation's code (bad-value says what was wrong).
        guard !identity.isIdentified, !r.isNaturalPerson else { return .none }
        let tried = identity.tried.joined(separator: "；")
        if identity.placeholder {
            if r.category == .soleProprietor && identity.tried.isEmpty { return .none }
            let others = tried.isEmpty ? "，也没有工商注册号或组织机构代码" : "；其他代码也无效：\(tried)"
            return Decision(
                withholding: finding(
                    r, "「\(UnifiedSocialCreditCode.none)」表示无代码，只适用于个体工商户\(others)，该记录不予公示"))
        }
        guard !tried.isEmpty else { return .none }
        // 9.13703E+17: a CSV saved from Excel after it showed the code as a number; the digits are gone.
        let codes = [r[.creditCode], r[.registrationNumber], r[.organizationCode]]
        let excel = codes.contains(where: ExcelNotation.isScientific) ? "。" + ExcelNotation.advice : ""
        return Decision(
            withholding: finding(r, "没有有效的统一社会信用代码、组织机构代码或工商注册号（已尝试：\(tried)），该记录不予公示\(excel)"))
    }
}
