import GongshiModel
import Testing

@testable import GongshiContent
@testable import GongshiRules

@Suite("bad-file")
struct BadFileTests {
    @Test("a malformed CSV row is bad-file at its row; the other rows are published")
    func malformedRow() throws {
        var f = Fixture()
        f.files["xzcf/a.csv"] =
            csv(.xzcf, [Row.penalty()]) + "\"淄博\"某某,法人及非法人组织\n"
            + csv(.xzcf, [Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号"])]).split(separator: "\n")[1] + "\n"
        let j = try f.judge()
        let bad = j.findings("bad-file")
        #expect(bad.count == 1)
        #expect(bad.first?.severity == .error)
        #expect(bad.first?.file == "Content/xzcf/a.csv")
        #expect(bad.first?.line == 3)
        #expect(j.publication.records.map(\.key).sorted() == [penaltyKey(), penaltyKey("周市监罚〔2026〕2号")])
        #expect(j.rowsRead == 3)
    }

    @Test("a row with the wrong number of columns is bad-file and not published")
    func wrongColumnCount() throws {
        var f = Fixture()
        f.files["xzxk/a.csv"] = csv(.xzxk, [Row.licence()]) + "周村区某某商行,法人及非法人组织\n"
        let j = try f.judge()
        #expect(j.findings("bad-file").map(\.line) == [3])
        #expect(j.publication.records.count == 1)
    }

    @Test("an unterminated quote at the end of the file is bad-file at its row")
    func unterminatedQuote() throws {
        var f = Fixture()
        f.files["mingdan/a.csv"] = csv(.mingdan, [Row.red()]) + "黑名单,失信被执行人,\"淄博某某食品有限公司,法人及非法人组织\n"
        let j = try f.judge()
        #expect(j.findings("bad-file").map(\.line) == [3])
        #expect(j.publication.listEntries.count == 1)
    }

    @Test("an empty data file is bad-file on line 0")
    func emptyFile() throws {
        var f = Fixture()
        f.files["xzcf/empty.csv"] = ""
        let j = try f.judge()
        let bad = try #require(j.findings("bad-file").first)
        #expect(bad.file == "Content/xzcf/empty.csv")
        #expect(bad.line == 0)
    }

    @Test("a Markdown file without front matter is bad-file")
    func markdown() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.files["xinwen/a.md"] = "# 没有前置信息\n"
        let j = try f.judge()
        #expect(j.findings("bad-file").map(\.file) == ["Content/xinwen/a.md"])
        #expect(j.publication.articles.isEmpty)
    }

    @Test("a row counts as withheld; a whole file, a worksheet or a sidecar of default values does not")
    func whatCountsAsARow() {
        func f(_ file: String, _ line: Int, _ message: String = "x") -> Finding {
            Finding(rule: "bad-file", severity: .error, file: file, line: line, message: message)
        }
        #expect(BadFile.withholdsRow(f("Content/xzcf/a.csv", 5)))
        #expect(!BadFile.withholdsRow(f("Content/xzcf/a.yml", 3)))
        #expect(!BadFile.withholdsRow(f("Content/xzcf/a.csv", 0)))
        let sheet = f("Content/xzcf/a.xlsx", 2, "工作表「说明」……\(Finding.wholeTableUnread)（其中 5 行有内容）")
        #expect(!BadFile.withholdsRow(sheet) && BadFile.unreadableTable(sheet))
        #expect(BadFile.unreadableTable(f("Content/mingdan/b.xlsx", 0)))
        #expect(!BadFile.unreadableTable(f("Content/xzcf/a.yml", 0)))
        #expect(!BadFile.unreadableTable(f("Content/site.yml", 0)))
    }

    @Test("a hidden sheet left unread and hidden rows published are warnings: no row withheld, no table unreadable")
    func hiddenContentIsAWarning() {
        let sheet = SheetNotes.hiddenSheet(file: "Content/xzxk/a.xlsx", sheet: "草稿", line: 1, rows: 2)
        var notes = SheetNotes()
        notes.hiddenRow(line: 3)
        let rows = notes.findings(file: "Content/xzxk/a.xlsx", sheet: "11月")
        #expect(rows.count == 1)
        for f in [sheet] + rows {
            #expect(f.severity == .warning)
            #expect(!BadFile.withholdsRow(f) && !BadFile.unreadableTable(f))
        }
    }

    @Test("clean files raise no bad-file")
    func clean() throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.files["xinwen/a.md"] = "---\ntitle: 新闻\ndate: 2026-11-20\n---\n正文\n"
        let j = try f.judge()
        #expect(j.findings("bad-file").isEmpty)
        #expect(j.publication.articles.count == 1)
    }
}
