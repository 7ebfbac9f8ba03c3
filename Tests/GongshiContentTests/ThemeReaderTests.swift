import GongshiModel
import Testing

@testable import GongshiContent

@Suite("ThemeReader")
struct ThemeReaderTests {
    @Test("an asset a template names that Templates/assets/ lacks is a warning at its line, once")
    func missingAsset() {
        let templates = [
            "head": "<link rel=\"stylesheet\" href=\"{{root}}assets/site.css\">",
            "search":
                "<p>\n<script src=\"{{root}}assets/search.js\" defer></script>\n<script src=\"{{root}}assets/search.js\"></script>",
            "dynamic": "<img src=\"{{root}}assets/{{image}}\">",
        ]
        let findings = ThemeReader.missingAssets(templates, assets: ["site.css"])
        #expect(findings.count == 1)
        #expect(findings.first?.file == "Templates/search.mustache")
        #expect(findings.first?.line == 2)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("assets/search.js") == true)
    }
}
