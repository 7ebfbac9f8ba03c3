import Foundation
import Testing

@testable import GongshiModel

/// Fails when a Chinese field name of the schema is written as a string literal in `Sources/`
/// outside the schema's own declarations: code names a column by ``Field``, so a misspelt one does
/// not compile. (Input headers are matched by ``RecordSchema``; pages show `field.name`.)
@Suite("No field name written as a string outside the schema")
struct FieldNameAuditTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources").path
    /// Where field names are declared, and generated files (the embedded templates).
    static let exempt = ["GongshiModel/FieldDefinitions.swift", "GongshiBuild/Embedded/"]

    @Test func noFieldNameLiteralOutsideTheSchema() throws {
        let names = Set(Field.allCases.map(\.name))
        let files =
            FileManager.default.enumerator(atPath: Self.sources)?.compactMap { $0 as? String }.filter { f in
                f.hasSuffix(".swift") && !Self.exempt.contains { f.hasPrefix($0) }
            } ?? []
        #expect(files.count > 20)
        var hits: [String] = []
        for file in files.sorted() {
            let text = try String(
                contentsOfFile: (Self.sources as NSString).appendingPathComponent(file), encoding: .utf8)
            for (line, segment) in LiteralScanner.segments(text) where names.contains(segment) {
                hits.append("\(file):\(line): \"\(segment)\"")
            }
        }
        #expect(hits.isEmpty, "use the Field (e.g. Field.entityName.name) instead:\n\(hits.joined(separator: "\n"))")
    }

    @Test func scannerFindsLiteralSegments() {
        let code = """
            let a = r["行政相对人名称"] // "处罚机关" in a comment
            let b = "「\\(x)」许可机关"
            let c = "前\\(f("内"))后"
            """
        let found = LiteralScanner.segments(code).map(\.1)
        #expect(found == ["行政相对人名称", "「", "」许可机关", "前", "内", "后"])
    }
}

/// The text of Swift string literals, split at interpolations, with their line (comments skipped).
enum LiteralScanner {
    static func segments(_ source: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        let chars = Array(source)
        var i = 0
        var line = 1
        // Open strings, innermost last: whether multi-line, and the paren depth of an interpolation inside it.
        var strings: [(multiline: Bool, depth: Int)] = []
        var current = ""
        var inString = false
        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { line += 1 }
            if inString {
                let multi = strings.last?.multiline ?? false
                if c == "\\" && at(i + 1) == "(" {
                    out.append((line, current))
                    current = ""
                    inString = false
                    strings[strings.count - 1].depth = 1
                    i += 2
                    continue
                }
                if c == "\\" {
                    current.append(c)
                    if let n = at(i + 1) { current.append(n) }
                    i += 2
                    continue
                }
                if c == "\"" && (!multi || (at(i + 1) == "\"" && at(i + 2) == "\"")) {
                    out.append((line, current))
                    current = ""
                    inString = false
                    strings.removeLast()
                    i += multi ? 3 : 1
                    continue
                }
                current.append(c)
                i += 1
                continue
            }
            if c == "/" && at(i + 1) == "/" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "\"" {
                let multi = at(i + 1) == "\"" && at(i + 2) == "\""
                strings.append((multi, 0))
                inString = true
                i += multi ? 3 : 1
                continue
            }
            if !strings.isEmpty && strings[strings.count - 1].depth > 0 {
                if c == "(" { strings[strings.count - 1].depth += 1 }
                if c == ")" {
                    strings[strings.count - 1].depth -= 1
                    if strings[strings.count - 1].depth == 0 { inString = true }
                }
            }
            i += 1
        }
        return out
    }
}
