import Foundation
import GongshiModel
import Testing

@testable import GongshiRules

@Suite("template-date")
struct TemplateDateTests {
    static let undated = ["record", "withdrawal", "entity", "header", "footer", "alternates"]

    @Test("an unguarded build date in the footer is a warning with its file and line")
    func unguardedFooter() {
        let footer = "<footer>\n<p>版权所有</p>\n<p>数据截至 {{buildDateChinese}}。</p>\n</footer>\n"
        let findings = TemplateDate.check(
            templates: ["footer": footer, "record": "{{> footer}}"], undated: Self.undated)
        #expect(findings.count == 1)
        let f = findings.first
        #expect(f?.rule == "template-date")
        #expect(f?.severity == .warning)
        #expect(f?.file == "Templates/footer.mustache")
        #expect(f?.line == 3)
        #expect(f?.message.contains("{{#buildDateChinese}}") == true)
    }

    @Test("inside a section of a date value it is silent; an inverted section guards nothing")
    func sections() {
        let guarded = "{{#buildDateChinese}}数据截至 {{buildDateChinese}}。{{/buildDateChinese}}"
        let other = "{{#year}}© {{year}} {{{buildDate}}}{{/year}}"
        let inverted = "{{^buildDate}}\n{{buildDate}}{{/buildDate}}"
        #expect(TemplateDate.check(templates: ["footer": guarded], undated: Self.undated).isEmpty)
        #expect(TemplateDate.check(templates: ["footer": other], undated: Self.undated).isEmpty)
        #expect(TemplateDate.check(templates: ["footer": inverted], undated: Self.undated).map(\.line) == [2])
    }

    @Test("partials included by undated templates are read; other pages and comments are not")
    func reach() {
        let templates = [
            "record": "{{> record-rows}}\n{{! {{buildDate}} in a comment }}",
            "record-rows": "<td>{{&year}}</td>",
            "listing": "数据截至 {{buildDateChinese}}",
        ]
        let findings = TemplateDate.check(templates: templates, undated: Self.undated)
        #expect(findings.map(\.file) == ["Templates/record-rows.mustache"])
    }

    @Test("the shipped theme says the date only where the build gives it")
    func shippedTheme() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Templates")
        var templates: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            templates[String(name.dropLast(".mustache".count))] = try String(
                contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(templates["footer"]?.contains("buildDateChinese") == true)
        #expect(TemplateDate.check(templates: templates, undated: Self.undated).isEmpty)
    }
}
