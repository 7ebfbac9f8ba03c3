import GongshiModel

/// `bad-file`: unreadable or undecodable file, malformed CSV row, bad Markdown file. Reported by the
/// readers of `GongshiContent`, which know files and rows; this type documents it.
public enum BadFile: Rule {
    public static let info = RuleInfo(
        id: "bad-file", severity: .error, withholds: "该行（或整个文件）",
        summary: "文件无法读取或解码（须为 UTF-8、带 BOM 的 UTF-8 或 GB18030），CSV 行格式错误（引号未闭合、列数与表头不符），Markdown 前置信息错误或网址别名（slug）无效、冲突",
        example: "`\"周村区某某商行,法人及非法人组织` —— 引号直到文件末尾都没有闭合")
}
