import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

#if canImport(Glibc)
    import Glibc
#endif

/// Files no department should send, which must become findings on their file — never a crash, a
/// hang, or something read from outside the site.
@Suite("Hostile files")
struct HostileFileTests {
    static let settings = "title: 信用周村\nbaseURL: https://xinyong.example.gov.cn/\n"
    static let departments = "编码,名称\nscjgj,区市场监管局\n"

    /// A minimal site in a new folder; `extra` adds files.
    func makeSite(_ extra: [String: String] = [:]) -> TempDir {
        let dir = TempDir()
        dir.write("Content/site.yml", Self.settings)
        dir.write("Content/departments.csv", Self.departments)
        dir.write("Content/xzcf/a.csv", "行政相对人名称,处罚机关\n甲,区市场监管局\n")
        for (name, text) in extra { dir.write(name, text) }
        return dir
    }

    func badFile(_ site: SiteSource, _ file: String) -> Finding? {
        site.findings.first { $0.file == file && $0.rule == "bad-file" }
    }

    @Test("a FIFO among the data files is a finding and is never opened (no hang)")
    func fifo() throws {
        let dir = makeSite()
        #expect(mkfifo(dir.file("Content/xzcf/pipe.csv"), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: dir.file("Content/pages"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.file("Content/pages/pipe.md"), 0o644) == 0)
        let site = try SiteReader.read(root: dir.path)
        #expect(badFile(site, "Content/xzcf/pipe.csv")?.message.contains("管道") == true)
        #expect(badFile(site, "Content/pages/pipe.md")?.message.contains("管道") == true)
        #expect(site.records.count == 1)
    }

    @Test("a FIFO opened directly by the CSV reader fails at once instead of waiting for a writer")
    func csvReaderRefusesFIFO() throws {
        let dir = TempDir()
        #expect(mkfifo(dir.file("p.csv"), 0o644) == 0)
        #expect(throws: CSVFileError.self) { try CSVReader.read(path: dir.file("p.csv")) { _ in } }
    }

    @Test("a link to a file outside the site is a finding and its content is not read")
    func symlinkOut() throws {
        let outside = TempDir()
        outside.write("secret.csv", "行政相对人名称,处罚机关\n秘密,区市场监管局\n")
        let dir = makeSite()
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Content/xzcf/b.csv"), withDestinationPath: outside.file("secret.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Content/xzcf/passwd.csv"), withDestinationPath: "/etc/passwd")
        let site = try SiteReader.read(root: dir.path)
        #expect(badFile(site, "Content/xzcf/b.csv")?.message.contains("站点文件夹以外") == true)
        #expect(badFile(site, "Content/xzcf/passwd.csv") != nil)
        #expect(!site.records.contains { $0.values.contains("秘密") })
        #expect(site.records.count == 1)
    }

    @Test("a link to /dev/zero is refused, not read for ever")
    func symlinkToDevice() throws {
        let dir = makeSite()
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Content/xzcf/zero.csv"), withDestinationPath: "/dev/zero")
        let site = try SiteReader.read(root: dir.path)
        #expect(badFile(site, "Content/xzcf/zero.csv") != nil)
    }

    @Test("a loop of links is a finding, not a hang")
    func symlinkLoop() throws {
        let dir = makeSite()
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Content/xzcf/x.csv"), withDestinationPath: dir.file("Content/xzcf/y.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Content/xzcf/y.csv"), withDestinationPath: dir.file("Content/xzcf/x.csv"))
        let site = try SiteReader.read(root: dir.path)
        #expect(badFile(site, "Content/xzcf/x.csv")?.message.contains("循环") == true)
        #expect(badFile(site, "Content/xzcf/y.csv") != nil)
    }

    @Test("a link inside the site is followed")
    func symlinkInside() throws {
        let dir = makeSite(["Archive/b.csv": "行政相对人名称,处罚机关\n乙,区市场监管局\n"])
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Content/xzcf/b.csv"), withDestinationPath: dir.file("Archive/b.csv"))
        let site = try SiteReader.read(root: dir.path)
        #expect(site.findings.isEmpty)
        #expect(site.records.count == 2)
    }

    @Test("a data file over the limit is a finding (a sparse 5 GB file: nothing is read)")
    func oversizedData() throws {
        let dir = makeSite()
        let path = dir.write("Content/xzcf/huge.csv", "行政相对人名称,处罚机关\n")
        #expect(truncate(path, off_t(InputFile.Limit.data + 1)) == 0)
        let site = try SiteReader.read(root: dir.path)
        #expect(badFile(site, "Content/xzcf/huge.csv")?.message.contains("文件过大") == true)
        #expect(site.records.count == 1)
    }

    @Test("a Markdown file over the limit is a finding")
    func oversizedMarkdown() throws {
        let dir = makeSite()
        let path = dir.write("Content/xinwen/big.md", "---\ntitle: 大\ndate: 2026-11-25\n---\n")
        #expect(truncate(path, off_t(InputFile.Limit.text + 1)) == 0)
        let site = try SiteReader.read(root: dir.path)
        #expect(badFile(site, "Content/xinwen/big.md")?.message.contains("上限 8 MB") == true)
        #expect(site.articles.isEmpty)
    }

    @Test("a FIFO as site.yml stops the read with an error; as a calendar it is a finding; neither waits")
    func fifoSettings() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(atPath: dir.file("Content/calendar"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.file("Content/site.yml"), 0o644) == 0)
        #expect(throws: SiteError.self) { try SiteReader.read(root: dir.path) }
        let dir2 = makeSite()
        try FileManager.default.createDirectory(
            atPath: dir2.file("Content/calendar"), withIntermediateDirectories: true)
        #expect(mkfifo(dir2.file("Content/calendar/2026.yml"), 0o644) == 0)
        let site = try SiteReader.read(root: dir2.path)
        #expect(badFile(site, "Content/calendar/2026.yml")?.message.contains("管道") == true)
        #expect(site.calendar.years.isEmpty)
    }

    @Test("a ledger that links out of the site stops the read: the history is never taken from elsewhere")
    func ledgerOut() throws {
        let outside = TempDir()
        outside.write("ledger.csv", "日期,事件,类型,记录键,摘要\n")
        let dir = makeSite()
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("Content/ledger.csv"), withDestinationPath: outside.file("ledger.csv"))
        #expect(throws: SiteError.self) { try SiteReader.read(root: dir.path) }
    }

    @Test("a calendar with year 0 is an error, not a crash")
    func calendarYearZero() throws {
        var cal = WorkdayCalendar()
        #expect(throws: SiteError.self) {
            try CalendarReader.read(text: "year: 0\n", file: "Content/calendar/0.yml", into: &cal)
        }
        #expect(throws: SiteError.self) {
            try CalendarReader.read(text: "year: 10000\n", file: "Content/calendar/x.yml", into: &cal)
        }
        #expect(cal.years.isEmpty)
    }

    @Test("a department 编码 too long for a file name is a finding, and the department is not registered")
    func longDepartmentCode() throws {
        let long = String(repeating: "a", count: 240)
        let dir = makeSite(["Content/departments.csv": "编码,名称\nscjgj,区市场监管局\n\(long),长部门\n"])
        let site = try SiteReader.read(root: dir.path)
        #expect(site.departments.map(\.code) == ["scjgj"])
        let f = try #require(badFile(site, "Content/departments.csv"))
        #expect(f.line == 3)
        #expect(f.message.contains("最多 64 个"))
    }

    @Test("a slug too long for a folder name is a finding and the page is skipped")
    func longSlug() {
        let slug = String(repeating: "a", count: 256)
        let (article, findings) = ArticleReader.read(
            text: "---\ntitle: 长\ndate: 2026-11-25\nslug: \(slug)\n---\n正文\n",
            file: "Content/xinwen/a.md", section: .xinwen)
        #expect(article == nil)
        #expect(findings.first?.rule == "bad-file")
        #expect(findings.first?.line == 4)
        let (ok, none) = ArticleReader.read(
            text: "---\ntitle: 短\ndate: 2026-11-25\nslug: \(String(slug.prefix(200)))\n---\n",
            file: "Content/xinwen/a.md", section: .xinwen)
        #expect(ok != nil && none.isEmpty)
    }

    @Test("a header of 100 000 columns: one finding each, and every message is cut to a readable length")
    func wideHeader() throws {
        let dir = TempDir()
        let name = String(repeating: "列", count: 5000)
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",") + ",\(name)\n"
        let path = dir.write("wide.csv", header + String(repeating: ",", count: 100_000) + "\n")
        let r = RecordFileReader.read(kind: .xzcf, path: path, file: "Content/xzcf/wide.csv") { _ in }
        #expect(r.findings.filter { $0.rule == "unknown-column" }.count == 100_001)
        #expect(r.findings.allSatisfy { $0.message.count <= DisplayText.messageLimit + 20 })
    }

    @Test("chunk boundaries anywhere read the same rows")
    func chunkSizes() throws {
        let dir = TempDir()
        let text = "名称,说明\r\n\"甲,乙\",\"多行\n文本 \"\"引号\"\"\"\r\n丙,丁\n\n戊,\"\"\n"
        let path = dir.write("a.csv", text)
        func rows(_ size: Int) throws -> [[String]] {
            var out: [[String]] = []
            try CSVReader.read(path: path, chunkSize: size) { out.append($0.fields) }
            return out
        }
        let whole = try rows(CSVReader.chunkSize)
        #expect(whole.count == 4)
        for size in 1...9 { #expect(try rows(size) == whole) }
    }
}
