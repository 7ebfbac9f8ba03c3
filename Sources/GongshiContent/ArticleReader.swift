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
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        lines = []
        let map: Node.Mapping
        do {
            guard let node = try Yams.compose(yaml: yaml), let m = node.mapping else {
                return bad(2, "前置信息应为键值映射（title: …）")
            }
            map = m
        } catch {
            return bad(SettingsReader.yamlLine(error) + 1, "前置信息不是有效的 YAML：\(YAMLErrorText.describe(error))")
        }
        func str(_ k: String) -> String { map[k]?.scalar?.string.trimmingWhitespace() ?? "" }
        func lineOf(_ k: String) -> Int { (map[k]?.mark?.line ?? 0) + 1 }
        let title = str("title")
        if title.isEmpty { return bad(1, "前置信息缺少必填字段「title」", rule: "missing-field") }
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
        let article = Article(
            section: section, file: file, title: title, date: date, slug: slugSource.lowercased(),
            draft: ["true", "yes", "1"].contains(draftText), type: type, month: month,
            summary: str("summary").isEmpty ? str("description") : str("summary"), markdown: body)
        return (article, [])
    }
}
