import GongshiModel
import Testing

@testable import GongshiRules

@Suite("scheduled-article")
struct ScheduledArticleTests {
    @Test("dated after the build date: an info at its date line; on its date, nothing")
    func later() throws {
        let a = try #require(article("---\ntitle: 红黑榜\ndate: 2026-12-31\n---\n正文\n"))
        let f = ScheduledArticle.decide(a, date: day("2026-12-07"))
        #expect(f.map(\.line) == [3])
        #expect(f.first?.severity == .info)
        #expect(f.first?.message.contains("2026-12-31") == true)
        #expect(ScheduledArticle.decide(a, date: day("2026-12-31")).isEmpty)
    }

    @Test("a draft is not announced")
    func draft() throws {
        let a = try #require(article("---\ntitle: 红黑榜\ndate: 2026-12-31\ndraft: true\n---\n正文\n"))
        #expect(ScheduledArticle.decide(a, date: day("2026-12-07")).isEmpty)
    }
}
