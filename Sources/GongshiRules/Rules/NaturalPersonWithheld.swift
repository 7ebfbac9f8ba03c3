import GongshiModel

/// `natural-person-withheld`: a natural person's record withheld by policy.
public enum NaturalPersonWithheld: Rule {
    public static let info = RuleInfo(
        id: "natural-person-withheld", severity: .info, withholds: "该记录",
        summary: "自然人的记录按 site.yml 的 disclosure.naturalPersons: withhold（默认，依据山东省社会信用条例第二十条）不公开；设为 mask 时以打码姓名公开，证件号码始终不公开",
        example: "「行政相对人类别」为自然人的行政处罚")

    static func check(_ r: RecordContext, policy: SiteSettings.NaturalPersonPolicy) -> [Finding] {
        guard r.isNaturalPerson, policy == .withhold else { return [] }
        return [finding(r, "自然人的信用信息按规定不公开（disclosure.naturalPersons: withhold）")]
    }
}
