import GongshiModel

/// `personal-data`: an ID or mobile number in a published text field; it is masked in the output.
public enum PersonalDataInText: Rule {
    public static let info = RuleInfo(
        id: "personal-data", severity: .warning, withholds: "—（输出中已打码）",
        summary: "公开的文字字段中出现有效的18位身份证号码或手机号码（1[3-9]开头的11位数字）。输出中打码（370303********1234、138****5678），每个字段报告一次",
        example: "「违法事实」中写有「联系电话13805331234」")

    /// Reports the fields whose text needed masking.
    static func check(_ r: RecordContext, maskedFields: [String]) -> [Finding] {
        maskedFields.map { finding(r, "「\($0)」中含有身份证号码或手机号码，公开时已打码；请从源数据中删除") }
    }
}
