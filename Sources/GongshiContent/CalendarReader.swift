import Foundation
import GongshiModel
import Yams

/// One calendar file as read: its year's holidays and make-up working days, not yet in any calendar.
public struct CalendarYear: Sendable, Equatable {
    public let year: Int
    public let holidays: [LocalDate]
    public let workdays: [LocalDate]
}

/// Reads `Content/calendar/YYYY.yml`: `year`, `holidays` and `workdays`, each a list of dates or
/// inclusive `A..B` ranges.
public enum CalendarReader {
    /// Reads one file and adds its year to `calendar` only when the whole file is valid: holidays are
    /// never guessed, so a file with one bad entry adds nothing, not the entries before it.
    public static func read(text: String, file: String, into calendar: inout WorkdayCalendar) throws(SiteError) {
        calendar.add(try year(text: text, file: file))
    }

    /// The year a calendar file states, when the file name is one (`Content/calendar/2027.yml`): what a
    /// broken file leaves without a calendar.
    public static func fileYear(_ file: String) -> Int? {
        Int(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
            .flatMap { WorkdayCalendar.supportedYears.contains($0) ? $0 : nil }
    }

    /// One file read whole into a value of its own, or the first error in it with its line.
    public static func year(text: String, file: String) throws(SiteError) -> CalendarYear {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw SiteError(
                file: file, line: SettingsReader.yamlLine(error),
                message: "节假日文件不是有效的 YAML：\(YAMLErrorText.describe(error))")
        }
        guard let map = node?.mapping else {
            throw SiteError(file: file, line: 1, message: "节假日文件应含 year、holidays、workdays")
        }
        let fileYear = Int(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
        guard let yearText = map["year"]?.scalar?.string else {
            throw SiteError(file: file, line: 1, message: "缺少「year」")
        }
        guard let year = Int(yearText) else {
            throw SiteError(
                file: file, line: map["year"]?.mark?.line ?? 1, message: "「year」应为年份（如 2026），实为「\(yearText)」")
        }
        guard WorkdayCalendar.supportedYears.contains(year) else {
            throw SiteError(
                file: file, line: map["year"]?.mark?.line ?? 0, message: "「year: \(year)」不是有效的年份（应为 1–9999）")
        }
        if let fy = fileYear, fy != year {
            throw SiteError(file: file, line: map["year"]?.mark?.line ?? 0, message: "文件名是 \(fy) 年，内容却写 year: \(year)")
        }
        for (k, _) in map {
            let key = k.scalar?.string ?? ""
            if !["year", "holidays", "workdays"].contains(key) {
                throw SiteError(file: file, line: k.mark?.line ?? 0, message: "未知的键「\(key)」（可用：year、holidays、workdays）")
            }
        }
        func dates(_ key: String) throws(SiteError) -> [LocalDate] {
            guard let n = map[key] else { return [] }
            if n.scalar?.string == "" || n.scalar?.string == "null" { return [] }
            guard let seq = n.sequence else {
                throw SiteError(file: file, line: n.mark?.line ?? 0, message: "「\(key)」应为日期列表")
            }
            var out: [LocalDate] = []
            for item in seq {
                let line = item.mark?.line ?? 0
                guard let text = item.scalar?.string else {
                    throw SiteError(file: file, line: line, message: "「\(key)」的条目应为日期或 A..B 区间")
                }
                let parts = text.components(separatedBy: "..")
                guard parts.count <= 2, let a = LocalDate(parsing: parts[0]),
                    let b = LocalDate(parsing: parts[parts.count - 1]), a <= b
                else {
                    throw SiteError(file: file, line: line, message: "「\(text)」不是有效的日期或 A..B 区间")
                }
                guard a.year == year, b.year == year else {
                    throw SiteError(file: file, line: line, message: "「\(text)」不在 \(year) 年内")
                }
                for d in a.dayNumber...b.dayNumber { out.append(LocalDate(dayNumber: d)) }
            }
            return out
        }
        return CalendarYear(year: year, holidays: try dates("holidays"), workdays: try dates("workdays"))
    }
}

extension WorkdayCalendar {
    /// Adds a year read whole by ``CalendarReader/year(text:file:)``.
    public mutating func add(_ y: CalendarYear) {
        add(year: y.year, holidays: y.holidays, workdays: y.workdays)
    }
}
