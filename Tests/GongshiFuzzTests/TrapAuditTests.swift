import Foundation
import Testing

/// Lists every construct in `Sources/` that stops the process when it fails — force unwrap `x!`,
/// `try!`, `as!`, `fatalError`, `precondition`, `assert` — and compares them with the allow-list
/// below, where each says why no input can reach it. Such a trap on a value from a file lets one bad
/// file kill `build` (SPEC: nothing from input may trap); a new one must be removed, or added here
/// with its reason.
struct TrapAuditTests {
    /// (file under Sources/, the trimmed source line, why it cannot fail on input).
    static let allowed: [(file: String, line: String, reason: String)] =
        [
            (
                "GongshiFuzz/FuzzTargets.swift", "if !condition { fatalError(\"fuzz oracle: \\(what)\") }",
                "the fuzzer's oracle: trapping is how a broken promise is reported; not linked into gongshi"
            ),
            (
                "GongshiBuild/DiskSink.swift",
                "let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }",
                "inside `while offset < bytes.count`: the buffer is not empty"
            ),
            (
                "GongshiBuild/Dates.swift",
                "cal.timeZone = TimeZone(identifier: \"Asia/Shanghai\") ?? TimeZone(secondsFromGMT: 8 * 3600)!",
                "a constant offset of +8 hours always makes a time zone"
            ),
            (
                "GongshiBuild/Dates.swift", "return LocalDate(year: c.year!, month: c.month!, day: c.day!)!",
                "components of the system clock's date asked for year, month and day"
            ),
            (
                "GongshiSite/Pages/Statistics.swift",
                "let first = LocalDate(year: p.date.year, month: p.date.month, day: 1)!.adding(months: -11)",
                "the first day of the month of a valid LocalDate"
            ),
            (
                "GongshiRules/RecordContext.swift",
                "static let placeholderBefore = LocalDate(year: 1949, month: 10, day: 1)!",
                "a constant, real calendar date"
            ),
            (
                "GongshiSite/SiteIndex.swift", "byEntity[e.entityCode]!.entries.append(i)",
                "the line above inserts the key"
            ),
            (
                "GongshiSite/SiteIndex.swift",
                "if !listMeta[lk]!.2.contains(e.department.name) { listMeta[lk]!.2.append(e.department.name) }",
                "the line above inserts the key"
            ),
            ("GongshiSite/SiteIndex.swift", "let m = listMeta[k]!", "k comes from listMeta's own keys"),
        ] + scaffold

    /// `gongshi init`'s sample codes, made from constants.
    static let scaffold: [(file: String, line: String, reason: String)] = [
        "let fgw = UnifiedSocialCreditCode.make(prefix: \"11370000\", organizationBody: \"00400001\")!",
        "let scj = UnifiedSocialCreditCode.make(prefix: \"11370000\", organizationBody: \"00400002\")!",
        "let swj = UnifiedSocialCreditCode.make(prefix: \"11370000\", organizationBody: \"00400003\")!",
        "let a = UnifiedSocialCreditCode.make(prefix: \"91370000\", organizationBody: \"MA3C0001\")!",
        "let b = UnifiedSocialCreditCode.make(prefix: \"91370000\", organizationBody: \"MA3C0002\")!",
        "let c = UnifiedSocialCreditCode.make(prefix: \"92370000\", organizationBody: \"MA3C0003\")!",
    ].map {
        (
            "GongshiBuild/Scaffold.swift", $0,
            "gongshi init's sample codes, made from constants (a unit test builds them)"
        )
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources").path

    @Test func everyTrapInSourcesIsAllowedWithAReason() throws {
        var found: [String: Int] = [:]
        let files =
            FileManager.default.enumerator(atPath: Self.sources)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".swift")
            } ?? []
        #expect(files.count > 20)
        for file in files {
            let text = try String(
                contentsOfFile: (Self.sources as NSString).appendingPathComponent(file), encoding: .utf8)
            let raw = text.components(separatedBy: "\n")
            for (i, code) in TrapScanner.codeLines(text).enumerated() where TrapScanner.hasTrap(code) {
                found[file + ": " + raw[i].trimmingCharacters(in: .whitespaces), default: 0] += 1
            }
        }
        var allowed: [String: Int] = [:]
        for a in Self.allowed {
            #expect(!a.reason.isEmpty)
            allowed[a.file + ": " + a.line, default: 0] += 1
        }
        let unexpected = found.filter { allowed[$0.key, default: 0] < $0.value }.keys.sorted()
        let stale = allowed.filter { found[$0.key, default: 0] < $0.value }.keys.sorted()
        #expect(
            unexpected.isEmpty,
            "traps not in the allow-list (remove them, or add them with the reason they cannot fail on input):\n\(unexpected.joined(separator: "\n"))"
        )
        #expect(
            stale.isEmpty, "allow-list entries no longer in the code (remove them):\n\(stale.joined(separator: "\n"))")
    }

    @Test func scannerSeesTrapsOnlyInCode() {
        #expect(TrapScanner.hasTrap(TrapScanner.codeLines("let x = y!")[0]))
        #expect(TrapScanner.hasTrap(TrapScanner.codeLines("let x = try! f()")[0]))
        #expect(TrapScanner.hasTrap(TrapScanner.codeLines("let s = \"\\(a[0]!)\"")[0]))
        #expect(TrapScanner.hasTrap(TrapScanner.codeLines("precondition(x > 0)")[0]))
        #expect(!TrapScanner.hasTrap(TrapScanner.codeLines("if x != y && !z { }")[0]))
        #expect(!TrapScanner.hasTrap(TrapScanner.codeLines("let s = \"wow!\" // really!")[0]))
        #expect(!TrapScanner.hasTrap(TrapScanner.codeLines("let s = \"\"\"\nhello!\n\"\"\"")[1]))
    }
}

/// Blanks string literals and comments out of Swift source (keeping interpolations, which are
/// code), so that only code is searched for traps.
enum TrapScanner {
    static func codeLines(_ source: String) -> [String] {
        enum State {
            case code
            case string(multiline: Bool)
            case lineComment
            case blockComment
        }
        var state = State.code
        // Each interpolation being read as code: its open-paren depth and the kind of its string.
        var interpolation: [(depth: Int, multiline: Bool)] = []
        var out = ""
        let chars = Array(source)
        var i = 0
        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }
        while i < chars.count {
            let c = chars[i]
            switch state {
            case .code:
                if c == "/" && at(i + 1) == "/" {
                    state = .lineComment
                    i += 2
                    continue
                }
                if c == "/" && at(i + 1) == "*" {
                    state = .blockComment
                    i += 2
                    continue
                }
                if c == "\"" {
                    let multi = at(i + 1) == "\"" && at(i + 2) == "\""
                    state = .string(multiline: multi)
                    out.append("\"")
                    i += multi ? 3 : 1
                    continue
                }
                if !interpolation.isEmpty {
                    if c == "(" { interpolation[interpolation.count - 1].depth += 1 }
                    if c == ")" {
                        interpolation[interpolation.count - 1].depth -= 1
                        if interpolation[interpolation.count - 1].depth == 0 {
                            state = .string(multiline: interpolation.removeLast().multiline)
                            i += 1
                            continue
                        }
                    }
                }
                out.append(c)
            case .string(let multi):
                if c == "\\" && at(i + 1) == "(" {
                    interpolation.append((1, multi))
                    state = .code
                    i += 2
                    continue
                }
                if c == "\\" {
                    i += 2
                    continue
                }
                if c == "\"" && (!multi || (at(i + 1) == "\"" && at(i + 2) == "\"")) {
                    state = .code
                    out.append("\"")
                    i += multi ? 3 : 1
                    continue
                }
                if c == "\n" { out.append("\n") }
            case .lineComment:
                if c == "\n" {
                    state = .code
                    out.append("\n")
                }
            case .blockComment:
                if c == "*" && at(i + 1) == "/" {
                    state = .code
                    i += 2
                    continue
                }
                if c == "\n" { out.append("\n") }
            }
            i += 1
        }
        return out.components(separatedBy: "\n")
    }

    static func hasTrap(_ code: String) -> Bool {
        for word in [
            "try!", "as!", "fatalError(", "precondition(", "preconditionFailure(", "assert(", "assertionFailure(",
            "unsafelyUnwrapped",
        ]
        where code.contains(word) { return true }
        let chars = Array(code)
        for (k, c) in chars.enumerated() where c == "!" && k > 0 {
            let before = chars[k - 1]
            let after: Character? = k + 1 < chars.count ? chars[k + 1] : nil
            if (before.isLetter || before.isNumber || before == "_" || before == ")" || before == "]" || before == "?")
                && after != "="
            {
                return true
            }
        }
        return false
    }
}
