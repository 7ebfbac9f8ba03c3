/// Parses a theme template into ``CompiledTemplate`` tokens, the same way swift-mustache parses it.
///
/// The theme is still parsed by swift-mustache first (its errors are the ones a webmaster sees); this
/// parser only runs on text swift-mustache accepted, and follows its algorithm step by step (which
/// whitespace before a tag is kept, which lines are standalone) so that both renderers write the same
/// bytes. Anything it does not handle (inheritance, dynamic partials, changed delimiters, indented
/// partials, transforms other than the ones ``CompiledTemplate`` implements, line ends other than
/// `\n`) makes it return nil: that template keeps rendering through swift-mustache.
struct CompiledTemplateParser {
    struct Unsupported: Error {}

    private let chars: [Character]
    private var pos = 0

    /// Tokens of `text` (the pragma the theme loader puts first included), or nil when unsupported.
    static func parse(_ text: String) -> [CompiledTemplate.Token]? {
        let otherLineEnds: [Character] = ["\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        if text.contains(where: { $0 != "\n" && ($0.isNewline || otherLineEnds.contains($0)) }) { return nil }
        var parser = CompiledTemplateParser(chars: Array(text))
        var tokens: [CompiledTemplate.Token]
        do {
            tokens = try parser.parse(section: nil, newLine: true)
        } catch {
            return nil
        }
        // The loader's pragma: the first token, and the only content type a compiled template knows.
        guard case .contentType = tokens.first else { return nil }
        tokens.removeFirst()
        if tokens.contains(where: { if case .contentType = $0 { return true } else { return false } }) { return nil }
        return tokens
    }

    private init(chars: [Character]) { self.chars = chars }

    private var atEnd: Bool { pos >= chars.count }
    private var current: Character { atEnd ? "\0" : chars[pos] }

    /// One section's tokens (the whole template when `section` is nil), up to and including its end tag.
    private mutating func parse(section: String?, newLine startNewLine: Bool) throws -> [CompiledTemplate.Token] {
        var tokens: [CompiledTemplate.Token] = []
        var newLine = startNewLine
        var whiteSpaceBefore = ""
        while !atEnd {
            if newLine { whiteSpaceBefore = read(while: { $0 == " " || $0 == "\t" }) }
            let text = try readUntilTagOrNewline()
            if current == "\n" {
                tokens.append(.text(Array((whiteSpaceBefore + text + "\n").utf8)))
                newLine = true
                pos += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                pos += 1
                let name = try parseName()
                if newLine && lineFinished() {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let inner = try parse(section: name.source, newLine: setNewLine ? newLine : false)
                tokens.append(.section(name, inner, inverted: inverted))
            case "/":
                pos += 1
                let name = try parseName()
                guard name.source == section else { throw Unsupported() }
                if !(newLine && lineFinished()) { flushWhiteSpace() }
                return tokens
            case "!":
                pos += 1
                try skipComment()
                setNewLine = newLine && lineFinished()
            case "{", "&":
                flushWhiteSpace()
                let triple = current == "{"
                pos += 1
                let name = try parseName()
                if triple {
                    guard current == "}" else { throw Unsupported() }
                    pos += 1
                }
                tokens.append(.variable(name, escaped: false))
            case ">":
                pos += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw Unsupported() }
                let name = read(while: { CompiledTemplateParser.partialNameChars.contains($0) })
                _ = read(while: \.isWhitespace)
                try expect("}}")
                if newLine && lineFinished() {
                    // An indented standalone partial indents each of its lines: not done here.
                    guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                whiteSpaceBefore = ""
                tokens.append(.partial(name))
            case "%":
                pos += 1
                _ = read(while: \.isWhitespace)
                let variable = read(while: { CompiledTemplateParser.nameChars.contains($0) })
                _ = read(while: \.isWhitespace)
                try expect(":")
                _ = read(while: \.isWhitespace)
                let value = read(while: { CompiledTemplateParser.nameChars.contains($0) })
                _ = read(while: \.isWhitespace)
                try expect("}}")
                guard variable == "CONTENT_TYPE", value == "GONGSHI_HTML" else { throw Unsupported() }
                tokens.append(.contentType)
                setNewLine = newLine && lineFinished()
            case "<", "$", "=":
                throw Unsupported()
            default:
                flushWhiteSpace()
                tokens.append(.variable(try parseName(), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw Unsupported() }
        return tokens
    }

    /// Text up to a newline or the opening `{{` of a tag (which is consumed).
    private mutating func readUntilTagOrNewline() throws -> String {
        var text = ""
        while !atEnd {
            text += read(while: { $0 != "\n" && $0 != "{" })
            if atEnd || current == "\n" { break }
            if pos + 1 < chars.count && chars[pos + 1] == "{" {
                pos += 2
                break
            }
            // A lone `{` at the very end is a syntax error swift-mustache reports.
            guard pos + 1 < chars.count else { throw Unsupported() }
            text.append("{")
            pos += 1
        }
        return text
    }

    /// A tag's name and transforms, up to and including `}}`.
    private mutating func parseName() throws -> CompiledTemplate.Name {
        _ = read(while: \.isWhitespace)
        let text = read(while: { CompiledTemplateParser.nameChars.contains($0) || $0 == "(" || $0 == ")" })
        _ = read(while: \.isWhitespace)
        try expect("}}")
        guard let open = text.firstIndex(of: "(") else { return try CompiledTemplate.Name(text, transforms: []) }
        // `a(b(c))`: transforms a and b applied to c (innermost first).
        var transforms: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            let transform = rest[..<open]
            guard !transform.contains(")") else { throw Unsupported() }
            transforms.append(String(transform))
            rest = rest[rest.index(after: open)...]
        }
        let close = rest.firstIndex(of: ")") ?? rest.endIndex
        let parameter = String(rest[..<close])
        guard rest[close...].allSatisfy({ $0 == ")" }), rest[close...].count == transforms.count, open > text.startIndex
        else { throw Unsupported() }
        return try CompiledTemplate.Name(parameter, transforms: transforms)
    }

    private mutating func skipComment() throws {
        while !atEnd {
            if chars[pos] == "}" && pos + 1 < chars.count && chars[pos + 1] == "}" {
                pos += 2
                return
            }
            pos += 1
        }
        throw Unsupported()
    }

    /// Whether only spaces and tabs remain on the line; if so, they and the newline are consumed.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var p = pos
        while p < chars.count && (chars[p] == " " || chars[p] == "\t") { p += 1 }
        guard p < chars.count, chars[p] == "\n" else { return false }
        pos = p + 1
        return true
    }

    private mutating func expect(_ s: String) throws {
        for c in s {
            guard current == c else { throw Unsupported() }
            pos += 1
        }
    }

    private mutating func read(while accept: (Character) -> Bool) -> String {
        let start = pos
        while pos < chars.count && accept(chars[pos]) { pos += 1 }
        return String(chars[start..<pos])
    }

    static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialNameChars = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
