import Ccmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CommonMark to HTML through libcmark in its safe mode: raw HTML is omitted and `javascript:`,
/// `vbscript:`, `file:` and most `data:` links are dropped.
public enum Markdown {
    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        var bytes = Array(markdown.utf8)
        bytes.append(0)
        guard
            let out = bytes.withUnsafeBufferPointer({ buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_markdown_to_html($0, buf.count - 1, options)
                }
            })
        else { return "" }
        defer { free(out) }
        return String(cString: out)
    }
}
