/// The Chinese names of rule ids, from each rule's own ``RuleInfo``.
public enum RuleTitles {
    static let titles: [String: String] = Dictionary(
        allRules.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })

    /// The Chinese name of a rule id (the id itself when no rule has it).
    public static func title(_ rule: String) -> String { titles[rule] ?? rule }
}
