import GongshiModel
import Yams

/// A YAML syntax error in Chinese, for a webmaster: where it is (line and column), what libyaml found,
/// and the offending line. libyaml's own problem texts are English; the common ones are put into
/// Chinese and any other is quoted as it is.
public enum YAMLErrorText {
    static let problems: [(String, String)] = [
        ("did not find expected ',' or ']'", "方括号列表中缺少「,」或「]」"),
        ("did not find expected ',' or '}'", "花括号中缺少「,」或「}」"),
        ("mapping values are not allowed in this context", "此处不能写「键: 值」（可能是缩进不对，或值里含有冒号需要加引号）"),
        ("did not find expected key", "缺少预期的键（请检查缩进是否对齐）"),
        ("could not find expected ':'", "缺少「:」"),
        ("found character that cannot start any token", "有不能出现在此处的字符（如制表符 Tab 或 @、`，请改用空格或给值加引号）"),
        ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
        ("did not find expected node content", "缺少内容"),
        ("found undefined tag handle", "使用了未定义的标签"),
        ("found unknown escape character", "引号中有无法识别的转义字符（反斜杠 \\）"),
        ("found a tab character that violates indentation", "缩进中有制表符 Tab，请改用空格"),
        ("found a tab character that violate indentation", "缩进中有制表符 Tab，请改用空格"),
        ("block sequence entries are not allowed in this context", "此处不能写列表项「- 」（请检查缩进）"),
        ("did not find expected '-' indicator", "缺少列表项的「- 」（请检查缩进）"),
        ("found duplicate key", "键重复"),
        ("invalid leading UTF-8 octet", "不是有效的 UTF-8 编码"),
        ("control characters are not allowed", "含有不允许的控制字符"),
    ]

    /// `第2行第8列：方括号列表中缺少「,」或「]」（该行：baseURL: x）`.
    /// - Parameter lineOffset: added to the line numbers said (front matter starts on a file's line 2).
    public static func describe(_ error: any Error, lineOffset: Int = 0) -> String {
        guard let y = error as? YamlError else { return "无法解析" }
        switch y {
        case .scanner(_, let problem, let mark, let yaml), .parser(_, let problem, let mark, let yaml),
            .composer(_, let problem, let mark, let yaml):
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                mark.line >= 1 && mark.line <= lines.count ? String(lines[mark.line - 1]).trimmingWhitespace() : ""
            let quoted = line.isEmpty ? "" : "（该行：\(DisplayText.cut(line, to: 80))）"
            return "第\(mark.line + lineOffset)行第\(mark.column)列：\(chinese(problem))\(quoted)"
        case .reader(let problem, _, _, _):
            return chinese(problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "「\($0)」" }.joined(separator: "、")
            return "第\(context.mark.line + lineOffset)行起的一组设置中，键\(keys)写了不止一次（每个键只能写一次，请删去多余的一行）"
        default:
            return "无法解析"
        }
    }

    static func chinese(_ problem: String) -> String {
        problems.first { problem.hasPrefix($0.0) }?.1 ?? "无法解析（\(problem)）"
    }
}
