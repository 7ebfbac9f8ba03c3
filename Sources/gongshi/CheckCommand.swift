import ArgumentParser
import Foundation
import GongshiBuild
import GongshiContent

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
    @Option(name: .long, help: "只看某个部门（departments.csv 中的编码）。")
    var department: String?
    @Option(name: .long, help: "输出格式：text 或 json。")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let date = try dateOption.resolve()
        let report: CheckReport
        do { report = try CheckReport.make(site: siteOptions.siteRoot, date: date, department: department) } catch {
            fail(error)
        }
        let out = format == .json ? report.json() : report.text(color: isatty(STDOUT_FILENO) != 0)
        FileHandle.standardOutput.write(Data(out.utf8))
        if report.errors > 0 { throw ExitCode(1) }
    }
}
