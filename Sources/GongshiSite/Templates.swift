import Foundation
import GongshiModel
import GongshiRules
import Mustache

/// The theme's Mustache templates (`Templates/*.mustache`, partials included with `{{> name}}`).
///
/// Loading reports a syntax error or a missing partial with the template file and line, so a
/// webmaster restyling the site without Swift sees where the mistake is.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The templates (and partials) the compiled renderer takes, with every partial they include.
    let compiled: [String: CompiledTemplate]
    public let names: Set<String>
    /// Files of `Templates/assets/` (relative path, bytes), copied to `Public/assets/`.
    public let assets: [(path: String, bytes: [UInt8])]
    /// Every template's name and text: a page rendered by another theme is never reused.
    public let fingerprint: Fingerprint
    /// Files of the theme refused (links out of the site, FIFOs, oversized files): `bad-file` findings;
    /// and date values where the build gives none (`template-date`).
    public let findings: [Finding]

    /// The templates rendered without the build date (see ``SiteContext/dateKeys``), with the partials
    /// they include.
    public static let undated = ["record", "withdrawal", "entity", "header", "footer", "alternates"]

    /// Templates every build needs; a theme missing one cannot build the site.
    public static let required = [
        "home", "listing", "record", "withdrawal", "lists", "list", "honghei", "entity",
        "department", "departments", "articles", "article", "page", "subscribe", "notfound",
        "search", "stats", "preview", "report", "withheld", "header", "footer", "alternates",
    ]

    static let pragma = "{{% CONTENT_TYPE: GONGSHI_HTML}}"

    /// Parses the theme's templates. A syntax error or a missing template or partial stops the build,
    /// with the file and line.
    public init(theme: ThemeFiles) throws(SiteError) {
        MustacheContentTypes.register(FastHTMLEscaping(), named: "GONGSHI_HTML")
        var templates: [String: MustacheTemplate] = [:]
        let texts = theme.templates
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = "Templates/\(name).mustache"
            do {
                // Every template (partials too) escapes through FastHTMLEscaping: same characters as
                // Mustache's HTML escaping, without its per-character dictionary lookups.
                templates[name] = try MustacheTemplate(string: TemplateSet.pragma + text)
            } catch let e as MustacheTemplate.ParserError {
                // Reported at the end of the file by the parser: named at the section left open instead.
                if case .expectedSectionEnd = e.error as? MustacheTemplate.Error,
                    let open = TemplateSet.unclosedSection(text)
                {
                    throw SiteError(
                        file: file, line: open.line,
                        message: "模板语法错误：区块没有结束标签：第\(open.line)行的 {{\(open.tag)}} 之后缺少 {{/\(open.name)}}")
                }
                let firstLine = e.context.lineNumber == 1
                let column = e.context.columnNumber - (firstLine ? TemplateSet.pragma.count : 0)
                let line = firstLine ? String(e.context.line.dropFirst(TemplateSet.pragma.count)) : e.context.line
                throw SiteError(
                    file: file, line: e.context.lineNumber,
                    message:
                        "模板语法错误（第\(max(1, column))列）：\(TemplateSet.chinese(e.error))；该行：\(line.trimmingWhitespace())")
            } catch {
                throw SiteError(file: file, message: "模板错误：\(error)")
            }
        }
        for r in TemplateSet.required where templates[r] == nil {
            throw SiteError(
                file: "Templates/\(r).mustache",
                message: "缺少模板文件：可在空文件夹中执行 gongshi init 新建一个站点，从其中复制 Templates/\(r).mustache（默认模板）")
        }
        // A partial that does not exist renders as nothing in Mustache: catch it here instead.
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for (lineNo, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map({
                Substring(String(String.UnicodeScalarView($0)))
            }).enumerated() {
                var rest = line[...]
                while let r = rest.range(of: "{{>") {
                    let after = rest[r.upperBound...]
                    guard let close = after.range(of: "}}") else { break }
                    let partial = after[..<close.lowerBound].trimmingWhitespace()
                    if templates[partial] == nil {
                        throw SiteError(
                            file: "Templates/\(name).mustache", line: lineNo + 1,
                            message: "引用了不存在的局部模板「\(partial)」（应有 Templates/\(partial).mustache）")
                    }
                    rest = after[close.upperBound...]
                }
            }
        }
        library = MustacheLibrary(templates: templates)
        compiled = TemplateSet.compile(texts)
        var hasher = FingerprintBuffer(tag: "templates")
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            hasher.add(name)
            hasher.add(text)
        }
        fingerprint = hasher.finish()
        self.names = Set(templates.keys)
        self.findings = theme.findings + TemplateDate.check(templates: texts, undated: TemplateSet.undated)
        self.assets = theme.assets
    }

    public func render(_ name: String, _ context: TemplateObject) -> String {
        guard compiled[name] != nil else { return renderWithMustache(name, context) }
        return String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    /// The page as UTF-8 bytes (what the sink writes).
    public func renderBytes(_ name: String, _ context: TemplateObject) -> [UInt8] {
        guard let template = compiled[name] else { return Array(render(name, context).utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        template.render(context, partials: compiled, into: &out)
        return out
    }

    /// The page through swift-mustache: for templates the compiled renderer does not take, and for
    /// tests comparing both.
    func renderWithMustache(_ name: String, _ context: TemplateObject) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Compiles the templates ``CompiledTemplateParser`` takes, keeping only those whose partials
    /// (and theirs) are compiled too: a template renders wholly one way or the other.
    static func compile(_ texts: [String: String]) -> [String: CompiledTemplate] {
        var parsed: [String: CompiledTemplate] = [:]
        for (name, text) in texts {
            if let tokens = CompiledTemplateParser.parse(pragma + text) {
                parsed[name] = CompiledTemplate(tokens: tokens)
            }
        }
        // Drop templates including a template that is missing or dropped, until nothing changes.
        var changed = true
        while changed {
            changed = false
            for (name, template) in parsed where template.partialNames.contains(where: { parsed[$0] == nil }) {
                parsed[name] = nil
                changed = true
            }
        }
        return parsed
    }
}

/// HTML escaping of `& < > " '` that scans UTF-8 bytes and returns the text unchanged when there is
/// nothing to escape, which is most Chinese text.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var needs = false
        for b in text.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 {
            needs = true
            break
        }
        guard needs else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 where !Escape.appendEntity(b, to: &out) {
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension TemplateSet {
    /// The last section of `text` opened (`{{#name}}`, `{{^name}}`) and never closed: its line, tag and
    /// name. Tags are read as the parser reads them, without delimiter changes.
    static func unclosedSection(_ text: String) -> (line: Int, tag: String, name: String)? {
        var open: [(line: Int, tag: String, name: String)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let start = rest.range(of: "{{") {
                let after = rest[start.upperBound...]
                guard let end = after.range(of: "}}") else { break }
                let tag = after[..<end.lowerBound].trimmingWhitespace()
                rest = after[end.upperBound...]
                guard let sigil = tag.first else { continue }
                let name = tag.dropFirst().trimmingWhitespace()
                if sigil == "#" || sigil == "^" {
                    open.append((i + 1, String(tag), name))
                } else if sigil == "/", let k = open.lastIndex(where: { $0.name == name }) {
                    open.removeSubrange(k...)
                }
            }
        }
        return open.last
    }

    /// swift-mustache's parser errors in Chinese, saying what to fix.
    static func chinese(_ error: any Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "无法解析（\(error)）" }
        switch e {
        case .sectionCloseNameIncorrect: return "区块的结束标签与开始标签名称不一致（{{#名称}} 应以 {{/名称}} 结束）"
        case .unfinishedName: return "标签没有写完（缺少 }}）"
        case .expectedSectionEnd: return "区块没有结束标签（{{#名称}} 或 {{^名称}} 之后缺少 {{/名称}}）"
        case .invalidSetDelimiter: return "更改分隔符的标签格式有误"
        case .transformAppliedToInheritanceSection: return "继承区块上不能使用转换函数"
        case .illegalTokenInsideInheritSection: return "继承的局部模板中有不允许的标签"
        case .textInsideInheritSection: return "继承的局部模板中只能写区块，不能有文字"
        case .invalidConfigVariableSyntax: return "配置标签 {{% … }} 的写法有误"
        case .unrecognisedConfigVariable: return "无法识别的配置标签 {{% … }}"
        }
    }
}
