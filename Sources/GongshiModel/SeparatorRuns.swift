/// A text's scalars as ``PersonalNumberScanner`` reads them: each run of two or three separators between
/// two digits (`138  1234  5678`, `138 - 1234 - 5678`, as typed to line numbers up) read as one, so
/// that a number's groups are joined by one separator whatever was typed between them.
struct SeparatorRuns {
    /// The text as typed.
    let text: [Unicode.Scalar]
    /// The scalars read: the text's, each run joined into its hyphen, or its first space when it has none.
    let scalars: [Unicode.Scalar]
    /// The position in the text of each scalar read (nil: no run was joined, the positions are the same).
    let positions: [Int]?

    /// The most separators read as one: a longer gap sets numbers apart, as columns of a table.
    static let longest = 3

    init(_ text: [Unicode.Scalar]) {
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var positions: [Int] = []
        var joined = false
        var i = 0
        while i < text.count {
            let run = Self.run(in: text, at: i)
            guard run > 1 else {
                if joined {
                    scalars.append(text[i])
                    positions.append(i)
                }
                i += 1
                continue
            }
            if !joined {
                // The first run: the text before it is read as it is.
                scalars = Array(text[..<i])
                positions = Array(0..<i)
                joined = true
            }
            let part = text[i..<i + run]
            scalars.append(part.first { PersonalNumberScanner.isHyphen($0) } ?? text[i])
            positions.append(i)
            i += run
        }
        self.scalars = joined ? scalars : text
        self.positions = joined ? positions : nil
    }

    /// The length of the run of separators at `i` that is read as one: 2 to ``longest`` separators, at most
    /// one of them a hyphen, between two digits; 1 otherwise.
    private static func run(in text: [Unicode.Scalar], at i: Int) -> Int {
        guard i > 0, PersonalNumberScanner.digit(text[i - 1]) != nil else { return 1 }
        var end = i
        var hyphens = 0
        while end < text.count, end - i <= longest, PersonalNumberScanner.isSeparator(text[end]) {
            if PersonalNumberScanner.isHyphen(text[end]) { hyphens += 1 }
            end += 1
        }
        let n = end - i
        guard n >= 2, n <= longest, hyphens <= 1, end < text.count, PersonalNumberScanner.digit(text[end]) != nil
        else { return 1 }
        return n
    }

    /// The position in the text of the scalar read at `k`.
    func position(_ k: Int) -> Int { positions?[k] ?? k }

    /// The scalars typed for the one read at `k`: the whole run when it joins one.
    func gap(at k: Int) -> ArraySlice<Unicode.Scalar> {
        guard let positions else { return text[k...k] }
        return text[positions[k]..<(k + 1 < positions.count ? positions[k + 1] : text.count)]
    }

    /// Whether the scalar read at `k` stands for a run of separators.
    func isJoined(_ k: Int) -> Bool { gap(at: k).count > 1 }
}
