import Foundation
import GongshiModel

/// The steps of ``SiteReader/read(root:streaming:inMemoryLimit:cache:ledger:)``, one a part of the site.
extension SiteReader {
    /// `Content/site.yml`: the site cannot be built without it.
    static func readSettings(root: String) throws(SiteError) -> SiteSettings {
        let file = "Content/site.yml"
        let full = (root as NSString).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: full) else {
            throw SiteError(file: file, message: "找不到或无法读取 site.yml")
        }
        let text = try InputFile.text(file, root: root, notUTF8: "site.yml 应为 UTF-8 编码")
        return try SettingsReader.read(text: text, file: file)
    }

    /// `Content/calendar/*.yml`. A file that cannot be read (encoding, YAML, a bad date, a wrong `year`,
    /// an unknown key, a link out of the site) is a `bad-file` error at its line and is left out whole,
    /// never in part: holidays are never guessed. Its year then counts as missing, which
    /// `missing-calendar` reports like an absent file, and the build goes on: what is public never
    /// depends on working days, and a typo in next year's file, added each December, must not stop the
    /// daily publication of every department.
    static func readCalendar(root: String, _ findings: inout [Finding]) -> WorkdayCalendar {
        var calendar = WorkdayCalendar()
        for rel in listFiles(root: root, dir: "Content/calendar", ext: "yml") {
            do {
                let text = try InputFile.text(rel, root: root, notUTF8: "无法读取节假日文件（应为 UTF-8 编码）")
                calendar.add(try CalendarReader.year(text: text, file: rel))
            } catch {
                let year = CalendarReader.fileYear(rel)
                if let year { calendar.markUnreadable(year: year) }
                let skipped =
                    year.map { "；\($0) 年按缺少节假日安排处理（不评价是否按时），请改正后重新构建" }
                    ?? "；该文件未使用（节假日文件应以年份命名，如 2027.yml），请改正后重新构建"
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: rel, line: error.line,
                        message: error.message + skipped))
            }
        }
        return calendar
    }

    /// `Content/departments.csv` (its absence is an error finding: no record has a department) and
    /// `Content/memoranda.csv`.
    static func readRegistries(root: String, _ findings: inout [Finding]) -> ([Department], [Memorandum]) {
        let fm = FileManager.default
        var departments: [Department] = []
        let deptFile = "Content/departments.csv"
        if fm.fileExists(atPath: (root as NSString).appendingPathComponent(deptFile)) {
            if let real = checkedFile(root: root, deptFile, limit: InputFile.Limit.text, &findings) {
                departments = RegistryReader.departments(path: real, file: deptFile, findings: &findings)
            }
        } else {
            findings.append(
                Finding(
                    rule: "bad-file", severity: .error, file: deptFile, line: 0,
                    message: "找不到部门名录 departments.csv：所有记录都无法对应到部门"))
        }
        var memoranda: [Memorandum] = []
        let memoFile = "Content/memoranda.csv"
        if fm.fileExists(atPath: (root as NSString).appendingPathComponent(memoFile)),
            let real = checkedFile(root: root, memoFile, limit: InputFile.Limit.text, &findings)
        {
            memoranda = RegistryReader.memoranda(path: real, file: memoFile, findings: &findings)
        }
        return (departments, memoranda)
    }

    /// The data files of `xzxk/`, `xzcf/` and `mingdan/`, in byte order of their relative paths. Each is
    /// checked first (a link out of the site, a FIFO, an oversized file is a finding) and then read by
    /// its real path.
    static func listDataFiles(root: String, _ findings: inout [Finding]) -> [DataFile] {
        var files: [DataFile] = []
        for kind in RecordKind.allCases {
            let folder = dataFolder(root: root, dir: "Content/\(kind.rawValue)")
            findings += folder.unread
            for rel in folder.files {
                if let real = checkedFile(root: root, rel, limit: InputFile.Limit.data, &findings) {
                    files.append(DataFile(kind: kind, file: rel, path: real))
                }
            }
        }
        return files.sorted { Array($0.file.utf8).lexicographicallyPrecedes(Array($1.file.utf8)) }
    }

    /// Every row of `files`, read in parallel and kept in their order, and how many rows were read.
    static func readRecords(
        _ files: [DataFile], columns: [RecordKind: [String: Field]], cache: (any ParsedFileCache)?,
        _ findings: inout [Finding]
    ) -> ([SourceRecord], Int) {
        let results = readWhole(files, columns: columns, cache: cache)
        var records: [SourceRecord] = []
        records.reserveCapacity(results.reduce(0) { $0 + $1.0.count })
        var rowsRead = 0
        for (recs, f, rows) in results {
            records.append(contentsOf: recs)
            findings.append(contentsOf: f)
            rowsRead += rows
        }
        return (records, rowsRead)
    }

    /// Each of `files` read whole (from the cache when it has the file), on every core, in their order:
    /// its records, findings and rows read.
    static func readWhole(
        _ files: [DataFile], columns: [RecordKind: [String: Field]], cache: (any ParsedFileCache)?
    ) -> [(records: [SourceRecord], findings: [Finding], rows: Int)] {
        ParallelMap.map(files) { f in
            let p = RecordFileReader.readWhole(
                kind: f.kind, path: f.path, file: f.file, columns: columns[f.kind] ?? [:], cache: cache)
            return (p.records, p.findings, p.rows)
        }
    }

    /// Articles (`xinwen/`) and standing pages (`pages/`); a file that cannot be read is a finding.
    static func readArticles(root: String, _ findings: inout [Finding]) -> [Article] {
        var articles: [Article] = []
        for section in [Article.Section.xinwen, .pages] {
            let (markdownFiles, unread) = articleFolder(root: root, dir: "Content/\(section.rawValue)")
            findings += unread
            for rel in markdownFiles {
                guard let real = checkedFile(root: root, rel, limit: InputFile.Limit.text, &findings) else { continue }
                let d: Data
                do { d = try InputFile.read(real, limit: InputFile.Limit.text) } catch {
                    findings.append(
                        Finding(rule: "bad-file", severity: .error, file: rel, line: 0, message: error.message))
                    continue
                }
                guard let text = TextEncoding.decodeUTF8(d) else {
                    findings.append(
                        Finding(
                            rule: "bad-file", severity: .error, file: rel, line: 0,
                            message: TextEncoding.gb18030ToUTF8(ArraySlice(d)) != nil
                                ? "Markdown 文件是 GB18030（GBK）编码，应为 UTF-8：请用记事本或 WPS 另存为 UTF-8 编码"
                                : "无法读取 Markdown 文件（应为 UTF-8 编码）"))
                    continue
                }
                let (article, f) = ArticleReader.read(text: text, file: rel, section: section)
                findings.append(contentsOf: f)
                if let a = article { articles.append(a) }
            }
        }
        return articles
    }

    /// The events of `Content/ledger.csv` (none when there is no ledger yet). A link out of the site is
    /// refused, also when the caller has read the file (`alreadyRead`: its events are taken as they are).
    static func readLedger(root: String, alreadyRead: LedgerFile?) throws(SiteError) -> [LedgerEvent] {
        let file = "Content/ledger.csv"
        var path = (root as NSString).appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: path) || isSymlink(path) {
            do {
                path = try InputFile.check(path, root: root, limit: InputFile.Limit.ledger).realPath
            } catch {
                throw SiteError(file: file, message: "台账无法读取：\(error.message)")
            }
        }
        if let alreadyRead { return alreadyRead.events }
        return try LedgerReader.read(path: path, file: file).events
    }
}
