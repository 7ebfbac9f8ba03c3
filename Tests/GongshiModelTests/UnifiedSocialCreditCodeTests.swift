import Testing

@testable import GongshiModel

@Suite("UnifiedSocialCreditCode (GB 32100-2015)")
struct UnifiedSocialCreditCodeTests {
    @Test("the worked examples of DOMAIN.md §4 are valid", arguments: ["91512081MA62K0260E", "91110000600037341L"])
    func knownValid(code: String) {
        #expect(UnifiedSocialCreditCode.problem(code) == nil)
        #expect(UnifiedSocialCreditCode.isValid(code))
        #expect(ReferenceUSCC.isValid(code))
    }

    @Test("the reference helper reproduces the worked examples")
    func referenceHelper() {
        #expect(ReferenceUSCC.make("91", area: "512081", body: "MA62K026") == "91512081MA62K0260E")
        #expect(ReferenceUSCC.make("91", area: "110000", body: "60003734") == "91110000600037341L")
        #expect(ReferenceUSCC.organizationCheck(Array("59467239")) == "9")
    }

    @Test("codes of the later authorities A, N and Y, and of every authority/category pair")
    func laterAuthorities() {
        let pairs = [
            "A1", "A9", "N1", "N2", "N3", "N9", "Y1", "11", "12", "13", "19", "21", "29", "31", "35", "39", "41",
            "51", "52", "53", "59", "61", "62", "71", "72", "81", "89", "91", "92", "93",
        ]
        for (n, pair) in pairs.enumerated() {
            let code = ReferenceUSCC.make(pair, area: "370306", body: "MA3C4L\(10 + n)")
            #expect(UnifiedSocialCreditCode.isValid(code), "\(code) (\(pair)) should be valid")
        }
    }

    @Test("an embedded 组织机构代码 check character X is valid")
    func organizationCheckX() throws {
        var found: String?
        for n in 0..<1000 {
            let body = "1234" + String(1000 + n)
            if ReferenceUSCC.organizationCheck(Array(body)) == "X" {
                found = ReferenceUSCC.make("91", body: body)
                break
            }
        }
        let code = try #require(found)
        #expect(Array(code)[16] == "X")
        #expect(UnifiedSocialCreditCode.isValid(code))
    }

    @Test("lower case and surrounding-free codes are accepted after upper-casing (SPEC §7 Codes)")
    func lowerCase() {
        #expect(UnifiedSocialCreditCode.isValid("91512081ma62k0260e"))
        #expect(UnifiedSocialCreditCode.isValid("91110000600037341l"))
    }

    @Test("a wrong final check character is rejected and named")
    func wrongCheck() throws {
        #expect(!UnifiedSocialCreditCode.isValid("91512081MA62K0260F"))
        #expect(!UnifiedSocialCreditCode.isValid("91110000600037341M"))
        let problem = try #require(UnifiedSocialCreditCode.problem("91512081MA62K0260F"))
        #expect(problem.contains("E"))
    }

    @Test("letters I, O, Z, S, V are not in the alphabet", arguments: ["I", "O", "Z", "S", "V"])
    func forbiddenLetters(letter: String) throws {
        // Put the letter in the body, and make every other check right, so only the alphabet fails.
        var chars = Array("91512081MA62K0260E")
        chars[9] = Character(letter)
        let code = String(chars)
        #expect(!UnifiedSocialCreditCode.isValid(code))
        let problem = try #require(UnifiedSocialCreditCode.problem(code))
        #expect(problem.contains(letter))
        #expect(!UnifiedSocialCreditCode.isValid("91512081MA62K0260" + letter))
    }

    @Test(
        "wrong length", arguments: ["", "91512081MA62K0260", "91512081MA62K0260EE", "9151208", "915120811MA62K0260E"])
    func wrongLength(code: String) {
        #expect(!UnifiedSocialCreditCode.isValid(code))
        #expect(UnifiedSocialCreditCode.problem(code)?.contains("18") == true)
    }

    @Test("a wrong embedded 组织机构代码 check character is rejected even when the final check is right")
    func wrongOrganizationCheck() throws {
        // 91512081MA62K026 + '0' is right; use '1' and recompute the final character.
        let first17 = Array("91512081MA62K0261")
        let code = String(first17 + [ReferenceUSCC.check(first17)])
        #expect(!UnifiedSocialCreditCode.isValid(code))
        let problem = try #require(UnifiedSocialCreditCode.problem(code))
        #expect(problem.contains("组织机构代码"))
        #expect(!ReferenceUSCC.isValid(code))
    }

    @Test("invalid authority, category or area, with a right check character")
    func invalidStructure() {
        func fixed(_ s: String) -> String {
            let a = Array(s)
            return String(a + [ReferenceUSCC.check(a)])
        }
        let orgOK = "MA62K0260"
        #expect(!UnifiedSocialCreditCode.isValid(fixed("B1512081" + orgOK)))  // no authority B
        #expect(!UnifiedSocialCreditCode.isValid(fixed("04512081" + orgOK)))  // no authority 0
        #expect(!UnifiedSocialCreditCode.isValid(fixed("94512081" + orgOK)))  // 工商 has categories 1–3
        #expect(!UnifiedSocialCreditCode.isValid(fixed("Y2512081" + orgOK)))  // Y has category 1 only
        #expect(!UnifiedSocialCreditCode.isValid(fixed("915A2081" + orgOK)))  // area must be digits
        #expect(UnifiedSocialCreditCode.isValid(fixed("93512081" + orgOK)))
    }

    @Test("the 个体工商户 placeholder is not itself a valid code")
    func placeholder() {
        #expect(UnifiedSocialCreditCode.none == "00000000000000000X")
        #expect(!UnifiedSocialCreditCode.isValid(UnifiedSocialCreditCode.none))
    }

    @Test("agrees with the independent implementation on 6000 generated codes")
    func agreesWithReference() {
        var rng = LCG(seed: 20_261_120)
        let alphabet = ReferenceUSCC.alphabet.map(String.init)
        let noise = alphabet + ["I", "O", "Z", "S", "V", "a", "-"]
        let pairs = ReferenceUSCC.categories.flatMap { k, v in v.map { String(k) + String($0) } }.sorted()
        var valid = 0
        var invalid = 0
        for n in 0..<6000 {
            var code: String
            switch n % 3 {
            case 0:
                // Valid by construction.
                let body = (0..<8).map { _ in rng.pick(alphabet) }.joined()
                let area = (0..<6).map { _ in String(rng.below(10)) }.joined()
                code = ReferenceUSCC.make(rng.pick(pairs), area: area, body: body)
            case 1:
                // Valid, then one character changed (or not, when the pick is the same character).
                let body = (0..<8).map { _ in rng.pick(alphabet) }.joined()
                var chars = Array(ReferenceUSCC.make(rng.pick(pairs), body: body))
                chars[rng.below(18)] = Character(rng.pick(noise))
                code = String(chars)
            default:
                // Anything: a known pair, random rest (valid about 1 time in 341).
                code = rng.pick(pairs) + (0..<16).map { _ in rng.pick(n % 2 == 0 ? alphabet : noise) }.joined()
            }
            let expected = ReferenceUSCC.isValid(code)
            #expect(UnifiedSocialCreditCode.isValid(code) == expected, "\(code)")
            #expect((UnifiedSocialCreditCode.problem(code) == nil) == expected, "\(code)")
            if expected { valid += 1 } else { invalid += 1 }
        }
        #expect(valid >= 2000)
        #expect(invalid > 2000)
    }

    @Test("the byte check accepts exactly the codes the character check finds nothing wrong with")
    func byteCheckAgrees() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXYabcxyzIOSVZ*- ")
        var valid = 0
        for n in 0..<20_000 {
            // Valid codes, then each with one character changed (most become invalid).
            let body = String((0..<8).map { _ in alphabet[Int.random(in: 0..<31, using: &rng)] })
            let pair = ["91", "11", "A1", "N3", "Y1", "52", "93", "31"][n % 8]
            var code = Array(ReferenceUSCC.make(pair, area: "370306", body: body))
            if n % 2 == 1 {
                code[Int.random(in: 0..<18, using: &rng)] = alphabet.randomElement(using: &rng) ?? "0"
            }
            if n % 5 == 4 { code = code.map { Character($0.lowercased()) } }
            let s = String(code)
            let expected = ReferenceUSCC.isValid(s)
            #expect(UnifiedSocialCreditCode.isValidASCII(s) == expected, "\(s)")
            #expect(UnifiedSocialCreditCode.isValid(s) == expected, "\(s)")
            if expected { valid += 1 }
        }
        #expect(valid > 8_000)
    }

    @Test("isNone is == 00000000000000000X")
    func isNone() {
        #expect(UnifiedSocialCreditCode.isNone("00000000000000000X"))
        for v in ["", "00000000000000000x", "0000000000000000X", "区市场监管局", "91370306MA3C4LXX7Q"] {
            #expect(!UnifiedSocialCreditCode.isNone(v), "\(v)")
        }
    }
}
