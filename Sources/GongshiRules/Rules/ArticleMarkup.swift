import Ccmark
import GongshiModel

/// `article-markup`: what of an article's Markdown the site does not show as written. libcmark's safe mode
/// drops raw HTML (a `<table>` pasted from Word vanishes with its text); CommonMark has no tables or
/// footnotes (a table's lines show as text, a footnote's definition vanishes); the site links no outside
/// image (SPEC §5.5: self-contained) and copies no image from beside the article.
public enum ArticleMarkup: ArticleRule {
    public static let info = RuleInfo(
        id: "article-markup", title: "文章中有不会照原样显示的内容", severity: .warning, withholds: "—（文章照常发布）",
        summary:
            "Markdown 中的 HTML 代码不显示（安全模式：HTML 块连同其中的文字略去，行内只略去标签）；CommonMark 不支持表格（显示为普通文字）和脚注（脚注内容不显示）；外部图片不显示（改为链接，网站不引用外部资源）；文章旁的图片不会复制到网站（请放入 Templates/assets/，写作 /assets/文件名）",
        example: "`<table>…</table>`；`| 项目 | 金额 |`；`[^1]: 注释`；`![](https://example.com/a.png)`；`![](images/tu.png)`",
        basis: "SPEC §1.8（libcmark 安全模式）、§5.5（网站自包含）")

    static let footnote = "脚注（[^1]）不受支持（CommonMark 没有脚注），会显示为普通文字：请把注释写在正文或文末"

    static func decide(_ a: Article, date: LocalDate) -> [Finding] {
        var findings: [Finding] = []
        let lines = a.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        func add(_ line: Int, _ message: String) {
            findings.append(finding(a, line: a.bodyLine + max(line, 1) - 1, message))
        }
        let parsed = CommonMark.parse(a.markdown, options: CMARK_OPT_DEFAULT)
        guard let document = parsed, let iterator = cmark_iter_new(document) else { return [] }
        defer {
            cmark_iter_free(iterator)
            cmark_node_free(document)
        }
        // Lines of code blocks and paragraphs, where no definition stands; the text of the paragraph being
        // walked.
        var coveredLines = Set<Int>()
        var paragraph: (line: Int, text: String)?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH, let p = paragraph, p.text.contains("[^") {
                    add(p.line, footnote)
                }
                continue
            }
            switch type {
            case CMARK_NODE_HTML_BLOCK:
                let html = CommonMark.text(cmark_node_get_literal(node)).trimmingWhitespace()
                // A comment says nothing to readers anyway.
                if !html.hasPrefix("<!--") {
                    add(
                        line,
                        "HTML 代码「\(DisplayText.cut(html, to: 40))」不会显示（网站只显示 Markdown，HTML 块连同其中的文字都被略去）：请改用 Markdown 写法"
                    )
                }
            case CMARK_NODE_HTML_INLINE:
                let html = CommonMark.text(cmark_node_get_literal(node))
                if !html.hasPrefix("<!--") {
                    add(line, "HTML 标签「\(DisplayText.cut(html, to: 40))」不会显示（文字保留，标签被略去）：加粗、链接等请改用 Markdown 写法")
                }
            case CMARK_NODE_IMAGE:
                let url = CommonMark.text(cmark_node_get_url(node))
                if url.lowercased().hasPrefix("data:") && !Article.isKeptDataImage(url) {
                    add(line, "这种 data: 图片不会显示（只显示 PNG、GIF、JPEG、WebP）：请把图片放入 Templates/assets/，写作 ![说明](/assets/文件名)")
                } else if Article.isOutsideAddress(url) {
                    add(
                        line,
                        "外部图片「\(DisplayText.cut(url, to: 60))」不会显示（网站不引用外部资源），显示为链接：请把图片放入 Templates/assets/，写作 ![说明](/assets/文件名)"
                    )
                } else if !url.hasPrefix("/") && !url.hasPrefix("data:") {
                    add(
                        line,
                        "图片「\(DisplayText.cut(url, to: 60))」不会随文章复制到网站：请把图片放入 Templates/assets/，写作 ![说明](/assets/文件名)")
                }
            case CMARK_NODE_CODE_BLOCK:
                let end = Int(cmark_node_get_end_line(node))
                if line <= end { coveredLines.formUnion(line...end) }
            case CMARK_NODE_LINK:
                // `[^1]` with a definition `[^1]: …` is read as a link to the definition's text.
                if let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_TEXT,
                    Article.isFootnoteText(CommonMark.text(cmark_node_get_literal(first)))
                {
                    add(line, footnote)
                }
            case CMARK_NODE_PARAGRAPH:
                paragraph = (line, "")
                let first = line - 1
                let last = Int(cmark_node_get_end_line(node)) - 1
                if first >= 0, first <= last { coveredLines.formUnion((first + 1)...(last + 1)) }
                if first >= 0, first < last, last < lines.count, lines[first].trimmingWhitespace().hasPrefix("|"),
                    lines[first + 1].trimmingWhitespace().allSatisfy({ "|-: ".contains($0) })
                {
                    add(line, "Markdown 表格不受支持（CommonMark 没有表格），这几行会显示为普通文字：请改用列表，或把表格做成图片放入 Templates/assets/")
                }
            case CMARK_NODE_TEXT:
                // Text only: `[^0-9]` in code is code.
                paragraph?.text += CommonMark.text(cmark_node_get_literal(node))
            default:
                break
            }
        }
        // A footnote's definition (`[^1]: …`) is read as a link definition and vanishes from the page.
        for (i, raw) in lines.enumerated() where !coveredLines.contains(i + 1) {
            let t = raw.drop { $0 == " " }
            if t.hasPrefix("[^"), let close = t.firstIndex(of: "]"), t[close...].hasPrefix("]:") {
                add(i + 1, "脚注内容「\(DisplayText.cut(String(t), to: 40))」不会显示（CommonMark 没有脚注，这一行被当作链接定义略去）：请把注释写在正文或文末")
            }
        }
        return findings.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }

}
