/// Independent reference implementations written from DOMAIN.md §4, to check the production code
/// against, and a seeded generator so that "random" tests are the same on every run.

/// Knuth's MMIX linear congruential generator: deterministic, no global state.
struct LCG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        // The low bits of an LCG are weak; mix the high ones down.
        return (state >> 32) | (state << 32)
    }
    mutating func below(_ n: Int) -> Int { Int(next() >> 1) % n }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// GB 32100-2015 统一社会信用代码, from DOMAIN.md §4.
enum ReferenceUSCC {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// 登记管理部门 → allowed 机构类别.
    static let categories: [Character: String] = [
        "1": "1239", "2": "19", "3": "123459", "4": "19", "5": "1239", "6": "129", "7": "129", "8": "19",
        "9": "123", "A": "19", "N": "1239", "Y": "1",
    ]

    /// Weight of position i (0-based) = 3^i mod 31.
    static func weight(_ i: Int) -> Int {
        var w = 1
        for _ in 0..<i { w = w * 3 % 31 }
        return w
    }

    static func value(_ c: Character) -> Int? { alphabet.firstIndex(of: c) }

    /// 组织机构代码 (GB 11714) check character over 8 characters: weights 3,7,9,10,5,8,4,2; letters A=10 … Z=35.
    static func organizationCheck(_ body: [Character]) -> Character {
        let w = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (i, c) in body.enumerated() {
            let v: Int
            if let d = c.wholeNumberValue {
                v = d
            } else {
                v = Int(c.asciiValue!) - Int(Character("A").asciiValue!) + 10
            }
            sum += v * w[i]
        }
        let r = 11 - sum % 11
        return r == 10 ? "X" : r == 11 ? "0" : Character(String(r))
    }

    static func check(_ first17: [Character]) -> Character {
        var sum = 0
        for (i, c) in first17.enumerated() { sum += value(c)! * weight(i) }
        let r = 31 - sum % 31
        return alphabet[r == 31 ? 0 : r]
    }

    /// Builds a valid code from the authority/category pair, a 6-digit area and an 8-character body.
    static func make(_ authority: String, area: String = "370306", body: String) -> String {
        let first16 = Array(authority + area + body)
        precondition(first16.count == 16)
        let first17 = first16 + [organizationCheck(Array(body))]
        return String(first17 + [check(first17)])
    }

    static func isValid(_ raw: String) -> Bool {
        let c = Array(raw.uppercased())
        guard c.count == 18, c.allSatisfy({ value($0) != nil }) else { return false }
        guard let cats = categories[c[0]], cats.contains(c[1]) else { return false }
        guard c[2..<8].allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        guard organizationCheck(Array(c[8..<16])) == c[16] else { return false }
        return check(Array(c[0..<17])) == c[17]
    }
}

/// GB 11643-1999 居民身份证号码, from DOMAIN.md §4.
enum ReferenceID {
    /// Weight of position i (0-based) = 2^(17 − i) mod 11.
    static func weight(_ i: Int) -> Int {
        var w = 1
        for _ in 0..<(17 - i) { w = w * 2 % 11 }
        return w
    }

    static func check(_ first17: String) -> Character {
        var sum = 0
        for (i, c) in first17.enumerated() { sum += c.wholeNumberValue! * weight(i) }
        return Array("10X98765432")[sum % 11]
    }

    static func make(area: String = "370303", birth: String, sequence: String) -> String {
        let first17 = area + birth + sequence
        precondition(first17.count == 17)
        return first17 + String(check(first17))
    }

    static func isValid(_ raw: String) -> Bool {
        let c = Array(raw.uppercased())
        guard c.count == 18, c[0..<17].allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        guard let y = Int(String(c[6..<10])), let m = Int(String(c[10..<12])), let d = Int(String(c[12..<14])) else {
            return false
        }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard y >= 1900, (1...12).contains(m), d >= 1, d <= lengths[m - 1] else { return false }
        return check(String(c[0..<17])) == c[17]
    }
}
