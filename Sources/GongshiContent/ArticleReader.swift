import Foundation
import GongshiModel
import Yams

/// Reads a Markdown file with YAML front matter between `---` lines.
public enum ArticleReader {
    /// The longest slug in bytes: it names the page's folder, which the file system limits to 255.
    public static let maxSlugBytes = 200

    public static func read(text: String, file: String, section: Article.Section) -> (Article?, [Finding]) {
        func bad(_ line: Int, _ msg: String, rule: String = "bad-file") -> (Article?, [Finding]) {
            (nil, [Finding(rule: rule, severity: .error, file: file, line: line, message: msg)])
        }
        // Split on scalars: in a Swift String "\r\n" is one Character and would not match "\n".
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0) }.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        guard lines.first?.trimmingWhitespace() == "---" else {
            return bad(1, "缺少开头的 YAML 前置信息（第一行应为 ---，其后写 title、date 等）")
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == "---" }) else {
            return bad(1, "前置信息没有结束的 --- 行")
        }
        // Two slips of Chinese typing that YAML reports confusingly (or on another line).
        for (i, line) in lines[1..<close].enumerated() {
            let t = line.trimmingWhitespace()
            guard let key = t.split(separator: "：", maxSplits: 1).first, key.count < t.count,
                !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") })
            else {
                if let colon = t.firstIndex(of: ":"), t[..<colon].allSatisfy({ $0.isASCII && $0.isLetter }),
                    !t[..<colon].isEmpty, let next = t[t.index(after: colon)...].first, next != " "
                {
                    return bad(
                        i + 2,
                        "「\(DisplayText.cut(t, to: 40))」冒号后缺少空格：请写作「\(t[..<colon]): \(t[t.index(after: colon)...])」")
                }
                continue
            }
            return bad(i + 2, "「\(key)」后是全角冒号「：」：前置信息须用半角冒号加空格，例如「\(key): …」")
        }
        let yamlLines = Array(lines[1..<close])
        let yaml = yamlLines.joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        lines = []
        let map: Node.Mapping
        do {
            guard let node = try Yams.compose(yaml: yaml), let m = node.mapping else {
                return bad(2, "前置信息应为键值映射（title: …）")
            }
            map = m
        } catch {
            return bad(
                SettingsReader.yamlLine(error) + 1, "前置信息不是有效的 YAML：\(YAMLErrorText.describe(error, lineOffset: 1))")
        }
        func str(_ k: String) -> String { map[k]?.scalar?.string.trimmingWhitespace() ?? "" }
        func lineOf(_ k: String) -> Int { (map[k]?.mark?.line ?? 0) + 1 }
        let title = str("title")
        if title.isEmpty {
            // `title: #3号通知` is a comment to YAML, `title: [转载]…` a list: the value needs quotes.
            if let i = yamlLines.firstIndex(where: { $0.trimmingWhitespace().hasPrefix("title:") }),
                let first = yamlLines[i].trimmingWhitespace().dropFirst("title:".count).trimmingWhitespace().first,
                "#[{&*!|>%@`".contains(first)
            {
                return bad(
                    i + 2,
                    "标题以「\(first)」开头，YAML 不把它当作文字：请给标题加引号，例如 title: \"\(yamlLines[i].trimmingWhitespace().dropFirst("title:".count).trimmingWhitespace())\"",
                    rule: "missing-field")
            }
            return bad(1, "前置信息缺少必填字段「title」", rule: "missing-field")
        }
        var date: LocalDate?
        let dateText = str("date")
        if !dateText.isEmpty {
            guard let d = LocalDate(parsing: dateText) else {
                return bad(lineOf("date"), "「date: \(dateText)」不是有效日期", rule: "bad-date")
            }
            date = d
        } else if section == .xinwen {
            return bad(1, "文章缺少必填字段「date」", rule: "missing-field")
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let slugSource = str("slug").isEmpty ? stem : str("slug")
        let draftText = str("draft").lowercased()
        let type = str("type")
        let month = str("month")
        if type != "honghei", slugSource.utf8.count > maxSlugBytes {
            let line = str("slug").isEmpty ? 0 : lineOf("slug")
            return bad(
                line, "网址别名（slug）有 \(slugSource.utf8.count) 字节，最多 \(maxSlugBytes) 字节（用作文件夹名），该页面未发布：请在前置信息中写较短的 slug: …"
            )
        }
        if type == "honghei" {
            let parts = month.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
                LocalDate(year: y, month: m, day: 1) != nil, parts[1].count == 2
            else {
                return bad(lineOf("month"), "红黑榜发布需要「month: YYYY-MM」", rule: "bad-date")
            }
        }
        var article = Article(
            section: section, file: file, title: title, date: date, slug: slugSource.lowercased(),
            draft: !Article.publishingDraftValues.contains(draftText), type: type, month: month,
            summary: str("summary").isEmpty ? str("description") : str("summary"), markdown: body)
        article.bodyLine = close + 2
        article.frontMatter = map.compactMap { k, v in
            k.string.map { ($0, v.scalar?.string ?? "", (k.mark?.line ?? 0) + 1) }
        }
        return (article, [])
    }
}
