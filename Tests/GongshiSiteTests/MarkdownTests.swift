import Testing

@testable import GongshiSite

@Suite("Markdown: libcmark in safe mode, site paths relative, no outside image")
struct MarkdownTests {
    @Test("a site path is written relative to the page, so it works under any baseURL path")
    func sitePaths() {
        let html = Markdown.html(
            "[统计](/tongji/) ![图](/assets/a.png) [外](https://example.gov.cn/) [本](#a)", root: "../../")
        #expect(html.contains(#"href="../../tongji/""#))
        #expect(html.contains(#"src="../../assets/a.png""#))
        #expect(html.contains(#"href="https://example.gov.cn/""#))
        #expect(html.contains(##"href="#a""##))
    }

    @Test("an outside image becomes a link to it, its description the link text")
    func outsideImage() {
        let html = Markdown.html("![现场照片](https://example.com/a.png \"题\") ![](//cdn.example/b.png)")
        #expect(!html.contains("<img"))
        #expect(html.contains(#"<a href="https://example.com/a.png" title="题">现场照片</a>"#))
        #expect(html.contains(#"<a href="//cdn.example/b.png">图片</a>"#))
    }

    @Test("an outside image inside a link becomes its description: one link, not two nested")
    func linkedOutsideImage() {
        let html = Markdown.html(
            "[![徽标](https://example.com/a.png)](https://www.gov.cn/) [![](https://e.example/b.png)](/x/)")
        #expect(html.contains(#"<a href="https://www.gov.cn/">徽标</a>"#))
        #expect(html.contains(#"<a href="./x/">图片</a>"#))
        #expect(!html.contains("<img"))
    }

    @Test("a linked outside image inside emphasis is no link in a link either")
    func emphasisedLinkedImage() {
        let html = Markdown.html("[**![图](https://example.com/a.png)**](https://example.com/)")
        #expect(html.components(separatedBy: "<a ").count == 2, "\(html)")
        #expect(html.contains("<strong>图</strong>"))
    }

    @Test("a footnote reference with its definition is text, not a link to the definition's words")
    func footnoteReference() {
        let html = Markdown.html("另一个脚注[^2]。\n\n[^2]: 独立的脚注定义")
        #expect(!html.contains("<a"))
        #expect(html.contains("另一个脚注[^2]。"))
    }

    @Test("a data: image is inside the page and stays an image")
    func dataImage() {
        #expect(Markdown.html("![点](data:image/png;base64,iVBORw0KGgo=)").contains("<img"))
    }

    @Test("raw HTML and javascript: links are not passed through")
    func safe() {
        let html = Markdown.html("<script>alert(1)</script>\n\n[x](javascript:alert(1))")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
    }
}
