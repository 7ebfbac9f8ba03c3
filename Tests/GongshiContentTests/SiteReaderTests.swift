import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

@Suite("SiteReader and registries")
struct SiteReaderTests {
    static let settings = "title: 信用周村\nbaseURL: https://xinyong.example.gov.cn/\n"

    func site(_ files: [String: String]) throws -> SiteSource {
        let dir = TempDir()
        for (name, text) in files { dir.write(name, text) }
        return try SiteReader.read(root: dir.path)
    }

    @Test("reads settings, calendars, registries, data files in byte order, articles and the ledger")
    func wholeSite() throws {
        let s = try site([
            "Content/site.yml": Self.settings,
            "Content/calendar/2026.yml":
                "year: 2026\nholidays:\n  - 2026-10-01..2026-10-07\nworkdays:\n  - 2026-10-10\n",
            "Content/departments.csv": "编码,名称,统一社会信用代码,网站\nscjgj,区市场监管局,,https://scjgj.example/\nfy,区法院,,\n",
            "Content/memoranda.csv": "序号,文件名称,文号,类型,牵头单位,配合单位\n1,备忘录,发改财金[2016]141号,惩戒,发改委,法院\n",
            "Content/xzcf/b.csv": "行政相对人名称,处罚机关\n乙,区市场监管局\n",
            "Content/xzcf/a.csv": "行政相对人名称,处罚机关\n甲1,区市场监管局\n甲2,区市场监管局\n",
            "Content/xzxk/z.csv": "行政相对人名称,许可机关\n丙,区市场监管局\n",
            "Content/mingdan/m.csv": "名单类型,名单名称,主体名称\n黑名单,失信被执行人,丁\n",
            "Content/xzxk/notes.txt": "ignored",
            "Content/xinwen/a.md": "---\ntitle: 新闻\ndate: 2026-11-25\n---\n正文\n",
            "Content/pages/about.md": "---\ntitle: 关于\n---\n正文\n",
            "Content/ledger.csv": "日期,事件,类型,记录键,摘要\n2026-11-23,公示,xzcf,k,d\n",
        ])
        #expect(s.settings.title == "信用周村")
        #expect(s.calendar.years == [2026])
        #expect(s.departments.map(\.code) == ["scjgj", "fy"])
        #expect(s.departments.first?.website == "https://scjgj.example/")
        #expect(s.memoranda.first?.documentNumber == "发改财金〔2016〕141号")
        // Byte order of relative paths: Content/mingdan < Content/xzcf/a < Content/xzcf/b < Content/xzxk.
        #expect(
            s.records.map(\.file) == [
                "Content/mingdan/m.csv", "Content/xzcf/a.csv", "Content/xzcf/a.csv",
                "Content/xzcf/b.csv", "Content/xzxk/z.csv",
            ])
        #expect(s.records.map(\.line) == [2, 2, 3, 2, 2])
        #expect(s.rowsRead == 5)
        #expect(s.articles.count == 2)
        #expect(s.ledger.count == 1)
        // A file of another kind in a data folder is not read, and said (info).
        #expect(s.findings.map { "\($0.severity) \($0.file)" } == ["warning Content/xzxk/notes.txt"])
        #expect(s.dataFiles.map(\.file).contains("Content/xzcf/a.csv"))
        #expect(!s.dataFiles.map(\.file).contains("Content/xzxk/notes.txt"))
    }

    @Test("rowsRead counts malformed rows too")
    func rowsReadIncludesBadRows() throws {
        let s = try site([
            "Content/site.yml": Self.settings,
            "Content/departments.csv": "编码,名称\nscjgj,区市场监管局\n",
            "Content/xzcf/a.csv": "行政相对人名称,处罚机关\n甲,区市场监管局\n乙,区市场监管局,多余\n",
        ])
        #expect(s.rowsRead == 2)
        #expect(s.records.count == 1)
        #expect(s.findings.map(\.rule) == ["bad-file"])
        #expect(s.findings.first?.line == 3)
    }

    @Test("a missing departments.csv is bad-file on line 0")
    func missingDepartments() throws {
        let s = try site(["Content/site.yml": Self.settings])
        #expect(s.findings.map(\.rule) == ["bad-file"])
        #expect(s.findings.first?.file == "Content/departments.csv")
        #expect(s.findings.first?.line == 0)
    }

    @Test("missing Content/, or a missing or bad site.yml throws SiteError")
    func fatal() throws {
        let empty = TempDir()
        #expect(throws: SiteError.self) { try SiteReader.read(root: empty.path) }
        #expect(throws: SiteError.self) { try site(["Content/departments.csv": "编码,名称\n"]) }
        #expect(throws: SiteError.self) { try site(["Content/site.yml": "title: t\n"]) }
    }

    @Test(
        "files of a data folder that are not read are said: other tables an error, other extensions and subfolders a warning"
    )
    func unreadFiles() throws {
        let s = try site([
            "Content/site.yml": Self.settings, "Content/departments.csv": "编码,名称\nscjgj,区市场监管局\n",
            "Content/xzxk/a.csv": "行政相对人名称\n", "Content/xzxk/a.yml": "许可机关: 区市场监管局\n",
            "Content/xzxk/12.xlsm": "x", "Content/xzxk/14.csv.bak": "x", "Content/xzxk/2026-11/16.csv": "x",
            "Content/xzxk/~$a.xlsx": "x", "Content/xzxk/.DS_Store": "x",
        ])
        let said = s.findings.filter { $0.rule == "bad-file" && $0.severity == .warning }
        #expect(said.map(\.file) == ["Content/xzxk/14.csv.bak", "Content/xzxk/2026-11"])
        #expect(said.allSatisfy { $0.line == 0 && $0.message.contains(Finding.dataFileUnread) })
        // A table in another format (WPS, macro workbook, Unicode text) is an error: its records go unpublished.
        let tables = s.findings.filter { $0.rule == "bad-file" && $0.severity == .error }
        #expect(tables.map(\.file) == ["Content/xzxk/12.xlsm"])
        #expect(tables.first?.message.contains("请另存为 .xlsx 或 CSV（UTF-8）") == true)
    }

    @Test("site.yml with a BOM is read")
    func settingsBOM() throws {
        let dir = TempDir()
        dir.write("Content/site.yml", data: Data([0xEF, 0xBB, 0xBF]) + Data(Self.settings.utf8))
        dir.write("Content/departments.csv", "编码,名称\nscjgj,区市场监管局\n")
        let s = try SiteReader.read(root: dir.path)
        #expect(s.settings.title == "信用周村")
    }

    @Test("departments: invalid code characters, duplicates, missing fields, invalid 统一社会信用代码")
    func departments() throws {
        let dir = TempDir()
        let path = dir.write(
            "departments.csv",
            """
            编码,名称,统一社会信用代码
            scjgj,区市场监管局,91512081ma62k0260e
            SCJGJ,大写编码,
            scjgj,重复,
            ,无编码,
            fgj,区发展改革局,91512081MA62K0260F
            swj,区税务局,

            """)
        var findings: [Finding] = []
        let deps = RegistryReader.departments(path: path, file: "Content/departments.csv", findings: &findings)
        #expect(deps.map(\.code) == ["scjgj", "fgj", "swj"])
        #expect(deps.first?.uscc == "91512081MA62K0260E")
        #expect(findings.map(\.rule) == ["bad-file", "bad-file", "missing-field", "invalid-uscc"])
        #expect(findings.map(\.line) == [3, 4, 5, 6])
        #expect(findings.last?.department == "fgj")
    }

    @Test("memoranda: 文号 normalised, header required")
    func memoranda() throws {
        let dir = TempDir()
        let path = dir.write("memoranda.csv", "序号,文件名称,文号,类型\n1,备忘录,发改财金【2016】141号,惩戒\n2,无文号,,奖励\n")
        var findings: [Finding] = []
        let memos = RegistryReader.memoranda(path: path, file: "Content/memoranda.csv", findings: &findings)
        #expect(findings.isEmpty)
        #expect(memos.count == 1)
        #expect(memos.first?.documentNumber == "发改财金〔2016〕141号")
        #expect(memos.first?.title == "备忘录")

        let bad = dir.write("m2.csv", "序号,文件名称\n1,x\n")
        var f2: [Finding] = []
        _ = RegistryReader.memoranda(path: bad, file: "Content/memoranda.csv", findings: &f2)
        #expect(f2.map(\.rule) == ["bad-file"])
        #expect(f2.first?.line == 1)
    }

    @Test("what an article folder holds besides .md files is said, never dropped silently")
    func articleFolderOthers() {
        let dir = TempDir()
        dir.write("Content/xinwen/a.md", "---\ntitle: a\ndate: 2026-11-20\n---\n")
        dir.write("Content/xinwen/tu.png", "png")
        dir.write("Content/xinwen/通知.docx", "docx")
        dir.write("Content/xinwen/2025/b.md", "---\ntitle: b\ndate: 2025-11-20\n---\n")
        let (files, unread) = SiteReader.articleFolder(root: dir.path, dir: "Content/xinwen")
        #expect(files == ["Content/xinwen/a.md"])
        #expect(unread.map(\.file) == ["Content/xinwen/2025", "Content/xinwen/tu.png", "Content/xinwen/通知.docx"])
        #expect(unread.allSatisfy { $0.severity == .info })
        #expect(unread[1].message.contains("/assets/tu.png"))
    }
}
