import ArgumentParser
import GongshiRules

/// Prints the rules reference (Markdown), from which Documentation/rules.md is made.
///
///     gongshi rules > Documentation/rules.md
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "打印规则说明（Markdown），即 Documentation/rules.md。")

    func run() throws { print(RulesReference.markdown(), terminator: "") }
}
