import GongshiModel
import Testing

@testable import GongshiRules

@Suite("article-front-matter")
struct ArticleFrontMatterTests {
    func findings(_ frontMatter: String) throws -> [Finding] {
        let a = try #require(article("---\ntitle: 通知\ndate: 2026-11-20\n\(frontMatter)\n---\n正文\n"))
        return ArticleFrontMatter.decide(a, date: day("2026-11-30"))
    }

    @Test("a misspelt key is named at its line, with the key it resembles")
    func unknownKey() throws {
        let f = try findings("drfat: true")
        #expect(f.count == 1)
        #expect(f.first?.line == 4)
        #expect(f.first?.severity == .warning)
        #expect(f.first?.message.contains("「drfat」") == true)
        #expect(f.first?.message.contains("是否应为「draft」") == true)
    }

    @Test("a draft value it does not know keeps the article a draft, and says so")
    func unknownDraftValue() throws {
        let a = try #require(article("---\ntitle: 通知\ndate: 2026-11-20\ndraft: ture\n---\n正文\n"))
        #expect(a.draft, "a slip must not publish a draft")
        let f = ArticleFrontMatter.decide(a, date: day("2026-11-30"))
        #expect(f.map(\.line) == [4])
        #expect(f.first?.message.contains("按草稿处理") == true)
    }

    @Test("known keys and values say nothing")
    func known() throws {
        for fm in ["draft: false", "draft: true", "draft: 否", "type: honghei\nmonth: 2026-11", "summary: 摘要"] {
            #expect(try findings(fm).isEmpty, "\(fm)")
        }
        #expect(try #require(article("---\ntitle: t\ndate: 2026-11-20\ndraft: no\n---\n")).draft == false)
    }

    @Test("a type other than honghei publishes a plain article, with a warning")
    func unknownType() throws {
        let f = try findings("type: hongei")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("type: honghei") == true)
    }
}
