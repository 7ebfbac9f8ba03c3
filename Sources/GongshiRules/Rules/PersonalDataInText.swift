import GongshiModel

/// `personal-data`: an ID, bank card or mobile number in a published text field; masked in the output.
public enum PersonalDataInText: RecordRule {
    public static let info = RuleInfo(
        id: "personal-data", title: "文本中含个人信息（已遮蔽）", severity: .warning, withholds: "—（输出中已打码）",
        summary:
            "公开的文字字段中出现有效的18位或15位身份证号码（出生日期有效）、银行卡号（以62、4或5开头的16–19位数字且通过 Luhn 校验）或手机号码（1[3-9]开头的11位数字，也认前缀+86、86或0086）。数字可为全角；也认按号码格式以空格（含不换行空格、窄空格等排版空格和单元格内的换行，不含制表符）或连字符（含全角和文字处理软件的连字符、短横线）分组的写法，组间连写两三个分隔符的也认（138 1234 5678、138  1234  5678、6222 0212 3456 7890 128；身份证号码只认空格分组：370303 19800101 1234，以连字符分组的是许可证编号的格式），组的位数须完全相符，前后不接字母或数字；旁边隔一个分隔符写日期、固定电话或邮政编码的（2026-11-25 138 1234 5678、255000 138 1234 5678），后接数量、年月日或下一项序号的（138 1234 5678 12 件、138 1234 5678 2.李四），或与其他数字隔着更宽的空白的（138 1234 5678  5000），手机号码照样打码。输出中打码（370303********1234、6222***********0123、138****5678），分组的号码保留分隔符（138-****-5678），每个字段报告一次。固定电话不打码（多为机关公开的举报电话）。税务登记号、事业单位证书号或社会组织登记证号中是身份证号码的（18位或15位的旧号码，可含连字符，或其后加两位数字：2015年以前个体工商户的税务登记号就是经营者的身份证号码；法人及非法人组织的15位号码后9位是有效组织机构代码的，按地区码加组织机构代码的税务登记号公示），该列不公示。公开的自然人（按 naturalPersonLists 公示的名单）的全名出现在其他文字字段中的（被告马大浩于…），按主体名称的遮蔽方式遮蔽（马*浩）",
        example: "「违法事实」中写有「联系电话13805331234」",
        basis: "《中华人民共和国个人信息保护法》第二十八条（敏感个人信息）；《山东省社会信用条例》第二十条")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        // A withdrawn decision's notice publishes its 状态说明 and its title while it is shown.
        let notice = so.withdrawal != nil && Publisher.shownPeriod(r, env) != nil
        guard so.isPublic || notice, r.category != nil else { return .none }
        var found: [Finding] = []
        let schema = r.schema
        let values = r.source.values
        let title = Publisher.titleField(r.kind)
        for (i, f) in schema.fields.enumerated()
        where (schema.roles[i] == .text && (!notice || f == title)) || f == .statusNote {
            // A natural person's name is masked as a name, not scanned (Publisher.publishedFields).
            if r.isNaturalPerson && f == r.kind.entityNameField { continue }
            if f == .statusNote && r.statusDate.map({ $0 > env.date }) == true { continue }
            if PersonalData.scrub(values[i]).found {
                found.append(finding(r, "「\(f.name)」中含有身份证号码、银行卡号或手机号码，公开时已打码；请从源数据中删除"))
            }
            if r.category == .naturalPerson && PersonalData.maskingName(r.entityName, in: values[i]).found {
                found.append(
                    finding(r, "「\(f.name)」中写有该自然人的全名，公开时已按「\(PersonalData.maskName(r.entityName))」遮蔽"))
            }
        }
        for (i, f) in schema.fields.enumerated()
        where so.isPublic && Publisher.holdsPersonalID(f, values[i], category: r.category) {
            found.append(
                finding(r, "「\(f.name)」中是一个居民身份证号码，不是代码，未公示（个体工商户以前的税务登记号就是经营者的身份证号码）；请删除该值，或改填统一社会信用代码"))
        }
        return Decision(findings: found)
    }
}
