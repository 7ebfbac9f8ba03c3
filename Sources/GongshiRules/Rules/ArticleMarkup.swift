import Ccmark
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// `article-markup`: what of an article's Markdown the site does not show as written. libcmark's safe mode
/// drops raw HTML (a `<table>` pasted from Word vanishes with its text); CommonMark has no tables or
/// footnotes (their lines show as text); the site links no outside image (SPEC §5.5: self-contained)
/// and copies no image from beside the article.
public enum ArticleMarkup: ArticleRule {
    public static let info = RuleInfo(
        id: "article-markup", title: "文章中有不会照原样显示的内容", severity: .warning, withholds: "—（文章照常发布）",
        summary:
            "Markdown 中的 HTML 代码不显示（安全模式，连同其中的文字）；CommonMark 不支持表格和脚注（显示为普通文字）；外部图片不显示（改为链接，网站不引用外部资源）；文章旁的图片不会复制到网站（请放入 Templates/assets/，写作 /assets/文件名）",
        example: "`<table>…</table>`；`| 项目 | 金额 |`；`![](https://example.com/a.png)`；`![](images/tu.png)`",
        basis: "SPEC §1.8（libcmark 安全模式）、§5.5（网站自包含）")

    static func decide(_ a: Article, date: LocalDate) -> [Finding] {
        var findings: [Finding] = []
        let lines = a.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        func add(_ line: Int32, _ message: String) {
            findings.append(finding(a, line: a.bodyLine + Int(max(line, 1)) - 1, message))
        }
        var bytes = Array(a.markdown.utf8)
        bytes.append(0)
        let document = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_parse_document($0, buf.count - 1, CMARK_OPT_DEFAULT)
                }
            }
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = cmark_node_get_start_line(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let html = text(cmark_node_get_literal(node)).trimmingWhitespace()
                // A comment says nothing to readers anyway.
                if !html.hasPrefix("<!--") {
                    add(
                        line,
                        "HTML 代码「\(DisplayText.cut(html, to: 40))」不会显示（网站只显示 Markdown，HTML 连同其中的文字都被略去）：请改用 Markdown 写法"
                    )
                }
            case CMARK_NODE_IMAGE:
                let url = text(cmark_node_get_url(node))
                if url.contains("://") || url.hasPrefix("//") || url.hasPrefix("data:") {
                    add(
                        line,
                        "外部图片「\(DisplayText.cut(url, to: 60))」不会显示（网站不引用外部资源），显示为链接：请把图片放入 Templates/assets/，写作 ![说明](/assets/文件名)"
                    )
                } else if !url.hasPrefix("/") {
                    add(
                        line,
                        "图片「\(DisplayText.cut(url, to: 60))」不会随文章复制到网站：请把图片放入 Templates/assets/，写作 ![说明](/assets/文件名)")
                }
            case CMARK_NODE_PARAGRAPH:
                let first = Int(line) - 1
                let last = Int(cmark_node_get_end_line(node)) - 1
                guard first >= 0, last < lines.count, first <= last else { break }
                if first < last, lines[first].trimmingWhitespace().hasPrefix("|"),
                    lines[first + 1].trimmingWhitespace().allSatisfy({ "|-: ".contains($0) })
                {
                    add(line, "Markdown 表格不受支持（CommonMark 没有表格），这几行会显示为普通文字：请改用列表，或把表格做成图片放入 Templates/assets/")
                }
                if let i = (first...last).first(where: { lines[$0].contains("[^") }) {
                    add(Int32(i + 1), "脚注（[^1]）不受支持（CommonMark 没有脚注），会显示为普通文字：请把注释写在正文或文末")
                }
            default:
                break
            }
        }
        return findings
    }

    private static func text(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
}
