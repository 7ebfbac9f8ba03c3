import Testing

@testable import GongshiModel

@Suite("ResidentIDNumber (GB 11643-1999)")
struct ResidentIDNumberTests {
    @Test("an ID number in a 税务登记号 or another code column: 18 characters, with two digits after, or old")
    func heldInCode() {
        let id = "360426199101010071"
        for person in [true, false] {
            #expect(ResidentIDNumber.isHeldInCode(id, person: person))
            #expect(ResidentIDNumber.isHeldInCode(id + "01", person: person))  // a 个体工商户's 税务登记号 before 2015
            #expect(ResidentIDNumber.isHeldInCode("360426199101010072", person: person))  // mistyped check character
            #expect(ResidentIDNumber.isHeldInCode("37030619830415116X".lowercased(), person: person))
            #expect(ResidentIDNumber.isHeldInCode("370303800101123", person: person))  // old, last nine no 组织机构代码
            #expect(ResidentIDNumber.isHeldInCode("37030380010112301", person: person))  // old and a sequence
            #expect(ResidentIDNumber.isHeldInCode("360426-19910101-0071", person: person))
            // With words or brackets around it, or as Excel showed it as a number.
            #expect(ResidentIDNumber.isHeldInCode("鲁税字\(id)号", person: person))
            #expect(ResidentIDNumber.isHeldInCode(id + "（01）", person: person))
            #expect(ResidentIDNumber.isHeldInCode(id + ".0", person: person))
            #expect(ResidentIDNumber.isHeldInCode("3.60426199101010E+17", person: person))
            #expect(!ResidentIDNumber.isHeldInCode("事证第137030000123号", person: person))
            #expect(!ResidentIDNumber.isHeldInCode("91370306MA3C10017X", person: person))
            #expect(ResidentIDNumber.isHeldInCode(id + "AB", person: person))
            #expect(!ResidentIDNumber.isHeldInCode("鲁税字370306号", person: person))
            #expect(!ResidentIDNumber.isHeldInCode("", person: person))
        }
        // An area code and a valid 组织机构代码 (800101125) is an organisation's 税务登记号, a person's ID
        // number in a person's row.
        #expect(!ResidentIDNumber.isHeldInCode("370306800101125", person: false))
        #expect(!ResidentIDNumber.isHeldInCode("370306-80010112-5", person: false))
        #expect(ResidentIDNumber.isHeldInCode("370306800101125", person: true))
    }

    @Test("the example of DOMAIN.md §4 is valid")
    func knownValid() {
        #expect(ResidentIDNumber.isValid("360426199101010071"))
        #expect(ResidentIDNumber.problem("360426199101010071") == nil)
        #expect(ReferenceID.make(area: "360426", birth: "19910101", sequence: "007") == "360426199101010071")
    }

    @Test("a wrong check character is rejected and the right one named")
    func wrongCheck() throws {
        for last in ["0", "2", "9", "X"] {
            #expect(!ResidentIDNumber.isValid("36042619910101007" + last))
        }
        let problem = try #require(ResidentIDNumber.problem("360426199101010072"))
        #expect(problem.contains("1"))
    }

    @Test(
        "a birth date that does not exist is rejected even with a right check character",
        arguments: ["19910230", "19910013", "19911301", "19910100", "20250229", "19900431"])
    func badBirthDate(birth: String) {
        let id = ReferenceID.make(area: "360426", birth: birth, sequence: "007")
        #expect(!ResidentIDNumber.isValid(id))
    }

    @Test("a leap-day birth date is valid")
    func leapDay() {
        #expect(ResidentIDNumber.isValid(ReferenceID.make(birth: "20000229", sequence: "123")))
    }

    @Test("check character X, in upper or lower case")
    func checkX() throws {
        var id: String?
        for seq in 100..<200 {
            let candidate = ReferenceID.make(birth: "19900101", sequence: String(seq))
            if candidate.hasSuffix("X") {
                id = candidate
                break
            }
        }
        let x = try #require(id)
        #expect(ResidentIDNumber.isValid(x))
        #expect(ResidentIDNumber.isValid(x.lowercased()))
        #expect(!ResidentIDNumber.isValid(String(x.dropLast()) + "0"))
    }

    @Test(
        "wrong length or characters",
        arguments: [
            "", "36042619910101007", "3604261991010100711", "36042619910101007A", "3604261991O1010071",
            "360426 99101010071",
            "360426910101007",  // an old 15-digit number is not accepted as a current ID number
        ])
    func malformed(id: String) {
        #expect(!ResidentIDNumber.isValid(id))
    }

    @Test("agrees with the independent implementation on 5000 generated numbers")
    func agreesWithReference() {
        var rng = LCG(seed: 11_643)
        var valid = 0
        for n in 0..<5000 {
            let y = 1900 + rng.below(126)
            let m = 1 + rng.below(13)
            let d = 1 + rng.below(31)
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let birth = "\(y)\(two(m))\(two(d))"
            let seq = String(100 + rng.below(900))
            var id = ReferenceID.make(area: String(110_000 + rng.below(550_000)), birth: birth, sequence: seq)
            if n % 2 == 1 {
                var chars = Array(id)
                chars[rng.below(18)] = rng.pick(Array("0123456789X"))
                id = String(chars)
            }
            let expected = ReferenceID.isValid(id)
            #expect(ResidentIDNumber.isValid(id) == expected, "\(id)")
            if expected { valid += 1 }
        }
        #expect(valid > 1000)
        #expect(valid < 4000)
    }
}
