import Ccmark

/// libcmark's parser and node text, for the rule that reads articles (`article-markup`) and the renderer
/// that writes them: both read the same tree.
public enum CommonMark {
    /// The document tree of `markdown` (the caller frees it with `cmark_node_free`), nil when libcmark
    /// could not make one.
    public static func parse(_ markdown: String, options: Int32) -> OpaquePointer? {
        var bytes = Array(markdown.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_parse_document($0, buf.count - 1, options)
                }
            }
        }
    }

    /// A node's literal, URL or title as a Swift string ("" for none).
    public static func text(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
}
