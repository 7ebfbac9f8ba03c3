import Ccmark
import GongshiModel
import GongshiRules

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CommonMark to HTML through libcmark in its safe mode: raw HTML is omitted and `javascript:`,
/// `vbscript:`, `file:` and most `data:` links are dropped. Two changes keep an article's page
/// self-contained and working under any `baseURL` path (SPEC §5.5): a link or image to a site path
/// (`/tongji/`, `/assets/a.png`) is written relative to the page (`root`), and an outside image is
/// shown as a link to it, not loaded. `article-markup` tells the webmaster of both.
public enum Markdown {
    /// - Parameter root: the way from the page to the site's root (`../../` for `xinwen/slug/`).
    public static func html(_ markdown: String, root: String = "./") -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        let parsed = CommonMark.parse(markdown, options: options)
        guard let document = parsed else { return "" }
        defer { cmark_node_free(document) }
        rewrite(document, root: root)
        guard let out = cmark_render_html(document, options) else { return "" }
        defer { free(out) }
        return String(cString: out)
    }

    /// Site paths made relative to the page; outside images replaced by links; footnote references
    /// (`[^1]` with a definition, read as a link to the definition's text) written back as text.
    static func rewrite(_ document: OpaquePointer, root: String) {
        var outsideImages: [OpaquePointer] = []
        var footnotes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
                let url = CommonMark.text(cmark_node_get_url(node))
                if type == CMARK_NODE_LINK, let first = cmark_node_first_child(node),
                    cmark_node_get_type(first) == CMARK_NODE_TEXT,
                    Article.isFootnoteText(CommonMark.text(cmark_node_get_literal(first)))
                {
                    footnotes.append(node)
                } else if url.hasPrefix("/") && !url.hasPrefix("//") {
                    cmark_node_set_url(node, root + url.dropFirst())
                } else if type == CMARK_NODE_IMAGE && Article.isOutsideAddress(url) {
                    outsideImages.append(node)
                }
            }
        }
        for link in footnotes {
            if let open = text("["), let close = text("]") {
                cmark_node_insert_before(link, open)
                while let child = cmark_node_first_child(link) { cmark_node_insert_before(link, child) }
                cmark_node_insert_before(link, close)
                cmark_node_free(link)
            }
        }
        for image in outsideImages {
            // Inside a link already (a linked picture, perhaps emphasised): its description as text,
            // not a second link.
            if isInsideLink(image) {
                if cmark_node_first_child(image) == nil, let word = text("图片") { cmark_node_append_child(image, word) }
                while let child = cmark_node_first_child(image) { cmark_node_insert_before(image, child) }
                cmark_node_free(image)
                continue
            }
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            cmark_node_set_url(link, cmark_node_get_url(image))
            if let title = cmark_node_get_title(image) { cmark_node_set_title(link, title) }
            // The image's description (its alt text) becomes the link's text.
            while let child = cmark_node_first_child(image) { cmark_node_append_child(link, child) }
            if cmark_node_first_child(link) == nil, let word = text("图片") { cmark_node_append_child(link, word) }
            cmark_node_insert_before(image, link)
            cmark_node_free(image)
        }
    }

    static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let p = parent {
            if cmark_node_get_type(p) == CMARK_NODE_LINK { return true }
            parent = cmark_node_parent(p)
        }
        return false
    }

    /// A text node holding `literal`.
    static func text(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }
}
