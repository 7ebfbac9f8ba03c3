import Testing

@testable import GongshiModel

@Suite("组织机构代码 (GB 11714-1997) and 工商注册号")
struct OrganizationCodeTests {
    @Test(
        "the examples of DOMAIN.md §4, with and without the hyphen",
        arguments: ["59467239-9", "594672399", "60003734-1"])
    func valid(code: String) {
        #expect(OrganizationCode.problem(code) == nil)
        #expect(OrganizationCode.isValid(code))
    }

    @Test("a wrong check character is named")
    func wrongCheck() {
        #expect(OrganizationCode.problem("59467239-8") == "校验码应为「9」，实为「8」")
        #expect(!OrganizationCode.isValid("600037342"))
    }

    @Test("a check character X (remainder 10) and 0 (remainder 11)")
    func xAndZero() throws {
        var bodies: [Character: String] = [:]
        for n in 0..<2000 {
            let body = String(10_000_000 + n)
            let c = try #require(UnifiedSocialCreditCode.organizationCheckCharacter(Array(body)[...]))
            if c == "X" || c == "0", bodies[c] == nil { bodies[c] = body + String(c) }
        }
        let x = try #require(bodies["X"])
        let zero = try #require(bodies["0"])
        #expect(OrganizationCode.isValid(x))
        #expect(OrganizationCode.isValid(zero))
    }

    @Test(
        "shapes",
        arguments: [("59467239-9", "594672399"), ("MA62K026-1", "MA62K0261"), ("5946723", nil), ("59467-2399", nil)])
    func shapes(raw: String, shaped: String?) {
        #expect(OrganizationCode.shaped(raw) == shaped)
    }

    @Test("the 组织机构代码 inside a 统一社会信用代码")
    func embedded() {
        #expect(OrganizationCode.embedded(inUSCC: "91110000600037341L") == "600037341")
        #expect(OrganizationCode.isValid("600037341"))
    }

    @Test("a 工商注册号 is 15 digits; its check digit is not verified")
    func registration() {
        #expect(RegistrationNumber.isValid("370306600123456"))
        #expect(RegistrationNumber.isValid("370306600123457"))
        #expect(!RegistrationNumber.isValid("37030660012345"))
        #expect(!RegistrationNumber.isValid("37030660012345A"))
    }
}

@Suite("EntityIdentity: codes read by their shape (SPEC §8.4)")
struct EntityIdentityTests {
    typealias C = EntityIdentity.Column

    @Test("a valid 统一社会信用代码 is the identity; other valid codes are kept")
    func uscc() {
        let id = EntityIdentity(
            [.uscc: "91110000600037341L", .registration: "370306600123456", .organization: "60003734-1"],
            naturalPerson: false)
        #expect(id.uscc == "91110000600037341L")
        #expect(id.registrationNumber == "370306600123456")
        #expect(id.organizationCode == "60003734-1")
        #expect(id.code == "91110000600037341L")
        #expect(id.notes.isEmpty && id.tried.isEmpty)
    }

    @Test("a 15-digit number in the 统一社会信用代码 column is the 工商注册号, with a note")
    func registrationInUSCCColumn() {
        let id = EntityIdentity([.uscc: "370306600123456"], naturalPerson: false)
        #expect(id.uscc == "")
        #expect(id.registrationNumber == "370306600123456")
        #expect(id.code == "370306600123456")
        #expect(id.notes.count == 1)
        #expect(id.notes[0].contains("工商注册号"))
    }

    @Test("a 9-character 组织机构代码 in the 统一社会信用代码 column is read as one")
    func organizationInUSCCColumn() {
        let id = EntityIdentity([.uscc: "59467239-9"], naturalPerson: false)
        #expect(id.organizationCode == "59467239-9")
        #expect(id.code == "594672399")
        #expect(id.notes.count == 1)
    }

    @Test("precedence: 统一社会信用代码, then 组织机构代码, then 工商注册号")
    func precedence() {
        let id = EntityIdentity([.registration: "370306600123456", .organization: "594672399"], naturalPerson: false)
        #expect(id.code == "594672399")
    }

    @Test("a masked code is no code, and is noted and tried")
    func masked() {
        let id = EntityIdentity([.uscc: "9137030*******123X"], naturalPerson: false)
        #expect(!id.isIdentified)
        #expect(id.hasInput)
        #expect(id.notes.count == 1 && id.notes[0].contains("*"))
        #expect(id.tried == ["统一社会信用代码「9137030*******123X」（已打码）"])
    }

    @Test("invalid codes beside a valid one are notes; without one they are what was tried")
    func invalidBeside() {
        let beside = EntityIdentity([.uscc: "91110000600037341L", .organization: "594672398"], naturalPerson: false)
        #expect(beside.isIdentified)
        #expect(beside.organizationCode == "")
        #expect(beside.notes.count == 1 && beside.notes[0].contains("594672398"))
        let alone = EntityIdentity([.uscc: "91110000600037341X", .registration: "3703066001234"], naturalPerson: false)
        #expect(!alone.isIdentified)
        #expect(alone.notes.isEmpty)
        #expect(alone.tried.count == 2)
        #expect(alone.tried[0].hasPrefix("统一社会信用代码「91110000600037341X」"))
        #expect(alone.tried[1].hasPrefix("工商注册号「3703066001234」"))
    }

    @Test("the court lists' 身份证号码/组织机构代码: an ID number is a person's, never read or quoted")
    func mixedColumn() {
        let mistyped = EntityIdentity([.idOrOrganization: "370303199001011239"], naturalPerson: false)
        #expect(!mistyped.tried.joined().contains("370303199001011239"))
        let idNumber = "11010519491231002X"
        let org = EntityIdentity([.idOrOrganization: idNumber], naturalPerson: false)
        #expect(!org.isIdentified)
        #expect(!org.notes.joined().contains(idNumber) && !org.tried.joined().contains(idNumber))
        let code = EntityIdentity([.idOrOrganization: "59467239-9"], naturalPerson: false)
        #expect(code.organizationCode == "59467239-9")
        #expect(code.notes.isEmpty)
        let masked = EntityIdentity([.idOrOrganization: "370303********1234"], naturalPerson: false)
        #expect(masked.personID && masked.tried.isEmpty && masked.notes.isEmpty)
        let maskedCode = EntityIdentity([.idOrOrganization: "1650****-7"], naturalPerson: false)
        #expect(!maskedCode.personID && maskedCode.tried.count == 1)
        let natural = EntityIdentity([.idOrOrganization: "370303********1234"], naturalPerson: true)
        #expect(!natural.hasInput && natural.notes.isEmpty && natural.tried.isEmpty)
    }

    @Test("the placeholder 00000000000000000X is no code")
    func placeholder() {
        let id = EntityIdentity([.uscc: "00000000000000000X", .registration: "370306600123456"], naturalPerson: false)
        #expect(id.placeholder)
        #expect(id.code == "370306600123456")
        #expect(id.notes.isEmpty)
    }
}

/// A court list's mixed 身份证号码/组织机构代码 column (SPEC §8.4, §8.1): an ID number, old or mistyped, is
/// a person's; anything else is a 组织机构代码, never a 工商注册号.
@Suite("The mixed ID/organisation column")
struct MixedColumnTests {
    @Test("a 15-digit number with a valid birth date is an old ID number: a person's, not a 工商注册号")
    func oldIDNumber() {
        #expect(ResidentIDNumber.isOld("370303770227202"))
        let id = EntityIdentity([.idOrOrganization: "370303770227202"], naturalPerson: false)
        #expect(id.personID)
        #expect(id.registrationNumber.isEmpty && !id.isIdentified)
        #expect(id.notes.isEmpty && id.tried.isEmpty)
    }

    @Test("a natural person's old or mistyped ID number in any code column is the person's, never a code")
    func personsNumberInCodeColumns() {
        let mistyped = "37030319800101123" + "0"
        #expect(ResidentIDNumber.isMistyped(mistyped) || ResidentIDNumber.isValid(mistyped))
        for column in [EntityIdentity.Column.registration, .uscc, .organization] {
            for number in ["370303850315201", mistyped] {
                let id = EntityIdentity([column: number], naturalPerson: true)
                #expect(id.personID)
                #expect(!id.isIdentified && id.registrationNumber.isEmpty)
                #expect(id.notes.count == 1 && id.tried.isEmpty)
                #expect(!id.notes.joined().contains(number))
            }
        }
        // 15 digits with an impossible birth date (month 13): a person has no 工商注册号 either.
        let typo = EntityIdentity([.registration: "370303851315201"], naturalPerson: true)
        #expect(typo.personID && typo.registrationNumber.isEmpty && !typo.notes.joined().contains("370303851315201"))
        // An organisation's 工商注册号 may have the shape of an old ID number: it stays its code.
        let company = EntityIdentity([.registration: "370303850315201"], naturalPerson: false)
        #expect(company.registrationNumber == "370303850315201" && !company.personID)
    }

    @Test("15 digits without a birth date there are a failed 组织机构代码, never a 工商注册号")
    func fifteenDigitsNotAnID() {
        #expect(!ResidentIDNumber.isOld("370306991399456"))
        let id = EntityIdentity([.idOrOrganization: "370306991399456"], naturalPerson: false)
        #expect(!id.personID && !id.isIdentified)
        #expect(id.registrationNumber.isEmpty)
        #expect(id.tried.count == 1)
        // The value itself is not quoted: the column may hold a person's number.
        #expect(!id.tried[0].contains("370306991399456"))
        // In its own column the same number still is a 工商注册号.
        #expect(EntityIdentity([.registration: "370306991399456"], naturalPerson: false).isIdentified)
    }

    @Test("an ID number with a wrong check character is a person's, and says why")
    func mistyped() {
        let body = "37030319800101123"
        let valid =
            body
            + String(
                ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"].first { ResidentIDNumber.isValid(body + $0) }
                    ?? "")
        #expect(ResidentIDNumber.isValid(valid))
        let wrong = body + (valid.last == "1" ? "2" : "1")
        #expect(ResidentIDNumber.isMistyped(wrong))
        #expect(!ResidentIDNumber.isMistyped(valid))
        let id = EntityIdentity([.idOrOrganization: wrong], naturalPerson: false)
        #expect(id.personID)
        #expect(id.idProblem.hasPrefix("校验码"))
        #expect(id.tried.isEmpty)
        #expect(!ResidentIDNumber.isMistyped("91370303MA3C4LXX7Q"))
    }
}
