import Foundation
import GongshiModel
import GongshiRules

/// Totals of 罚款金额（万元） and of 没收违法所得、没收非法财物的金额（万元） of the public penalties, by
/// 处罚类别 and by 违法行为类型, for `/tongji/`. (The confiscations have their own column: a row
/// 没收违法所得 showing only the fines of its decisions was read as the sum confiscated.)
///
/// Summed as decimals (amounts such as 0.02 万元 must add up exactly). A penalty of several categories
/// (罚款；没收违法所得) counts under each, so the rows of the category table may add up to more than
/// the total; an amount that is not a number is left out of the sums and counted apart.
struct FineTotals {
    struct Row {
        let name: String
        var decisions = 0
        var fined = 0
        var amount = Decimal(0)
        var confiscated = Decimal(0)
    }

    let byCategory: [Row]
    let byViolation: [Row]
    let total: Row
    /// Penalties whose 罚款金额 or 没收金额 is not empty and not a number.
    let unreadable: Int

    init(_ records: [PublishedRecord]) {
        var categories: [String: Row] = [:]
        var violations: [String: Row] = [:]
        var total = Row(name: "合计")
        var unreadable = 0
        for r in records where r.kind == .xzcf {
            let (amount, fineUnreadable) = FineTotals.amount(r, .fineAmount)
            let (confiscated, confiscationUnreadable) = FineTotals.amount(r, .confiscatedAmount)
            if fineUnreadable || confiscationUnreadable { unreadable += 1 }
            func add(_ row: inout Row) {
                row.decisions += 1
                if let a = amount, a > 0 {
                    row.fined += 1
                    row.amount += a
                }
                if let c = confiscated, c > 0 { row.confiscated += c }
            }
            add(&total)
            for c in FilterShards.categories(r) { add(&categories[c, default: Row(name: c)]) }
            let v = r.title.trimmingWhitespace().isEmpty ? FilterShards.unspecified : r.title.trimmingWhitespace()
            add(&violations[v, default: Row(name: v)])
        }
        // Largest amount first; ties by number of decisions, then by name, so the order is stable.
        func ordered(_ d: [String: Row]) -> [Row] {
            d.values.sorted { ($0.amount, $0.decisions, $1.name) > ($1.amount, $1.decisions, $0.name) }
        }
        byCategory = ordered(categories)
        byViolation = ordered(violations)
        self.total = total
        self.unreadable = unreadable
    }

    /// The amount `field` of `r` (nil when empty or not a number), and whether it is not a number.
    static func amount(_ r: PublishedRecord, _ field: Field) -> (Decimal?, unreadable: Bool) {
        let raw = r.value(field).trimmingWhitespace()
        guard !raw.isEmpty else { return (nil, false) }
        let amount = parse(raw)
        return (amount, amount == nil)
    }

    /// A plain decimal number (`0.5`, `12`, `1,000.25`, ``FineAmount/plainDecimal(_:)``); nil for
    /// anything else (what `bad-value` reports).
    static func parse(_ s: String) -> Decimal? {
        FineAmount.plainDecimal(s).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
    }

    /// At most four decimals, no trailing zeros, no grouping: `36.52`, `0.0025`, `1200`.
    static func format(_ d: Decimal) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 4, .plain)
        return NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    static func values(_ r: Row) -> TemplateObject {
        [
            "name": r.name, "decisions": r.decisions, "fined": r.fined, "amount": format(r.amount),
            "confiscated": format(r.confiscated),
        ]
    }

    static func json(_ r: Row, key: String) -> [String: Any] {
        [
            key: r.name, "决定数": r.decisions, "罚款决定数": r.fined, Field.fineAmount.name: Double(format(r.amount)) ?? 0,
            Field.confiscatedAmount.name: Double(format(r.confiscated)) ?? 0,
        ]
    }
}
