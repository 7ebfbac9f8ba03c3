import Foundation
import GongshiModel
import Mustache
import Testing

@testable import GongshiSite

/// Pages reach swift-mustache only as ``TemplateObject``s: it looks names up through `MustacheParent`
/// and falls back to `Mirror` for anything else on its context stack. These tests fail when a value
/// could reach that fallback, and check that the typed values render as the plain Swift values did.
@Suite("Template values: no Mirror, same rendering")
struct TemplateValueTests {
    static let samples: [TemplateValue] = [
        .text("周村"), .text(""), .number(0), .number(42), .flag(true), .flag(false),
        .list([.text("a"), .object(["x": "1"])]), .list([]), .object(["title": "t", "rows": [TemplateObject]()]),
    ]

    /// What swift-mustache may push onto its stack (a section's value, a list's items) must be a
    /// `MustacheParent`; flags reach it as `Bool` and lists as arrays, which it never pushes whole.
    @Test func everyValueReachesMustacheAsAParentAFlagOrAList() {
        func check(_ v: TemplateValue) {
            let m = v.mustache
            switch v {
            case .flag(let b): #expect(m as? Bool == b)
            case .list(let items):
                #expect(m is [TemplateValue])
                for item in items { check(item) }
            default: #expect(m is any MustacheParent, "\(v) would be read by Mirror")
            }
        }
        for v in Self.samples { check(v) }
        let object: TemplateObject = [
            "a": "x", "n": 1, "f": false, "l": ["p", "q"], "o": ["k": "v"] as TemplateObject,
        ]
        for name in ["a", "n", "f", "l", "o"] {
            let child = object.child(named: name)
            #expect(child is any MustacheParent || child is Bool || child is [TemplateValue], "\(name)")
        }
    }

    /// No page context is a `[String: Any]` (swift-mustache would read it, but nothing would stop a
    /// struct or a tuple inside it from being read by Mirror). Only the JSON writers, whose
    /// dictionaries go to JSONSerialization, may build one; and nothing in Site uses Mirror itself.
    @Test func siteBuildsNoUntypedContexts() throws {
        let root = SiteFixture.repo.appendingPathComponent("Sources/GongshiSite")
        let allowed: Set<String> = [
            "Pages/Statistics.swift:func dept(_ d: DepartmentFigures) -> [String: Any] {",
            "Pages/Statistics.swift:var o: [String: Any] = [",
            "Pages/Statistics.swift:let object: [String: Any] = [",
            "Pages/Statistics.swift:] as [String: Any],",
            "Pages/FineTotals.swift:static func json(_ r: Row, key: String) -> [String: Any] {",
        ]
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("Renderer.swift"))
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let l = line.trimmingCharacters(in: .whitespaces)
                if l.hasPrefix("//") { continue }
                if l.contains("String: Any]") || l.contains("Mirror(") || l.contains(": Any =") {
                    found.append("\(file):\(l)")
                }
            }
        }
        #expect(Set(found).subtracting(allowed).isEmpty, "untyped template values: \(found)")
    }

    /// A theme of the required templates, empty, and `t`.
    static func theme(_ template: String) -> ThemeFiles {
        var templates = Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0, "") })
        templates["t"] = template
        return ThemeFiles(templates: templates)
    }

    static func render(_ template: String, _ context: TemplateObject) throws -> String {
        try TemplateSet(theme: theme(template)).render("t", context)
    }

    @Test func textSectionsLookNamesUpFurtherOut() throws {
        let ctx: TemplateObject = [
            "root": "../", "code": "9137", "empty": "", "rows": [["path": "a/"] as TemplateObject],
        ]
        #expect(
            try Self.render("{{#code}}<a href=\"{{root}}x\">{{code}}|{{.}}</a>{{/code}}", ctx)
                == "<a href=\"../x\">9137|9137</a>")
        // An empty text is still a value (as a String was): its section renders, its inverted one does not.
        #expect(try Self.render("[{{#empty}}set{{/empty}}{{^empty}}unset{{/empty}}]", ctx) == "[set]")
        #expect(try Self.render("[{{^missing}}none{{/missing}}]", ctx) == "[none]")
        #expect(try Self.render("{{#rows}}{{root}}{{path}}{{/rows}}", ctx) == "../a/")
    }

    @Test func numbersFlagsListsAndTransformsRenderAsSwiftValues() throws {
        let ctx: TemplateObject = [
            "n": 0, "yes": true, "no": false, "tags": ["甲", "<乙>"], "note": "", "o": ["k": "v"] as TemplateObject,
        ]
        #expect(try Self.render("{{n}} {{#n}}zero is set{{/n}}", ctx) == "0 zero is set")
        #expect(try Self.render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}", ctx) == "Yn")
        #expect(try Self.render("{{#tags}}{{.}};{{/tags}}", ctx) == "甲;&lt;乙&gt;;")
        #expect(
            try Self.render(
                "{{count(tags)}} {{^empty(note)}}has note{{/empty(note)}}{{#empty(note)}}no note{{/empty(note)}}", ctx)
                == "2 no note")
        #expect(try Self.render("{{plusone(n)}} {{#o}}{{k}}{{/o}} {{o.k}} {{{tags}}}", ctx).hasPrefix("1 v v"))
    }

    @Test func settingNilRemovesAValue() {
        var o: TemplateObject = ["a": "x"]
        o["a"] = nil
        #expect(o.child(named: "a") == nil)
        o["b"] = ["x", "y"]
        #expect(o.child(named: "b") is [TemplateValue])
        #expect(o.text("b") == nil)
    }

    /// The object is a list of tagged names, not a dictionary: it must still act as one.
    @Test func namesAreUniqueAndOrderDoesNotMatterForEquality() {
        var o: TemplateObject = ["a": "1", "b": 2]
        o["a"] = "3"
        #expect(o.count == 2)
        #expect(o.text("a") == "3")
        o["b"] = "x"
        o["c"] = true
        #expect(o.count == 3)
        #expect(o.text("b") == "x")
        let reordered: TemplateObject = ["c": true, "b": "x", "a": "3"]
        #expect(o == reordered)
        #expect(o != (["c": true, "b": "x", "a": "4"] as TemplateObject))
        #expect(o != (["c": true, "b": "x"] as TemplateObject))
        o["a"] = nil
        #expect(o.count == 2 && o.value("a") == nil)
        // A wrong tag never finds a name; names differing only after their first bytes are told apart.
        #expect(o.value("b", tag: TemplateObject.tag("b") &+ 1) == nil)
        let near: TemplateObject = ["entityName": "n", "entityPath": "p", "entityCode": "c"]
        #expect(near.text("entityPath") == "p" && near.text("entityCode") == "c" && near.text("entity") == nil)
    }
}
