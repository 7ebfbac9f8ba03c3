import Testing

@testable import GongshiModel

/// The ways departments type personal numbers besides one run of half-width digits: after the country
/// code, in groups, in full width; and the look-alikes that stay as typed.
@Suite("PersonalData: numbers typed in groups, with +86, in full width")
struct PersonalNumberFormsTests {
    /// The same text typed in a full-width input mode: `０`–`９`, `Ｘ`, `－`, and U+3000 for a space.
    static func fullWidth(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { u in
                    switch u.value {
                    case 0x20: return "\u{3000}"
                    case 0x21...0x7E: return Unicode.Scalar(u.value + 0xFEE0) ?? u
                    default: return u
                    }
                }))
    }

    static var id: String { PersonalDataTests.id1234 }
    /// `id` as 370303 YYYYMMDD 1234.
    static var spacedID: String { "\(id.prefix(6)) \(id.dropFirst(6).prefix(8)) \(id.suffix(4))" }

    @Test(
        "a mobile number after the country code 86 is masked; the code stays",
        arguments: [
            ("+8613812345678", "+86138****5678"), ("8613812345678", "86138****5678"),
            ("+86 138 1234 5678", "+86 138 **** 5678"), ("(+86)13812345678", "(+86)138****5678"),
            ("+86-138-1234-5678", "+86-138-****-5678"), ("+86 13812345678", "+86 138****5678"),
            ("（+86）13812345678", "（+86）138****5678"),
            // The international prefix 00 before it, as some systems write it.
            ("008613812345678", "0086138****5678"), ("0086 138 1234 5678", "0086 138 **** 5678"),
            ("0086-138-1234-5678", "0086-138-****-5678"),
        ])
    func countryCode(text: String, masked: String) {
        let r = PersonalData.scrub("联系电话\(text)。")
        #expect(r.text == "联系电话\(masked)。")
        #expect(r.found)
    }

    @Test(
        "a mobile number in groups of 3-4-4 is masked whole and keeps its separators",
        arguments: [
            ("138-1234-5678", "138-****-5678"), ("138 1234 5678", "138 **** 5678"),
            ("电话：138 1234 5678，", "电话：138 **** 5678，"), ("Tel: 159-1234-0000", "Tel: 159-****-0000"),
            ("2026年11月25日 138-1234-5678", "2026年11月25日 138-****-5678"),
            ("138-1234 5678", "138-**** 5678"), ("138 1234－5678", "138 ****－5678"),
            ("138-1234-5678 139-1234-5678", "138-****-5678 139-****-5678"),
            ("0533-1234567 138-1234-5678", "0533-1234567 138-****-5678"),
            ("138-1234-5678 2026-11-25", "138-****-5678 2026-11-25"), ("张三 138-1234-5678 2人", "张三 138-****-5678 2人"),
            ("138 1234 5678-1", "138 **** 5678-1"), ("138-1234 5678，139 1234-5678", "138-**** 5678，139 ****-5678"),
            // After a date or a landline: two things side by side.
            ("2026-11-25 138 1234 5678", "2026-11-25 138 **** 5678"),
            ("0533-1234567 138 1234 5678", "0533-1234567 138 **** 5678"),
            ("2026/11/25 138 1234 5678", "2026/11/25 138 **** 5678"),
            ("2026.1.5 138 1234 5678", "2026.1.5 138 **** 5678"),
            ("2026-11-25 138-1234 5678", "2026-11-25 138-**** 5678"),
            ("0533-1234567 138-1234 5678", "0533-1234567 138-**** 5678"),
            ("138 1234 5678 2026-11-25", "138 **** 5678 2026-11-25"),
            // Two numbers side by side, one separator between them.
            ("联系电话 138 1234 5678 139 8765 4321", "联系电话 138 **** 5678 139 **** 4321"),
            ("2026-11-25 138 1234 5678 6222 0212 3456 7890 128", "2026-11-25 138 **** 5678 6222 **** **** ***0 128"),
            ("0533-1234567 138 1234 5678 0533-7654321", "0533-1234567 138 **** 5678 0533-7654321"),
            // A landline with a space between its code and number, before or after.
            ("0533 1234567 138 1234 5678", "0533 1234567 138 **** 5678"),
            ("138 1234 5678 0533 12345678", "138 **** 5678 0533 12345678"),
            // No-break spaces (U+00A0), which text copied from a web page or a word processor carries.
            ("138\u{A0}1234\u{A0}5678", "138\u{A0}****\u{A0}5678"),
            ("电话：0533-1234567\u{A0}138 1234 5678", "电话：0533-1234567\u{A0}138 **** 5678"),
            // The typographic spaces and the dashes a word processor puts for a space or a hyphen.
            ("138\u{202F}1234\u{202F}5678", "138\u{202F}****\u{202F}5678"),
            ("138\u{2007}1234\u{2007}5678", "138\u{2007}****\u{2007}5678"),
            ("138\u{2009}1234\u{2009}5678", "138\u{2009}****\u{2009}5678"),
            ("138\u{200B}1234\u{200B}5678", "138\u{200B}****\u{200B}5678"),
            ("138\u{2011}1234\u{2011}5678", "138\u{2011}****\u{2011}5678"),
            ("138\u{2013}1234\u{2212}5678", "138\u{2013}****\u{2212}5678"),
            // A line break in a cell wrapped by hand (Alt+Enter), LF or CR LF.
            ("当事人手机138\n1234 5678。", "当事人手机138\n**** 5678。"), ("138\r\n1234\r\n5678", "138\r\n****\r\n5678"),
            // Two or three separators typed between groups, as one.
            ("138  1234  5678", "138  ****  5678"), ("138 - 1234 - 5678", "138 - **** - 5678"),
            ("138\u{A0}\u{A0}1234 5678", "138\u{A0}\u{A0}**** 5678"),
            ("0086  138  1234  5678", "0086  138  ****  5678"),
            ("138   1234 5678，139  8765  4321", "138   **** 5678，139  ****  4321"),
            ("6222  0212  3456  7890  128", "6222  ****  ****  ***0  128"),
            // A wider gap than the number's own sets it apart from what follows or goes before.
            ("张三  138 1234 5678  5000", "张三  138 **** 5678  5000"), ("5000  138 1234 5678", "5000  138 **** 5678"),
            ("联系电话 138 1234 5678  2026年11月25日", "联系电话 138 **** 5678  2026年11月25日"),
            ("6222 0212 3456 7890 128  138 1234 5678", "6222 **** **** ***0 128  138 **** 5678"),
            ("138 1234 5678  139 8765 4321  5000", "138 **** 5678  139 **** 4321  5000"),
            ("第2  138 1234 5678", "第2  138 **** 5678"), ("+86 138 1234 5678  5000", "+86 138 **** 5678  5000"),
            // A count, a date or a list's next item after the number.
            ("138 1234 5678 12 件", "138 **** 5678 12 件"), ("138 1234 5678 2人", "138 **** 5678 2人"),
            ("张三 138-1234-5678-3 次", "张三 138-****-5678-3 次"),
            ("138 1234 5678 2026年11月25日", "138 **** 5678 2026年11月25日"),
            ("138 1234 5678 11月25日", "138 **** 5678 11月25日"),
            ("1.张三 138 1234 5678 2.李四 139 8765 4321", "1.张三 138 **** 5678 2.李四 139 **** 4321"),
            ("张三 138 1234 5678 2、李四", "张三 138 **** 5678 2、李四"),
            // A postcode before or after it.
            ("255000 138 1234 5678", "255000 138 **** 5678"), ("邮编 255000 138-1234-5678", "邮编 255000 138-****-5678"),
            ("138 1234 5678 255000", "138 **** 5678 255000"),
        ])
    func groupedMobile(text: String, masked: String) {
        let r = PersonalData.scrub(text)
        #expect(r.text == masked)
        #expect(r.found)
    }

    @Test("full-width numbers are masked; the characters kept stay full-width, the mask is *")
    func fullWidthNumbers() {
        let mobile = PersonalData.scrub("当事人信息：１３８１２３４５６７８。")
        #expect(mobile.text == "当事人信息：１３８****５６７８。")
        #expect(mobile.found)
        let id = PersonalData.scrub("身份证号\(Self.fullWidth(Self.id))")
        #expect(id.text == "身份证号３７０３０３********" + Self.fullWidth(String(Self.id.suffix(4))))
        #expect(id.found)
        let grouped = PersonalData.scrub(Self.fullWidth("138-1234-5678"))
        #expect(grouped.text == "１３８－****－５６７８")
        let spaced = PersonalData.scrub(Self.fullWidth(Self.spacedID))
        #expect(spaced.text == "３７０３０３\u{3000}********\u{3000}" + Self.fullWidth(String(Self.id.suffix(4))))
        #expect(PersonalData.scrub(Self.fullWidth("6222021234567890128")).text == "６２２２***********０１２８")
        #expect(PersonalData.scrub("１3８１2３４５６７８").text == "１3８****５６７８")
    }

    @Test(
        "a Luhn-valid card number in groups of 4 (the last of 1–4) is masked, separators kept",
        arguments: [
            ("6222 0212 3456 7890 128", "6222 **** **** ***0 128"),
            ("6222-0212-3456-7890-128", "6222-****-****-***0-128"),
            ("4111 1111 1111 1111", "4111 **** **** 1111"), ("5500 0000 0000 0004", "5500 **** **** 0004"),
        ])
    func groupedCard(number: String, masked: String) {
        let r = PersonalData.scrub("退款账号：\(number)（农业银行）")
        #expect(r.text == "退款账号：\(masked)（农业银行）")
        #expect(r.found)
    }

    @Test("an ID number typed 6-8-4 (or 6-8-3 and X) with spaces is masked as 370303 ******** 1234")
    func spacedID() throws {
        let r = PersonalData.scrub("身份证号：\(Self.spacedID)，住址略")
        #expect(r.text == "身份证号：370303 ******** \(Self.id.suffix(4))，住址略")
        #expect(r.found)
        var x: String?
        for seq in 100..<300 where x == nil {
            let c = ReferenceID.make(area: "370303", birth: "19851111", sequence: String(seq))
            if c.hasSuffix("X") { x = c }
        }
        let withX = try #require(x)
        let text = "370303\u{3000}19851111\u{3000}\(withX.dropFirst(14).prefix(3))x"
        #expect(
            PersonalData.scrub(text + "。").text == "370303\u{3000}********\u{3000}\(withX.dropFirst(14).prefix(3))x。")
        // Joined by hyphens, the shape is a permit's number (area-date-serial), left as typed.
        #expect(!PersonalData.scrub("370303-19851111-\(withX.dropFirst(14).prefix(3))x").found)
        // So does any hyphen among the separators, first or last.
        let (area, birth, serial) = (Self.id.prefix(6), Self.id.dropFirst(6).prefix(8), Self.id.suffix(4))
        #expect(!PersonalData.scrub("\(area)-\(birth) \(serial)").found)
        #expect(!PersonalData.scrub("\(area) \(birth)-\(serial)").found)
    }

    @Test(
        "look-alikes stay as typed: landlines, codes, document numbers, dates, amounts, wrong groups, other shapes",
        arguments: [
            "0533-1234567", "0533 1234 5678", "010-1234-5678", "400-123-4567", "(0533)12345678",
            "91370303MA3K000193", "罚〔2026〕1号", "周市监罚〔2026〕12号", "2026-11-25 2027-11-24",
            "罚款 1 380 123 元", "编号2026-1105-3312", "1381-234-5678", "138-1234-567", "138 1234 5678 9",
            "9 138 1234 5678", "138 1234 5678 9012", "A138 1234 5678", "138 1234 5678B",
            "128-1234-5678", "8713812345678", "8612812345678", "86138123456789", "+86 128 1234 5678",
            "6222 0212 3456 7890 123", "6222 0212 3456 7890 1280", "2026 1105 3312 4455",
            "6222 02123 4567 890128", "4111 1111 1111 1111 1", "370303 19800101 12345", "370303 1980 0101 1234",
            "１３８１２３４５６７８９", "编号１２８１２３４５６７８", "370306-20260514-0027", "370306－20261019－0061",
            "138-1234 5678-9", "规格 2.5 180 1200 2400", "尺寸 1.5 150 2000 3000 mm", "v1.2 139 1234 5678",
            "1/2 139 0000 1111", "2026-0001 138 1234 5678", "12026-11-25 138 1234 5678", "10533-1234567 138 1234 5678",
            "138 1234 5678 2026-11-251", "138 1234 5678 2026-11-25-3", "138 1234 5678 0533-12345678 9",
            "0086 128 1234 5678", "00861381234567", "10086 138 1234 5678", "0086138123456789",
            "0533 123456 138 1234 5678", "1533 1234567 138 1234 5678", "138 1234 5678 0533 12345678 9",
            // Four separators or more set numbers apart, as columns; two hyphens in a gap are no gap.
            "138    1234    5678", "138 -- 1234 -- 5678",
            // A count is a unit after the number, not more digits; a postcode is six digits standing alone.
            "138 1234 5678 12 34 件", "138 1234 5678 1234 件", "1 255000 138 1234 5678", "2550001 138 1234 5678",
            "138 1234 5678 255000 1", "138 1234 5678 2.5", "规格 180 1200 2400 3 块", "138 1234 5678 12345年",
            // Tabs part the cells of a table pasted into a text.
            "钢板\t180\t1200\t2400", "138\t1234\t5678",
        ])
    func lookAlikes(text: String) {
        let r = PersonalData.scrub(text)
        #expect(r.text == text)
        #expect(!r.found)
    }

    @Test("an invalid ID number typed in groups is left alone")
    func invalidSpacedID() {
        var chars = Array(Self.spacedID)
        chars[chars.count - 1] = chars[chars.count - 1] == "5" ? "6" : "5"
        let text = String(chars)
        #expect(PersonalData.scrub(text).text == text)
        #expect(PersonalData.scrub(Self.spacedID + "B").found == false)
        #expect(PersonalData.scrub("A" + Self.spacedID).found == false)
    }

    @Test("an ID number then, after a wider gap, a mobile: both are masked")
    func idThenMobile() {
        let r = PersonalData.scrub("\(Self.spacedID)  138 1234 5678")
        #expect(r.text == "370303 ******** \(Self.id.suffix(4))  138 **** 5678")
    }

    @Test("an ID number grouped by no-break spaces is masked as one grouped by spaces")
    func noBreakSpacedID() {
        let text = Self.spacedID.replacingOccurrences(of: " ", with: "\u{A0}")
        #expect(PersonalData.scrub(text).text == "370303\u{A0}********\u{A0}\(Self.id.suffix(4))")
    }

    @Test("mayHoldPersonalData finds 11 digits joined by up to three separators or full-width, and no fewer")
    func mayHold() {
        for text in [
            "138-1234-5678", "+86 138 1234 5678", "１３８１２３４５６７８", "１３８－１２３４－５６７８", "1234 5678 9012 3456",
            "138\u{A0}1234\u{A0}5678", "138  1234  5678", "138 - 1234 - 5678", "138\u{2009}1234\u{202F}5678",
            "138\u{2212}1234\u{2011}5678",
        ] {
            #expect(PersonalData.mayHoldPersonalData("电话：" + text), "\(text)")
        }
        for text in ["138    1234    5678", "2026-11-25", "２０２６年１１月２５日", "138-1234-567", "罚款人民币2000元，2026年11月25日"] {
            #expect(!PersonalData.mayHoldPersonalData("电话：" + text), "\(text)")
        }
    }

    @Test("whatever the scanner masks, the byte pre-check lets through; a mask keeps the text's length")
    func preCheckCoversScanner() {
        let alphabet: [Unicode.Scalar] = [
            "1", "3", "8", "6", "2", "0", "4", "5", "X", "a", " ", "-", "+", "(", "\u{3000}", "\u{FF0D}", "１", "３",
            "８", "０", "字", "，", "\u{A0}", "é", "\u{2009}", "\u{2013}", "\u{202F}", "件", "年", ".", "、", "\n", "\r",
        ]
        var rng = LCG(seed: 14)
        var masked = 0
        for _ in 0..<20_000 {
            // Mostly digits, so that numbers of every shape come up.
            let length = Int.random(in: 11...40, using: &rng)
            let scalars = (0..<length).map { _ in
                Bool.random(using: &rng)
                    ? Unicode.Scalar(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng))
                    : alphabet.randomElement(using: &rng) ?? "1"
            }
            let text = String(String.UnicodeScalarView(scalars))
            guard let out = PersonalNumberScanner(scalars: scalars).scrubbed() else { continue }
            masked += 1
            #expect(PersonalData.mayHoldPersonalData(text), "\(text)")
            #expect(out.unicodeScalars.count == scalars.count, "\(text)")
        }
        #expect(masked > 0)
    }
}
