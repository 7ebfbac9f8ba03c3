import ArgumentParser
import Foundation
import GongshiBuild
import GongshiModel

/// `gongshi`: builds a credit-publicity portal from departments' disclosure data.
@main
struct Gongshi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "信用公示网站生成器：检查双公示与红黑名单数据，生成静态网站。",
        version: GongshiVersion.current,
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self,
            LedgerCommand.self,
            RulesCommand.self,
        ]
    )
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "站点文件夹（含 Content/ 和 Templates/），默认当前文件夹。")
    var site: String = "."

    var siteRoot: String { absolutePath(site) }
}

/// `path` made absolute from the current folder, `.` and `..` resolved.
func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        .standardizedFileURL.path
}

/// `--date`, defaulting to today in Asia/Shanghai.
struct DateOption: ParsableArguments {
    @Option(name: .long, help: "构建日期 YYYY-MM-DD，默认北京时间今天。")
    var date: String?

    func resolve() throws -> LocalDate {
        guard let text = date else { return todayInShanghai() }
        guard let d = LocalDate(parsing: text) else {
            throw ValidationError("--date「\(text)」不是有效日期，应为 YYYY-MM-DD")
        }
        return d
    }
}

/// Prints a fatal message to standard error and exits with status 2 (or `status`, 128 + the signal
/// for an interrupted build).
func fail(_ error: SiteError, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("gongshi: \(error.description)\n".utf8))
    exit(status)
}

extension Gongshi {
    /// Runs the command, mapping ArgumentParser's usage errors (64) to exit status 2 (SPEC §4).
    static func main() async {
        // `gongshi help bogus` printed the main help with status 0: a typo in `help` is an unknown subcommand.
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "help", let asked = arguments.dropFirst().first, !asked.hasPrefix("-"),
            !ChineseMessages.subcommands.contains(asked)
        {
            let known = ChineseMessages.subcommands.joined(separator: "、")
            FileHandle.standardError.write(Data("错误：未知的子命令「\(asked)」（可用：\(known)）\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            if code == ExitCode(1) || code == ExitCode(2) { exit(withError: error) }
            var message = ChineseMessages.translate(fullMessage(for: error))
            message = ChineseMessages.namingSubcommands(message, arguments: CommandLine.arguments.dropFirst())
            if code == .success {
                // --help and --version: the text on standard output, status 0.
                if !message.isEmpty { FileHandle.standardOutput.write(Data((message + "\n").utf8)) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
    }
}
