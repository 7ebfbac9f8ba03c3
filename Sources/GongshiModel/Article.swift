/// A Markdown file of `xinwen/` (articles) or `pages/` (standing pages).
public struct Article: Sendable {
    public enum Section: String, Sendable { case xinwen, pages }
    public let section: Section
    public let file: String
    public let title: String
    public let date: LocalDate?
    public let slug: String
    public let draft: Bool
    /// `honghei` for a monthly 红黑榜 release.
    public let type: String
    /// `YYYY-MM` of a 红黑榜 release.
    public let month: String
    public let summary: String
    public let markdown: String
    /// The line of the file where `markdown` starts (after the front matter).
    public var bodyLine = 1
    /// Each key of the front matter as written, with its value (empty for a list or a mapping) and line.
    public var frontMatter: [(key: String, value: String, line: Int)] = []
    public init(
        section: Section, file: String, title: String, date: LocalDate?, slug: String, draft: Bool,
        type: String, month: String, summary: String, markdown: String
    ) {
        self.section = section
        self.file = file
        self.title = title
        self.date = date
        self.slug = slug
        self.draft = draft
        self.type = type
        self.month = month
        self.summary = summary
        self.markdown = markdown
    }
    public var isHonghei: Bool { type == "honghei" }
    /// Its folder on the site: 红黑榜 releases at `honghei/YYYY-MM/`, other articles at `xinwen/<slug>/`,
    /// standing pages at `<slug>/`. The slug rules check what the renderer writes: both read it here.
    public var path: String { isHonghei ? "honghei/\(month)/" : section == .pages ? "\(slug)/" : "xinwen/\(slug)/" }

    /// Whether an image address in an article is outside the site, loaded from elsewhere: such an image
    /// is shown as a link to it (SPEC §5.5, self-contained). A `data:` image is inside the page.
    public static func isOutsideAddress(_ url: String) -> Bool { url.contains("://") || url.hasPrefix("//") }

    /// Whether a `data:` image is one libcmark's safe mode keeps (png, gif, jpeg, webp); any other it
    /// empties, and the page shows no picture.
    public static func isKeptDataImage(_ url: String) -> Bool {
        let u = url.lowercased()
        return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { u.hasPrefix($0) }
    }

    /// Whether a Markdown link is a footnote reference (`[^1]` whose definition `[^1]: …` CommonMark reads
    /// as a link definition): its text starts with `^`. It has no page to go to.
    public static func isFootnoteText(_ text: String) -> Bool { text.hasPrefix("^") && text.count > 1 }

    /// The keys front matter may have (SPEC §1.8, and `summary`/`description` for listings and feeds).
    public static let frontMatterKeys: Set<String> = [
        "title", "date", "slug", "draft", "type", "month", "summary", "description",
    ]
    /// The values of `draft` (lower-cased) that publish. Any other keeps the file a draft: a slip such as
    /// `draft: ture` must not publish it.
    public static let publishingDraftValues: Set<String> = ["", "false", "no", "0", "否"]
    /// The values of `draft` understood as a draft.
    public static let draftValues: Set<String> = ["true", "yes", "1", "是"]
    /// A draft shown by the preview server (marked 草稿 there); never set in a public build.
    public private(set) var isPreviewedDraft = false

    /// This draft as the preview shows it: rendered like a published article, marked as a draft.
    public func previewedDraft() -> Article {
        var a = Article(
            section: section, file: file, title: title, date: date, slug: slug, draft: false,
            type: type, month: month, summary: summary, markdown: markdown)
        a.bodyLine = bodyLine
        a.frontMatter = frontMatter
        a.isPreviewedDraft = true
        return a
    }
}
