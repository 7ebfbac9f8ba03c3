import ArgumentParser
import Foundation
import GongshiBuild
import GongshiModel

/// Checks the site's data against the disclosure rules and reports every finding.
///
///     gongshi check --date 2026-11-25 --department scjgj
///     gongshi check --format json > findings.json
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "按公示规则检查数据，按部门和文件列出问题（有错误时退出码为 1）。")

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var dateOption: DateOption
    @Option(name: .long, help: "只看某个部门（departments.csv 中的编码、名称或别名）。")
    var department: String?
    @Option(name: .long, help: "只看某一级别及更严重的问题：error（错误）、warning（警告及以上）或 info（全部）。")
    var severity: Severity?
    @Option(name: .long, help: "输出格式：text 或 json。")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    /// `--severity`: the least severe level shown.
    enum Severity: String, ExpressibleByArgument {
        case error, warning, info

        var levels: Set<Finding.Level> {
            switch self {
            case .error: return [.fatal, .error]
            case .warning: return [.fatal, .error, .warning]
            case .info: return Set(Finding.Level.allCases)
            }
        }
    }

    func run() throws {
        let date = try dateOption.resolve()
        let report: CheckReport
        do {
            report = try CheckReport.make(
                site: siteOptions.siteRoot, date: date, department: department,
                severities: severity?.levels)
        } catch {
            fail(error)
        }
        let out = format == .json ? report.json() : report.text(color: isatty(STDOUT_FILENO) != 0)
        FileHandle.standardOutput.write(Data(out.utf8))
        if report.errors > 0 { throw ExitCode(1) }
    }
}
