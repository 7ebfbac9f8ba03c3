import Foundation

/// Puts ArgumentParser's own English words (help headings, usage errors) into Chinese, so that every
/// line a webmaster reads from `gongshi` is Chinese. The library has no localisation hook: its help and
/// error texts are rewritten phrase by phrase; anything not recognised passes through unchanged.
enum ChineseMessages {
    /// Whole phrases, replaced wherever they occur.
    static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "简介："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本号。"),
        ("Please provide a subcommand.", "请给出子命令。"),
    ]

    /// Patterns with one or two quoted parts (`'…'`), rewritten around them.
    static let patterns: [(NSRegularExpression, String)] = [
        (#"Error: "#, "错误："),
        (#"^Help:  "#, "说明："),
        (#"^Usage: "#, "用法："),
        (#"See '([^']+)' for more information\."#, "用 $1 查看更多说明。"),
        (#"See '([^']+)' for detailed help\."#, "用 $1 查看子命令的详细说明。"),
        (#"<subcommand>"#, "<子命令>"),
        (#"Unknown option '([^']+)'"#, "未知的选项「$1」"),
        (#"\. Did you mean '([^']+)'\?"#, "。是否要用「$1」？"),
        (#"Did you mean '([^']+)'\?"#, "是否要用「$1」？"),
        (#"Unexpected argument '([^']+)'"#, "多余的参数「$1」"),
        (#"\d+ unexpected arguments: (.+)$"#, "多余的参数：$1"),
        (#"Unexpected arguments? (.+)$"#, "多余的参数 $1"),
        (#"Missing value for '([^']+)'"#, "选项「$1」缺少取值"),
        (#"Missing expected argument '([^']+)'"#, "缺少参数「$1」"),
        (#"The value '([^']*)' is invalid for '([^']+)'"#, "「$2」不接受取值「$1」"),
        (#"Value to be set with flag '([^']+)' had already been set with flag '([^']+)'"#, "「$1」与「$2」重复"),
        (#"Unknown subcommand '([^']+)'"#, "未知的子命令「$1」"),
        (#"\(default: ([^)]*)\)"#, "（默认：$1）"),
        (#"\(values: ([^)]*)\)"#, "（可选：$1）"),
    ].compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])).map { ($0, template) }
    }

    /// The subcommands of `gongshi`, for a first word that names none (`gongshi buidl`), which
    /// ArgumentParser reports as an extra argument.
    static let subcommands = Gongshi.configuration.subcommands.compactMap { $0.configuration.commandName }

    /// `message` with an unknown first word said as such, and the subcommands listed.
    static func namingSubcommands(_ message: String, arguments: ArraySlice<String>) -> String {
        guard let first = arguments.first, !first.hasPrefix("-"), !subcommands.contains(first), first != "help",
            message.contains("多余的参数「\(first)」")
        else { return message }
        return message.replacingOccurrences(
            of: "多余的参数「\(first)」",
            with: "未知的子命令「\(first)」（可用：\(subcommands.joined(separator: "、"))）")
    }

    /// The Chinese form of an ArgumentParser message (help, usage error or version).
    static func translate(_ text: String) -> String {
        var s = text
        for (english, chinese) in phrases { s = s.replacingOccurrences(of: english, with: chinese) }
        for (regex, template) in patterns {
            let range = NSRange(s.startIndex..., in: s)
            s = regex.stringByReplacingMatches(in: s, range: range, withTemplate: template)
        }
        return s
    }
}
