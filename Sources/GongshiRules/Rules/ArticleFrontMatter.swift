import GongshiModel

/// `article-front-matter`: a key or value of an article's front matter that Gongshi does not know. A
/// slip must not silently change what is published: `drfat: true` would publish a draft, `draft: ture`
/// is kept a draft, `type: hongei` would publish a 红黑榜 release without its tables.
public enum ArticleFrontMatter: ArticleRule {
    public static let info = RuleInfo(
        id: "article-front-matter", title: "文章前置信息有未知的键或值", severity: .warning, withholds: "—（draft 的值无法识别时按草稿处理，不发布）",
        summary:
            "前置信息只认 title、date、slug、draft、type、month、summary（或 description）；其他键被忽略。draft 只认 true/false（yes/no、1/0、是/否），其他值按草稿处理；type 只认 honghei",
        example: "`drfat: true`（拼写错误，草稿会被发布）；`draft: ture`；`type: hongei`", basis: "本站规则（拼写错误不能悄悄改变发布的内容）")

    static func decide(_ a: Article, date: LocalDate) -> [Finding] {
        var findings: [Finding] = []
        for (key, value, line) in a.frontMatter.sorted(by: { $0.line < $1.line }) {
            if !Article.frontMatterKeys.contains(key) {
                // The closest known key within two edits (ties by name: the same words every build).
                let near = Article.frontMatterKeys.map { (RecordSchema.editDistance(Array($0), Array(key)), $0) }
                    .filter { $0.0 <= 2 }.min { $0 < $1 }?.1
                findings.append(
                    finding(
                        a, line: line,
                        "前置信息中的「\(key)」不是已知的键，已忽略\(near.map { "；是否应为「\($0)」？" } ?? "")（已知：title、date、slug、draft、type、month、summary）"
                    ))
            } else if key == "draft" {
                let v = value.trimmingWhitespace().lowercased()
                if !Article.publishingDraftValues.contains(v) && !Article.draftValues.contains(v) {
                    findings.append(
                        finding(a, line: line, "draft 的值「\(value)」无法识别，按草稿处理（不发布）：要发布请写 draft: false，草稿写 draft: true"))
                }
            } else if key == "type", !value.trimmingWhitespace().isEmpty, value.trimmingWhitespace() != "honghei" {
                findings.append(finding(a, line: line, "type 的值「\(value)」无法识别，按普通文章发布：红黑榜发布请写 type: honghei"))
            }
        }
        return findings
    }
}
