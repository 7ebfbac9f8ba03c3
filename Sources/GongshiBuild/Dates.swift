import Foundation
import GongshiModel

/// Today in Asia/Shanghai: the default `--date`.
public func todayInShanghai(now: Date = Date()) -> LocalDate {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
    let c = cal.dateComponents([.year, .month, .day], from: now)
    return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
}
