import Foundation
import GongshiContent
import GongshiModel
import Testing

@testable import GongshiSite

/// The compiled renderer must write exactly what swift-mustache writes: these tests render the
/// theme's templates and hand-written edge cases both ways on many generated contexts.
@Suite("Compiled templates: same bytes as swift-mustache")
struct CompiledTemplateTests {
    /// A fixed pseudo-random sequence (SplitMix64): the same contexts on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A context holding, under some of `names`, every kind of value (nested to `depth`).
    static func context(_ names: [String], depth: Int, _ rng: inout Seeded) -> TemplateObject {
        var o: TemplateObject = [:]
        for name in names where Int.random(in: 0..<4, using: &rng) > 0 {
            o[name] = value(names, depth: depth, &rng)
        }
        return o
    }

    static func value(_ names: [String], depth: Int, _ rng: inout Seeded) -> TemplateValue {
        let texts = ["", "周村", "a<b>&\"'c", "x", "  "]
        switch Int.random(in: 0..<(depth > 0 ? 7 : 4), using: &rng) {
        case 0, 1: return .text(texts[Int.random(in: 0..<texts.count, using: &rng)])
        case 2: return .number([0, 1, 7, -2][Int.random(in: 0..<4, using: &rng)])
        case 3: return .flag(Bool.random(using: &rng))
        case 4: return .object(context(names, depth: depth - 1, &rng))
        default:
            let n = Int.random(in: 0..<4, using: &rng)
            return .list((0..<n).map { _ in value(names, depth: depth - 1, &rng) })
        }
    }

    /// Every name a compiled template looks up.
    static func names(_ tokens: [CompiledTemplate.Token]) -> Set<String> {
        var found: Set<String> = []
        for t in tokens {
            switch t {
            case .variable(let n, _): found.formUnion(n.path)
            case .section(let n, let inner, _):
                found.formUnion(n.path)
                found.formUnion(names(inner))
            default: break
            }
        }
        return found
    }

    static func compare(_ set: TemplateSet, _ name: String, contexts: Int, seed: UInt64) {
        guard let template = set.compiled[name] else {
            Issue.record("\(name) is not compiled")
            return
        }
        var all = names(template.tokens)
        for p in template.partialNames { all.formUnion(names(set.compiled[p]?.tokens ?? [])) }
        let sorted = all.sorted()
        var rng = Seeded(state: seed)
        for i in 0..<contexts {
            let ctx = context(sorted, depth: 3, &rng)
            let fast = set.render(name, ctx)
            let reference = set.renderWithMustache(name, ctx)
            #expect(fast == reference, "\(name), context \(i)")
            if fast != reference { return }
        }
    }

    @Test func everyThemeTemplateIsCompiledAndRendersAsMustacheDoes() throws {
        let set = try TemplateSet(theme: ThemeReader.read(root: SiteFixture.repo.path))
        // `lists` includes `entry-rows` indented on a line of its own, which indents every line of
        // it: left to swift-mustache (one page a build).
        #expect(set.names.subtracting(set.compiled.keys) == ["lists"])
        for name in set.compiled.keys.sorted() {
            Self.compare(set, name, contexts: 60, seed: UInt64(name.utf8.count))
        }
    }

    static let edgeCases: [String] = [
        "a\n  {{#s}}\n  in {{v}}\n  {{/s}}\nb\n",
        "{{#s}}x{{/s}}\n{{^s}}y{{/s}}  \n  {{! comment }}  \n  {{!c}} tail\n",
        "  {{v}}  {{{v}}} {{& v}}\n\t{{#l}}\t[{{.}}]{{/l}}\t\n{{ v }}{ x",
        "{{#o}}{{v}}{{o.v}}{{.v}}{{#l}}{{v}}{{/l}}{{/o}}{{o.o.v}}",
        "{{#empty(v)}}E{{/empty(v)}}{{^empty(l)}}L{{count(l)}}{{/empty(l)}}{{plusone(n)}}{{minusone(count(o))}}",
        "{{#even(n)}}e{{/even(n)}}{{#odd(n)}}o{{/odd(n)}}{{#equalzero(n)}}z{{/equalzero(n)}}{{count(v)}}|{{empty(.)}}",
        "{{#l}}{{#.}}{{.}}{{/.}}{{^.}}-{{/.}}{{/l}}{{^l}}{{.}}{{/l}}{{#n}}{{.}}{{/n}}",
        "\n{{> p}}\n  {{#s}}{{> p}}{{/s}}\n{{#l}}\n{{> p}}\n{{/l}}",
        "{{#s}}\n{{/s}}\n{{#s}}  {{/s}}  \n x {{^v}}\n  {{/v}}\r",
    ]

    @Test func edgeCasesRenderAsMustacheDoes() throws {
        for (i, text) in Self.edgeCases.enumerated() {
            var theme = TemplateValueTests.theme(text)
            theme.templates["p"] = "<{{v}}>\n{{#o}}{{v}}{{/o}}\n"
            let set = try TemplateSet(theme: theme)
            if text.contains("\r") {
                #expect(set.compiled["t"] == nil, "a carriage return is left to swift-mustache")
                continue
            }
            Self.compare(set, "t", contexts: 200, seed: UInt64(i))
        }
    }

    /// What the compiled renderer does not take renders through swift-mustache, with its partials' users.
    @Test func unsupportedTemplatesFallBack() throws {
        let cases = [
            "{{=<% %>=}}<% v %>", "{{first(l)}}", "{{#l}}{{index()}}{{/l}}", "x\n  {{> p}}\n", "{{> q}}",
        ]
        for text in cases {
            var theme = TemplateValueTests.theme(text)
            theme.templates["p"] = "p{{v}}\n"
            theme.templates["q"] = "{{$b}}d{{/b}}"
            let set = try TemplateSet(theme: theme)
            #expect(set.compiled["t"] == nil, "\(text)")
            let ctx: TemplateObject = ["v": "<1>", "l": ["a", "b"]]
            #expect(set.render("t", ctx) == set.renderWithMustache("t", ctx))
            #expect(set.renderBytes("t", ctx) == Array(set.renderWithMustache("t", ctx).utf8))
        }
    }
}
