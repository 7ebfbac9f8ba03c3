import ArgumentParser
import Foundation
import GongshiBuild
import GongshiModel

/// `gongshi ledger`: work on the publication ledger.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "公示台账：导入原有系统的公示日期。", subcommands: [LedgerImportCommand.self])
}

/// Appends the publication dates of the system a portal took over from as 导入 events.
///
///     gongshi ledger import 原系统公示记录.xlsx
struct LedgerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "从原有系统导出的表格（CSV 或 .xlsx，列：类型、机关、文书号、公示日期）导入公示日期，追加为台账中的「导入」事件；已有的事件不会改动，对不上的行逐一列出（有此类行时退出码为 1）。")

    @Argument(help: "原有系统导出的公示记录（.csv 或 .xlsx）。") var file: String
    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var dateOption: DateOption

    func run() throws {
        let path = absolutePath(file)
        Interruption.install()
        let result: LedgerImport.Result
        do {
            result = try LedgerImport.run(site: siteOptions.siteRoot, file: path, today: try dateOption.resolve())
        } catch let e as SiteError {
            fail(e)
        }
        FileHandle.standardOutput.write(Data(result.text(file: file).utf8))
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}
