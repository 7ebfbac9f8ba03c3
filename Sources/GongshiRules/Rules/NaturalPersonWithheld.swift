import GongshiModel

/// `natural-person-withheld`: a natural person's record withheld by policy.
public enum NaturalPersonWithheld: RecordRule {
    public static let info = RuleInfo(
        id: "natural-person-withheld", title: "自然人信息不予公示", severity: .info, withholds: "该记录",
        summary:
            "自然人的信用信息不公开（disclosure.naturalPersons: withhold，默认）。设为 mask 时，只有 disclosure.naturalPersonLists 中的名单（默认 [失信被执行人]，依国家规定公开）以打码姓名公开，自然人的行政许可、行政处罚仍不公开；证件号码始终不公开。个体工商户不是自然人",
        example: "「行政相对人类别」为自然人的行政处罚",
        basis: "《山东省社会信用条例》第二十条（不得公开公示，国家另有规定的除外）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic, r.isNaturalPerson else { return .none }
        let s = env.settings
        switch s.naturalPersons {
        case .withhold:
            return Decision(withholding: finding(r, "自然人的信用信息按规定不公开（disclosure.naturalPersons: withhold）"))
        case .mask:
            if r.kind == .mingdan && s.naturalPersonLists.contains(r[.listName]) { return .none }
            let lists = s.naturalPersonLists.isEmpty ? "（未设置）" : s.naturalPersonLists.joined(separator: "、")
            let what =
                r.kind == .mingdan
                ? "名单「\(r[.listName])」不在 disclosure.naturalPersonLists（\(lists)）中" : "自然人的\(r.kind.title)信息"
            return Decision(withholding: finding(r, "\(what)：按《山东省社会信用条例》第二十条不公开自然人信息"))
        }
    }
}
