import GongshiModel

/// `scheduled-article`: an article dated after the build date is published by the first build on or
/// after its date (a release prepared ahead, such as `gongshi new honghei`, dated the month's end).
public enum ScheduledArticle: ArticleRule {
    public static let info = RuleInfo(
        id: "scheduled-article", title: "文章日期晚于构建日期", severity: .info, withholds: "该文章（到其日期再发布）",
        summary: "文章前置信息中的 date 晚于构建日期（--date）：本次不发布，到该日期及以后的构建才发布；若是录入错误，请改正日期",
        example: "构建日期 2026-12-07，红黑榜发布的 date 为 2026-12-31", basis: "本站规则（文章按其日期发布）")

    static func decide(_ a: Article, date: LocalDate) -> [Finding] {
        guard !a.draft, let d = a.date, d > date else { return [] }
        let line = a.frontMatter.first { $0.key == "date" }?.line ?? 1
        return [finding(a, line: line, "日期 \(d) 晚于构建日期 \(date)：本次未发布，\(d) 及以后的构建才发布（若日期写错，请改正）")]
    }
}
