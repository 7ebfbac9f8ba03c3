import Foundation
import Testing

@testable import GongshiModel

@Suite("PersonalData")
struct PersonalDataTests {
    /// A valid ID number 370303YYYYMMDD1234: the birth date is searched so that the check character is 4.
    static let id1234: String = {
        var d = day("1990-01-01")
        while true {
            let birth = d.description.replacingOccurrences(of: "-", with: "")
            let id = ReferenceID.make(area: "370303", birth: birth, sequence: "123")
            if id.hasSuffix("1234") { return id }
            d = d.adding(days: 1)
        }
    }()

    @Test("the constructed ID number is valid")
    func fixture() {
        #expect(ResidentIDNumber.isValid(Self.id1234))
        #expect(Self.id1234.hasPrefix("370303"))
    }

    // MARK: mobile numbers

    @Test("a mobile number is masked as 138****1234")
    func mobile() {
        let r = PersonalData.scrub("当事人联系电话13805331234，已责令改正")
        #expect(r.text == "当事人联系电话138****1234，已责令改正")
        #expect(r.found)
        #expect(PersonalData.scrub("13805331234").text == "138****1234")
    }

    @Test("many digits in short runs (dates, amounts) are no number; a long run among them is")
    func shortRuns() {
        let dates = "2026年11月25日至2027年11月24日，罚款12345.67元，编号2026-1105-3312"
        #expect(PersonalData.scrub(dates).text == dates)
        #expect(!PersonalData.scrub(dates).found)
        let r = PersonalData.scrub(dates + "，电话13805331234")
        #expect(r.text == dates + "，电话138****1234")
        #expect(r.found)
    }

    @Test("every mobile prefix 13–19 is masked", arguments: ["13", "14", "15", "16", "17", "18", "19"])
    func mobilePrefixes(prefix: String) {
        let number = prefix + "912345678"
        let r = PersonalData.scrub("电话:\(number)")
        #expect(r.text == "电话:\(prefix)9****5678")
        #expect(r.found)
    }

    @Test(
        "not a mobile number: 10/11/12 prefixes, inside a longer run of digits, too short",
        arguments: [
            "电话12805331234", "电话11805331234", "电话10805331234",
            "订单号213805331234", "订单号138053312345", "账号6222138053312340000",
            "+8713805331234", "编号1380533123", "金额 138053312.34 元",
        ])
    func notMobile(text: String) {
        let r = PersonalData.scrub(text)
        #expect(r.text == text)
        #expect(!r.found)
    }

    @Test("mobile numbers next to letters, punctuation and CJK are masked; several in one text")
    func severalMobiles() {
        let r = PersonalData.scrub("联系人:张三(13805331234)、李四 15912345678;Tel13705330000x")
        #expect(r.text == "联系人:张三(138****1234)、李四 159****5678;Tel137****0000x")
        #expect(r.found)
    }

    // MARK: ID numbers

    @Test("a valid 18-digit ID number is masked as 370303********1234")
    func idNumber() {
        let r = PersonalData.scrub("当事人身份证号\(Self.id1234)，住址略")
        #expect(r.text == "当事人身份证号370303********1234，住址略")
        #expect(r.found)
    }

    @Test("an ID number with check character X is masked")
    func idNumberX() throws {
        var id: String?
        for seq in 100..<300 where id == nil {
            let c = ReferenceID.make(area: "370303", birth: "19851111", sequence: String(seq))
            if c.hasSuffix("X") { id = c }
        }
        let x = try #require(id)
        let r = PersonalData.scrub("身份证:\(x)。")
        #expect(r.text == "身份证:370303********\(x.suffix(4))。")
        #expect(r.found)
    }

    @Test("an invalid ID number is left alone, and its digits are not taken for a mobile number")
    func invalidID() {
        var chars = Array(Self.id1234)
        chars[17] = chars[17] == "5" ? "6" : "5"
        let bad = String(chars)
        #expect(!ResidentIDNumber.isValid(bad))
        let text = "身份证号\(bad)"
        let r = PersonalData.scrub(text)
        #expect(r.text == text)
        #expect(!r.found)
        // 18 digits that start like a mobile number are no mobile number either.
        let r2 = PersonalData.scrub("编号138053312341234567")
        #expect(r2.text == "编号138053312341234567")
        #expect(!r2.found)
    }

    @Test("an ID number inside a longer run of digits is not masked")
    func idInsideLongerRun() {
        let text = "9" + Self.id1234
        #expect(PersonalData.scrub(text).text == text)
        let text2 = Self.id1234 + "0"
        #expect(PersonalData.scrub(text2).text == text2)
    }

    @Test("an ID number and a mobile number in one text are both masked")
    func both() {
        let r = PersonalData.scrub("张三，身份证号\(Self.id1234)，电话13805331234。")
        #expect(r.text == "张三，身份证号370303********1234，电话138****1234。")
        #expect(r.found)
    }

    @Test(
        "text without enough digits is returned unchanged",
        arguments: [
            "", "销售过期食品", "罚款2000元", "周市监罚〔2026〕12号", "《食品安全法》第一百二十四条第一款第（二）项",
            "2026年11月20日 罚款0.2万元",
        ])
    func unchanged(text: String) {
        let r = PersonalData.scrub(text)
        #expect(r.text == text)
        #expect(!r.found)
    }

    // MARK: names

    @Test(
        "natural persons' names keep the first and last character",
        arguments: [
            ("张三明", "张*明"), ("张三", "张*"), ("欧阳娜娜", "欧**娜"), ("张", "*"), ("", ""), (" 李四 ", "李*"),
            ("\u{3000}王小明\u{3000}", "王*明"), ("爱新觉罗·玄烨", "爱*****烨"),
        ])
    func maskName(name: String, expected: String) {
        #expect(PersonalData.maskName(name) == expected)
    }

    @Test("a person's full name is masked wherever a text repeats it; a single character is left alone")
    func maskingNameInText() {
        #expect(PersonalData.maskingName("马大浩", in: "被告马大浩、马大浩之妻") == ("被告马*浩、马*浩之妻", true))
        // Two characters name the person but where they begin a place's or an organisation's name.
        #expect(PersonalData.maskingName(" 张三 ", in: "被告张三于判决生效后") == ("被告张*于判决生效后", true))
        #expect(PersonalData.maskingName("孙丽", in: "孙丽于本判决生效之日起十日内支付") == ("孙*于本判决生效之日起十日内支付", true))
        #expect(PersonalData.maskingName("刘洋", in: "由刘洋偿还原告借款") == ("由刘*偿还原告借款", true))
        #expect(PersonalData.maskingName("高新", in: "淄博高新区人民法院") == ("淄博高新区人民法院", false))
        #expect(PersonalData.maskingName("高新", in: "被执行人高新、淄博高新区") == ("被执行人高*、淄博高新区", true))
        #expect(PersonalData.maskingName("马大浩", in: "被告马某") == ("被告马某", false))
        #expect(PersonalData.maskingName("马", in: "马路") == ("马路", false))
        #expect(PersonalData.maskingName("马大浩", in: "") == ("", false))
    }

    @Test("trimming removes spaces, tabs, line breaks and U+3000")
    func trimming() {
        #expect(" \t\u{3000}区市场监管局\r\n".trimmingWhitespace() == "区市场监管局")
        #expect("a b".trimmingWhitespace() == "a b")
        #expect("".trimmingWhitespace() == "")
        #expect("   ".trimmingWhitespace() == "")
    }

    @Test("a 15-digit ID number with a valid birth date is masked; an invalid date is not")
    func oldIDNumber() {
        #expect(PersonalData.scrub("身份证370303900101123。").text == "身份证370303******123。")
        #expect(PersonalData.scrub("编号370303901301123").found == false)
    }

    @Test(
        "Luhn-valid bank card numbers of 16–19 digits starting 62, 4 or 5 are masked",
        arguments: [
            "6222021234567890128", "4111111111111111", "5500000000000004",
        ])
    func card(number: String) {
        let s = PersonalData.scrub("账号\(number)。")
        #expect(s.found)
        #expect(!s.text.contains(number))
        #expect(s.text.contains(String(number.prefix(4))) && s.text.contains(String(number.suffix(4))))
    }

    @Test(
        "not card numbers: failing Luhn, other prefixes, wrong lengths; landlines stay",
        arguments: [
            "6222021234567890123", "3530111333300000", "41111111111111", "0533-1234567", "05331234567", "举报电话 12345",
        ])
    func notCard(text: String) {
        #expect(PersonalData.scrub(text).found == false)
    }

    @Test("mayHoldPersonalData finds a run of 11 digits wherever it starts, and no shorter run")
    func digitRuns() {
        for offset in 0..<9 {
            for length in 6...14 {
                let text = String(repeating: "a", count: offset) + String(repeating: "7", count: length) + "元"
                #expect(PersonalData.mayHoldPersonalData(text) == (length >= 11), "\(offset) \(length)")
                let chinese = String(repeating: "字", count: offset) + String(repeating: "9", count: length)
                #expect(PersonalData.mayHoldPersonalData(chinese) == (length >= 11), "字 \(offset) \(length)")
            }
        }
        // Groups joined by one space may be a card number (PersonalNumberFormsTests).
        #expect(PersonalData.mayHoldPersonalData("1234 5678 9012 3456"))
        #expect(!PersonalData.mayHoldPersonalData("罚款人民币2000元，2026年11月25日"))
        #expect(!PersonalData.mayHoldPersonalData(""))
    }
}
