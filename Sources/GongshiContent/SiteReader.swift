import Foundation
import GongshiModel

/// A site as read from its folder: its values, and its data rows, held in memory (a small site,
/// read once in parallel) or left in their files and streamed each time the judge asks for them.
/// Reads through to the ``Site`` values (`source.settings`, `source.articles = …`).
@dynamicMemberLookup
public struct SiteSource: RecordSource {
    public var site: Site
    /// Data rows of all kinds, files in byte order of their relative path, rows in order. Empty for a
    /// streaming site: its rows are read from `dataFiles` by ``recordBatches(size:_:)``.
    public var records: [SourceRecord]
    public var streaming: Bool
    /// Where parsed data files are kept between builds (an incremental build), if anywhere.
    public var parsedCache: (any ParsedFileCache)?
    /// Data rows read (xzxk + xzcf + mingdan), malformed ones included; 0 for a streaming site until
    /// its rows are read.
    public var rowsRead: Int

    public subscript<T>(dynamicMember path: WritableKeyPath<Site, T>) -> T {
        get { site[keyPath: path] }
        set { site[keyPath: path] = newValue }
    }
}

extension SiteSource {
    /// A site read into memory hands out the same rows for each pass; a streaming one reads them again.
    public var holdsRows: Bool { !streaming }

    /// Calls `body` with the site's data rows in order, `size` at a time. A streaming site reads them
    /// from its files now (a 1 GB export never sits in memory whole) and returns the findings of
    /// reading; an in-memory site hands out `records` (its reading findings are in `findings`).
    @discardableResult
    public func recordBatches(size: Int, _ body: ([SourceRecord]) -> Void) -> (findings: [Finding], rows: Int) {
        guard streaming else {
            for start in stride(from: 0, to: records.count, by: size) {
                body(Array(records[start..<min(start + size, records.count)]))
            }
            return ([], rowsRead)
        }
        var findings: [Finding] = []
        var rows = 0
        var batch: [SourceRecord] = []
        batch.reserveCapacity(size)
        func deliver(_ record: SourceRecord) {
            batch.append(record)
            if batch.count >= size {
                body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        // Small files are read in parallel a group at a time (at most `groupBytes` held); a file larger
        // than that is streamed on its own, so memory never holds more than one group or one batch.
        let groupBytes = 64 << 20
        var i = 0
        let dataFiles = site.dataFiles
        let settings = site.settings
        while i < dataFiles.count {
            var group: [DataFile] = []
            var bytes = 0
            while i < dataFiles.count {
                let size = SiteReader.readingBytes(dataFiles[i].path)
                if !group.isEmpty && bytes + size > groupBytes { break }
                group.append(dataFiles[i])
                bytes += size
                i += 1
                if size > groupBytes { break }
            }
            // A file larger than a group is streamed, never held (nor cached) whole.
            if group.count == 1 && (parsedCache == nil || bytes > groupBytes) {
                let f = group[0]
                let r = RecordFileReader.read(
                    kind: f.kind, path: f.path, file: f.file, columns: settings.columns[f.kind] ?? [:]
                ) { deliver($0) }
                findings += r.findings
                rows += r.rows
                continue
            }
            for (recs, f, n) in SiteReader.readWhole(group, columns: settings.columns, cache: parsedCache) {
                for rec in recs { deliver(rec) }
                findings += f
                rows += n
            }
        }
        if !batch.isEmpty { body(batch) }
        return (findings, rows)
    }
}

/// Reads a site folder. Malformed files and rows become findings, a broken calendar file included
/// (its year is then missing, which only leaves timeliness unjudged); only what makes the site
/// impossible to build at all (an unreadable `site.yml` or ledger) throws.
public enum SiteReader {
    /// - Parameter streaming: when the data files hold more than ``inMemoryBytes``, leave the rows in
    ///   their files for ``SiteSource/recordBatches(size:_:)`` to read when they are judged (what `build` and
    ///   `check` ask for), instead of reading them all now.
    /// Data up to this size is read into memory even when streaming is asked for.
    public static let inMemoryBytes = 128 << 20

    /// - Parameter cache: parsed data files kept between builds (`build` passes the site's build cache).
    /// - Parameter ledger: the ledger as the caller already read it from `Content/ledger.csv` (`build`
    ///   reads it to append to it): its events are taken instead of parsing the file a second time.
    public static func read(
        root: String, streaming: Bool = false, inMemoryLimit: Int = inMemoryBytes, cache: (any ParsedFileCache)? = nil,
        ledger read: LedgerFile? = nil
    ) throws(SiteError) -> SiteSource {
        var isDir: ObjCBool = false
        let content = (root as NSString).appendingPathComponent("Content")
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDir), isDir.boolValue else {
            throw SiteError(file: "Content", message: "找不到 Content/ 文件夹：请在站点文件夹中运行，或用 --site 指定站点文件夹")
        }
        var findings: [Finding] = []
        let settings = try readSettings(root: root)
        let calendar = readCalendar(root: root, &findings)
        let (departments, memoranda) = readRegistries(root: root, &findings)
        let files = listDataFiles(root: root, &findings)
        // Streaming pays for a second reading of the files; below `inMemoryBytes` of data, reading the
        // rows once, in parallel, is faster and small enough to hold.
        let streaming = streaming && files.reduce(0) { $0 + readingBytes($1.path) } > inMemoryLimit
        let (records, rowsRead) =
            streaming ? ([], 0) : readRecords(files, columns: settings.columns, cache: cache, &findings)
        let articles = readArticles(root: root, &findings)
        let ledger = try readLedger(root: root, alreadyRead: read)
        let site = Site(
            root: root, settings: settings, departments: departments, memoranda: memoranda, calendar: calendar,
            dataFiles: files, articles: articles, ledger: ledger, findings: findings)
        return SiteSource(site: site, records: records, streaming: streaming, parsedCache: cache, rowsRead: rowsRead)
    }

    /// The real path of the site file `rel` when it may be read, else nil and a `bad-file` finding.
    static func checkedFile(root: String, _ rel: String, limit: Int64, _ findings: inout [Finding]) -> String? {
        do {
            return try InputFile.check((root as NSString).appendingPathComponent(rel), root: root, limit: limit)
                .realPath
        } catch {
            findings.append(Finding(rule: "bad-file", severity: .error, file: rel, line: 0, message: error.message))
            return nil
        }
    }

    static func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    /// About how many bytes of text reading the file means: a workbook is compressed XML, about ten
    /// times its size on disk, so a 100 MB .xlsx is streamed like a 1 GB CSV, not held in memory.
    static func readingBytes(_ path: String) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return (path as NSString).pathExtension.lowercased() == "xlsx" ? size * 10 : size
    }
}
