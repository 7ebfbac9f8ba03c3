import GongshiModel
import Testing

@testable import GongshiContent

@Suite("ArticleReader")
struct ArticleReaderTests {
    @Test("front matter and body")
    func frontMatter() throws {
        let text = """
            ---
            title: 周村区2026年11月诚信红黑榜
            date: 2026-11-25
            slug: Hongheibang-2026-11
            summary: 本月红黑榜
            ---
            # 标题

            正文第一段。

            """
        let (a, f) = ArticleReader.read(text: text, file: "Content/xinwen/2026-11.md", section: .xinwen)
        #expect(f.isEmpty)
        let article = try #require(a)
        #expect(article.title == "周村区2026年11月诚信红黑榜")
        #expect(article.date == LocalDate(year: 2026, month: 11, day: 25))
        #expect(article.slug == "hongheibang-2026-11")
        #expect(article.summary == "本月红黑榜")
        #expect(!article.draft)
        #expect(!article.isHonghei)
        #expect(article.section == .xinwen)
        #expect(article.file == "Content/xinwen/2026-11.md")
        #expect(article.markdown.contains("# 标题"))
        #expect(article.markdown.contains("正文第一段。"))
        #expect(!article.markdown.contains("title:"))
    }

    @Test("slug defaults to the lower-cased file name; draft; CRLF; date in Chinese form")
    func defaults() throws {
        let text = "---\r\ntitle: 关于我们\r\ndraft: true\r\ndate: 2026年1月5日\r\n---\r\n正文\r\n"
        let (a, f) = ArticleReader.read(text: text, file: "Content/pages/About-Us.md", section: .pages)
        #expect(f.isEmpty)
        let article = try #require(a)
        #expect(article.slug == "about-us")
        #expect(article.draft)
        #expect(article.date?.description == "2026-01-05")
        #expect(article.markdown.hasPrefix("正文"))
    }

    @Test("a standing page needs no date")
    func pageWithoutDate() throws {
        let (a, f) = ArticleReader.read(
            text: "---\ntitle: 如何提出异议\n---\n正文\n", file: "Content/pages/yiyi.md", section: .pages)
        #expect(f.isEmpty)
        #expect(a?.date == nil)
        #expect(a?.slug == "yiyi")
    }

    @Test("missing title is missing-field; an article without date is missing-field")
    func missingFields() throws {
        let (a, f) = ArticleReader.read(
            text: "---\ndate: 2026-11-25\n---\n正文\n", file: "Content/xinwen/a.md", section: .xinwen)
        #expect(a == nil)
        #expect(f.map(\.rule) == ["missing-field"])
        #expect(f.first?.severity == .error)
        #expect(f.first?.file == "Content/xinwen/a.md")
        #expect(f.first?.message.contains("title") == true)

        let (b, g) = ArticleReader.read(
            text: "---\ntitle: 新闻\n---\n正文\n", file: "Content/xinwen/b.md", section: .xinwen)
        #expect(b == nil)
        #expect(g.map(\.rule) == ["missing-field"])
        #expect(g.first?.message.contains("date") == true)
    }

    @Test("a bad date is bad-date on its line")
    func badDate() throws {
        let (a, f) = ArticleReader.read(
            text: "---\ntitle: 新闻\ndate: 2026-02-30\n---\n", file: "Content/xinwen/c.md", section: .xinwen)
        #expect(a == nil)
        #expect(f.map(\.rule) == ["bad-date"])
        #expect(f.first?.line == 3)
    }

    @Test("a 红黑榜 release carries its month")
    func honghei() throws {
        let text = "---\ntitle: 2026年11月红黑榜\ndate: 2026-12-01\ntype: honghei\nmonth: 2026-11\n---\n正文\n"
        let (a, f) = ArticleReader.read(text: text, file: "Content/xinwen/2026-11-honghei.md", section: .xinwen)
        #expect(f.isEmpty)
        let article = try #require(a)
        #expect(article.isHonghei)
        #expect(article.type == "honghei")
        #expect(article.month == "2026-11")
    }

    @Test(
        "a 红黑榜 release with a bad month is bad-date",
        arguments: ["2026-13", "2026-1", "2026/11", "", "November", "2026-11-01"])
    func hongheiBadMonth(month: String) {
        let text = "---\ntitle: 红黑榜\ndate: 2026-12-01\ntype: honghei\nmonth: \(month)\n---\n"
        let (a, f) = ArticleReader.read(text: text, file: "Content/xinwen/h.md", section: .xinwen)
        #expect(a == nil)
        #expect(f.map(\.rule) == ["bad-date"])
    }

    @Test(
        "no front matter, unclosed front matter, or front matter that is not a mapping is bad-file",
        arguments: [
            "# 标题\n正文\n", "---\ntitle: x\n正文\n", "---\n- a\n- b\n---\n", "---\ntitle: [x\n---\n",
        ])
    func badFrontMatter(text: String) {
        let (a, f) = ArticleReader.read(text: text, file: "Content/pages/p.md", section: .pages)
        #expect(a == nil)
        #expect(f.map(\.rule) == ["bad-file"])
        #expect(f.first?.severity == .error)
    }

    @Test("slips of Chinese typing are named at their line, with the fix")
    func typingSlips() {
        func error(_ frontMatter: String) -> Finding? {
            ArticleReader.read(text: "---\n\(frontMatter)\n---\n正文\n", file: "a.md", section: .xinwen).1.first
        }
        let fullWidth = error("title：通知\ndate: 2026-11-20")
        #expect(fullWidth?.line == 2)
        #expect(fullWidth?.message.contains("全角冒号") == true)
        let noSpace = error("title: 通知\ndate:2026-11-20")
        #expect(noSpace?.line == 3)
        #expect(noSpace?.message.contains("date: 2026-11-20") == true)
        let hash = error("title: #3号通知\ndate: 2026-11-20")
        #expect(hash?.line == 2)
        #expect(hash?.message.contains(##"title: "#3号通知""##) == true)
        // A YAML error's own line number is the file's, as the finding's is.
        let yaml = error("title: 通知\ndate: 2026-11-20\nfoo: [unclosed")
        #expect(yaml?.line == 5)
        #expect(yaml?.message.contains("第5行") == true)
    }

    @Test("the body's first line and each key's line are kept for the article rules")
    func lines() throws {
        let (a, _) = ArticleReader.read(
            text: "---\ntitle: 通知\ndate: 2026-11-20\n---\n正文\n", file: "a.md", section: .xinwen)
        let article = try #require(a)
        #expect(article.bodyLine == 5)
        #expect(article.frontMatter.first { $0.key == "date" }?.line == 3)
        #expect(article.frontMatter.first { $0.key == "date" }?.value == "2026-11-20")
    }
}
