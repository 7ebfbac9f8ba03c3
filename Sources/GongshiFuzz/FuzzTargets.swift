import Foundation
import GongshiContent
import GongshiModel

/// The fuzz targets: each runs arbitrary bytes through one reader of a site's files, the way
/// `gongshi build` reads them, and checks a few properties the reader promises.
///
/// The libFuzzer executables of `Fuzz/` (run by `Scripts/fuzz.sh`) call these, and
/// `FuzzRegressionTests` runs every committed input of `Fuzz/Regressions/<target>/` and
/// `Fuzz/Corpus/<target>/` through them. A target traps only when a reader breaks a promise (the
/// oracle below) or traps itself — which is the bug.
public enum FuzzTargets {
    /// Target names (folder names under `Fuzz/Corpus/`) and their entry points.
    public static let all: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
        ("csv", csv),
        ("records", records),
        ("site-yml", siteYML),
        ("calendar", calendar),
        ("article", article),
        ("ledger", ledger),
        ("registries", registries),
        ("xlsx", xlsx),
    ]

    public static func named(_ name: String) -> (@Sendable ([UInt8]) -> Void)? {
        all.first { $0.name == name }?.run
    }

    /// `CSVReader` on the bytes, with a chunk size chosen by the first byte (1–16 bytes, or the
    /// default) so that chunk boundaries fall everywhere. Oracle: rows come in increasing line
    /// order, and for valid UTF-8 the rows are the same whatever the chunk size.
    @Sendable public static func csv(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let body = Array(data.dropFirst())
        let chunk = first < 128 ? Int(first % 16) + 1 : CSVReader.chunkSize
        func rows(_ size: Int) -> [CSVRow]? {
            ScratchFile.with(body) { path in
                var out: [CSVRow] = []
                do { try CSVReader.read(path: path, chunkSize: size) { out.append($0) } } catch { return nil }
                return out
            }
        }
        let small = rows(chunk)
        if let small {
            for (a, b) in zip(small, small.dropFirst()) { check(a.line < b.line, "CSV rows out of order") }
        }
        if String(validating: body, as: UTF8.self) != nil, chunk != CSVReader.chunkSize {
            let whole = rows(CSVReader.chunkSize)
            check((small == nil) == (whole == nil), "CSV read fails with one chunk size only")
            if let small, let whole {
                check(small.count == whole.count, "CSV row count depends on the chunk size")
                for (a, b) in zip(small, whole) {
                    check(
                        a.line == b.line && a.fields == b.fields && a.problem == b.problem,
                        "CSV row depends on the chunk size")
                }
            }
        }
    }

    /// `RecordFileReader` for the kind chosen by the first byte, and the model's checks on every
    /// value read (codes, ID numbers, dates, masking).
    @Sendable public static func records(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let kind = RecordKind.allCases[Int(first) % RecordKind.allCases.count]
        let file = "Content/\(kind.rawValue)/fuzz.csv"
        var lastLine = 0
        let result = ScratchFile.with(Array(data.dropFirst())) { path in
            RecordFileReader.read(kind: kind, path: path, file: file) { record in
                check(record.line > lastLine, "records out of order")
                lastLine = record.line
                check(record.values.count == kind.schema.fields.count, "record width differs from the schema")
                for value in record.values {
                    _ = UnifiedSocialCreditCode.problem(value)
                    _ = ResidentIDNumber.problem(value)
                    _ = LocalDate(parsing: value)
                    _ = PersonalData.scrub(value)
                    _ = PersonalData.maskName(value)
                }
            }
        }
        for f in result.findings { check(f.file == file, "finding about another file") }
    }

    /// `site.yml`: decoded as `SiteReader` does, then `SettingsReader`.
    @Sendable public static func siteYML(_ data: [UInt8]) {
        guard let text = TextEncoding.decodeUTF8(Data(data)) else { return }
        _ = try? SettingsReader.read(text: text, file: "Content/site.yml")
    }

    /// A calendar file, then the working-day arithmetic over the year it declares.
    @Sendable public static func calendar(_ data: [UInt8]) {
        guard let text = TextEncoding.decodeUTF8(Data(data)) else { return }
        var cal = WorkdayCalendar()
        do { try CalendarReader.read(text: text, file: "Content/calendar/fuzz.yml", into: &cal) } catch { return }
        for year in cal.years {
            guard let jan = LocalDate(year: year, month: 1, day: 1), let dec = LocalDate(year: year, month: 12, day: 31)
            else {
                check(false, "calendar year without dates")
                continue
            }
            let all = (try? cal.workdays(after: jan.adding(days: -1), through: dec)) ?? -1
            check((0...366).contains(all), "working days of a year out of range")
            if let d = try? cal.addingWorkdays(3, to: jan), let back = try? cal.subtractingWorkdays(3, from: d) {
                check(back <= jan, "working days do not add up")
            }
        }
    }

    /// A Markdown file with front matter, as an article and as a standing page.
    @Sendable public static func article(_ data: [UInt8]) {
        guard let text = TextEncoding.decodeUTF8(Data(data)) else { return }
        for section in [Article.Section.xinwen, .pages] {
            let (article, findings) = ArticleReader.read(
                text: text, file: "Content/\(section.rawValue)/fuzz.md", section: section)
            check(article != nil || !findings.isEmpty, "article refused without a finding")
        }
    }

    /// `ledger.csv`.
    @Sendable public static func ledger(_ data: [UInt8]) {
        // An unreadable ledger is an error with file and line (the build stops); a readable one reads back.
        let read: LedgerFile? = ScratchFile.with(data) { path in
            try? LedgerReader.read(path: path, file: "Content/ledger.csv")
        }
        guard let ledger = read else { return }
        for e in ledger.events {
            check(LocalDate(parsing: e.date.description) == e.date, "ledger date does not read back")
        }
    }

    /// `departments.csv` and `memoranda.csv` (the same bytes as each), and the 文号 citation scan.
    @Sendable public static func registries(_ data: [UInt8]) {
        var findings: [Finding] = []
        let departments = ScratchFile.with(data) {
            RegistryReader.departments(path: $0, file: "Content/departments.csv", findings: &findings)
        }
        check(Set(departments.map(\.code)).count == departments.count, "two departments with one code")
        for d in departments {
            check(
                !d.code.isEmpty && d.code.utf8.count <= RegistryReader.maxDepartmentCodeLength,
                "department code not checked")
        }
        _ = ScratchFile.with(data) {
            RegistryReader.memoranda(path: $0, file: "Content/memoranda.csv", findings: &findings)
        }
        _ = DocumentNumber.firstCitation(in: String(decoding: data, as: UTF8.self))
    }

    /// Stops the process when a reader breaks a promise: the fuzzer records the input.
    static func check(_ condition: Bool, _ what: StaticString) {
        if !condition { fatalError("fuzz oracle: \(what)") }
    }
}

/// Scratch files (in memory where `/dev/shm` exists) for readers that take a path; unique per
/// call, so that regression tests may run in parallel.
enum ScratchFile {
    static let base: String = {
        let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return (dir as NSString).appendingPathComponent("gongshi-fuzz-\(getpid())-")
    }()
    nonisolated(unsafe) static var counter = 0
    static let lock = NSLock()

    static func with<R>(_ bytes: [UInt8], _ body: (String) throws -> R) rethrows -> R {
        lock.lock()
        counter += 1
        let path = base + String(counter)
        lock.unlock()
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { unlink(path) }
        return try body(path)
    }

}

extension FuzzTargets {
    /// An `.xlsx` workbook (ZIP archive, shared strings, worksheets), read from a file as `build` reads
    /// it. Oracle: within a worksheet rows come in increasing row order (a damaged sheet that closes a
    /// row twice or holds cells outside rows found this), no row is wider than Excel allows, numbers sit
    /// beside their cells. (Not through `XLSXReader.read(data:)`: ZIPFoundation's
    /// in-memory archive traps on some damaged archives — the first input this target found.)
    @Sendable public static func xlsx(_ data: [UInt8]) {
        ScratchFile.with(data) { path in xlsxFile(path) }
    }

    static func xlsxFile(_ path: String) {
        var lastLine = 0
        do {
            try XLSXReader.read(path: path) { event in
                switch event {
                case .sheet:
                    lastLine = 0
                case .row(let row):
                    check(row.line > lastLine, "xlsx rows out of order")
                    lastLine = row.line
                    check(row.cells.count <= XLSXReader.maxColumns, "xlsx row wider than Excel")
                    check(row.numbers.count <= row.cells.count, "xlsx numbers without their cells")
                case .merges(let ranges, let count):
                    check(ranges.count <= min(count, XLSXReader.keptMerges), "xlsx merges counted short")
                }
            }
        } catch {
            return  // an unreadable workbook is an XLSXError: a finding, never a trap
        }
    }
}
