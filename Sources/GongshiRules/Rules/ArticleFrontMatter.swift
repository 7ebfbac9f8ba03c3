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
                let near = Article.frontMatterKeys.first { editDistance($0, key) <= 2 }
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

    /// Edits (insert, delete, replace) between two short keys.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let above = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = above
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
