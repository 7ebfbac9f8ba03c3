import GongshiModel

/// `template-date`: a theme template shows the build date where the build gives none. Record and
/// entity pages, and the header, footer and feed links they share, read the same on any build date, so
/// that the next day's build keeps them as they are (a province's 200 000 files are not written
/// again): they are rendered without the date values. A theme written before that (a portal adopting
/// Gongshi with its own footer) that says `数据截至 {{buildDateChinese}}` unguarded would print
/// 数据截至 followed by nothing on those pages. The check reads the templates' text; it runs on the
/// theme, not on records.
public enum TemplateDate: Rule {
    public static let info = RuleInfo(
        id: "template-date", title: "模板在不带日期的页面上引用构建日期", severity: .warning, withholds: "—",
        summary:
            "记录页、撤回说明页、主体页以及它们共用的页眉、页脚和订阅链接在任何构建日期都相同，不显示构建日期（这样次日构建时可以原样保留）；这些模板（及其引用的局部模板）中的 buildDate、buildDateChinese、year 须写在同名区段之内，例如 {{#buildDateChinese}}数据截至 {{buildDateChinese}}。{{/buildDateChinese}}，否则在这些页面上显示为空",
        example: "页脚写成 `数据截至 {{buildDateChinese}}。`：记录页上显示为「数据截至 。」",
        basis: "本站规则（页面内容不随构建日期变化，增量构建才能保留它）")

    /// The values that say the build date; pages rendered without a date have none of them.
    public static let dateKeys: Set<String> = ["buildDate", "buildDateChinese", "year"]

    /// A finding for every date value in the templates `undated` (names; rendered without the date
    /// values) and the partials they include, that is not inside a section of a date value.
    /// - Parameter templates: every template's text by name (`footer` for `Templates/footer.mustache`).
    public static func check(templates: [String: String], undated: [String]) -> [Finding] {
        var findings: [Finding] = []
        var queue = undated
        var seen = Set(undated)
        while let name = queue.popLast() {
            guard let text = templates[name] else { continue }
            let scan = scan(text)
            for partial in scan.partials where seen.insert(partial).inserted { queue.append(partial) }
            for (line, key) in scan.unguarded {
                findings.append(
                    Finding(
                        rule: info.id, severity: info.severity, file: "Templates/\(name).mustache", line: line,
                        message:
                            "{{\(key)}} 在记录页、撤回说明页、主体页上为空：这些页面不显示构建日期（次日构建时原样保留）。请把它写在区段 {{#\(key)}}…{{/\(key)}} 之内，例如 {{#\(key)}}数据截至 {{\(key)}}。{{/\(key)}}，它就只在其他页面上显示"
                    ))
            }
        }
        return findings.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// The partials a template includes, and its date values outside any date section (line, name).
    /// A template that changes its delimiters is not read past the change.
    static func scan(_ text: String) -> (partials: [String], unguarded: [(Int, String)]) {
        var partials: [String] = []
        var unguarded: [(Int, String)] = []
        var open: [String] = []
        var line = 1
        var rest = Substring(text)
        while let start = rest.range(of: "{{") {
            line += rest[..<start.lowerBound].utf8.filter { $0 == 10 }.count
            let after = rest[start.upperBound...]
            let triple = after.hasPrefix("{")
            guard let end = after.range(of: triple ? "}}}" : "}}") else { break }
            let tag = after[..<end.lowerBound]
            let tagLine = line
            line += tag.utf8.filter { $0 == 10 }.count
            rest = after[end.upperBound...]
            var body = (triple ? tag.dropFirst() : tag).trimmingWhitespace()[...]
            guard let sigil = body.first else { continue }
            if "#^/>!=&".contains(sigil) { body = body.dropFirst().trimmingWhitespace()[...] }
            let name = String(body)
            switch sigil {
            case "!": continue
            case "=": return (partials, unguarded)
            case "#": open.append(name)
            // An inverted section shows when its value is absent: it guards nothing.
            case "^": open.append("^" + name)
            case "/":
                if let i = open.lastIndex(where: { $0 == name || $0 == "^" + name }) { open.removeSubrange(i...) }
            case ">": partials.append(name)
            default:
                if dateKeys.contains(name) && !open.contains(where: dateKeys.contains) {
                    unguarded.append((tagLine, name))
                }
            }
        }
        return (partials, unguarded)
    }
}
