import GongshiModel
import Testing

@testable import GongshiRules

@Suite("article-markup")
struct ArticleMarkupTests {
    /// The body starts on line 5 of the file.
    func findings(_ body: String) throws -> [Finding] {
        let a = try #require(article("---\ntitle: 通知\ndate: 2026-11-20\n---\n\(body)\n"))
        return ArticleMarkup.decide(a, date: day("2026-11-30"))
    }

    @Test("raw HTML is named at its file line; a comment is not")
    func html() throws {
        let f = try findings("正文\n\n<table><tr><td>甲</td></tr></table>\n\n<!-- 备注 -->")
        #expect(f.map(\.line) == [7])
        #expect(f.first?.message.contains("HTML") == true)
        #expect(f.first?.file == "Content/xinwen/a.md")
    }

    @Test("outside images and images beside the article; a site path is fine")
    func images() throws {
        let f = try findings("![外](https://example.com/a.png)\n\n![旁](images/a.png)\n\n![站内](/assets/a.png)")
        #expect(f.map(\.line) == [5, 7])
        #expect(f[0].message.contains("外部图片"))
        #expect(f[1].message.contains("不会随文章复制"))
    }

    @Test("a pipe table, a footnote and a footnote's definition")
    func tableAndFootnote() throws {
        let f = try findings("| 项目 | 金额 |\n|---|---|\n| 罚款 | 1 |\n\n见注[^1]。\n\n另见[^a]。\n\n[^a]: 注释的内容")
        #expect(f.map(\.line) == [5, 9, 11, 13])
        #expect(f[0].message.contains("表格"))
        #expect(f[1].message.contains("脚注"))
        #expect(f[2].message.contains("脚注"), "a reference with a definition too")
        #expect(f[3].message.contains("脚注内容"))
    }

    @Test("a footnote with its definition: the reference (read as a link) and the definition are named")
    func footnoteWithDefinition() throws {
        let f = try findings("另一个脚注[^2]。\n\n[^2]: 独立的脚注定义")
        #expect(f.map(\.line) == [5, 7])
        #expect(f[0].message.contains("脚注（[^1]）"))
        #expect(f[1].message.contains("脚注内容"))
        // Right under a paragraph it is the paragraph's text, shown as such: one warning, not two.
        let g = try findings("正文有脚注[^1]。\n[^1]: 紧接段落的脚注定义")
        #expect(g.map(\.line) == [5])
        #expect(g.first?.message.contains("普通文字") == true)
    }

    @Test("a data: image safe mode empties is named; png, gif, jpeg and webp are not")
    func dataImages() throws {
        let f = try findings("![图](data:image/svg+xml;base64,PHN2Zz4=)")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("data:") == true)
    }

    @Test("inline HTML keeps its text; code, data: images and linked site images say nothing")
    func noFalseAlarms() throws {
        let inline = try findings("正文<b>加粗</b>")
        #expect(inline.count == 2)
        #expect(inline.allSatisfy { $0.message.contains("文字保留") })
        #expect(try findings("用 `[^0-9]` 匹配。\n\n    [^1]: 代码块\n\n![点](data:image/png;base64,iVBORw0KGgo=)").isEmpty)
    }

    @Test("plain Markdown says nothing")
    func plain() throws {
        #expect(try findings("# 标题\n\n正文，[链接](/tongji/)。\n\n- 一\n- 二\n\n```\n<b>代码</b>\n```").isEmpty)
    }
}
