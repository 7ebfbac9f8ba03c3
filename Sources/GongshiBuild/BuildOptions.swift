import Foundation
import GongshiModel
import GongshiRules
import GongshiSite

/// What a build is asked to do (`gongshi build` and the preview server).
public struct BuildOptions: Sendable {
    public var site: String
    public var out: String
    public var date: LocalDate
    public var baseURL: String?
    public var writeLedger = true
    /// Reuse and keep `.gongshi.cache/` (an incremental build); false builds everything from scratch.
    /// The preview never uses it.
    public var useCache = true
    /// Preview: the 预览 banner, and optionally one department's records only.
    public var preview: SiteContext.PreviewInfo?
    /// Asked before every file is written: true abandons the build (the preview server stopping).
    public var isCancelled: @Sendable () -> Bool = { false }
    /// False when the process ends with the build (`gongshi build`): its records, index and render are
    /// left for the exit to reclaim, as compilers leave theirs (freeing a province's records one by one
    /// took a tenth of a second of one core). A long-lived process (the preview server, tests) frees them.
    public var freesMemory = true

    public init(site: String, out: String? = nil, date: LocalDate) {
        self.site = site
        self.out = out ?? (site as NSString).appendingPathComponent("Public")
        self.date = date
    }
}

/// What a build did, for its summary.
public struct BuildResult: Sendable {
    public let date: LocalDate
    public let published: [RecordKind: Int]
    public let withdrawals: Int
    /// Withheld records by rule id.
    public let withheld: [String: Int]
    /// Withheld for an error finding (what `--strict` fails on).
    public let withheldForError: Int
    public let pages: Int
    public let files: Int
    public let ledgerEvents: Int
    public let seconds: Double
    public let findings: [Finding]
    public let out: String
    /// The day's build report beside the ledger (`Content/baogao/YYYY-MM-DD.md`), when written.
    public var reportFile: String?
    /// What the webmaster must know about how the build was made (a ledger left unwritten), one
    /// sentence each: `gongshi build` prints them on standard error, even with `--quiet`.
    public var notes: [String] = []

    /// Data files and worksheets that could not be read at all: their records are not published, and
    /// how many they held is not known (`--strict` fails on them as on records withheld for an error).
    public var unreadable: Int { findings.filter(BadFile.unreadableTable).count }

    /// Why `build --strict` fails this build (empty: it does not): records withheld for an error, data
    /// files or sheets that could not be read.
    public var strictFailures: [String] {
        var why: [String] = []
        if withheldForError > 0 { why.append("有 \(withheldForError) 条记录因错误不予公示") }
        if unreadable > 0 { why.append("有 \(unreadable) 个数据文件或工作表无法读取") }
        return why
    }

    /// The Chinese summary printed at the end of `gongshi build`.
    public var summary: String {
        var s =
            "构建日期 \(date)：公示 行政许可 \(published[.xzxk] ?? 0) 条、行政处罚 \(published[.xzcf] ?? 0) 条、名单 \(published[.mingdan] ?? 0) 条"
        if withdrawals > 0 { s += "，撤回说明 \(withdrawals) 条" }
        s += "\n"
        let total = withheld.values.reduce(0, +)
        if total > 0 {
            let parts = withheld.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
                "\($0.key) \($0.value)"
            }
            s += "不予公示 \(total) 条：\(parts.joined(separator: "，"))（详见 gongshi check）\n"
        }
        let unreadable = unreadable
        if unreadable > 0 { s += "无法读取：\(unreadable) 个数据文件或工作表，其中的记录均未公示（详见 gongshi check）\n" }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        s += "检查：错误 \(errors) 条，警告 \(warnings) 条\n"
        s += "写出 \(pages) 个页面、共 \(files) 个文件到 \(out)，台账新增 \(ledgerEvents) 条，用时 \(String(format: "%.2f", seconds)) 秒\n"
        if let report = reportFile { s += "构建报告（可转发）：\(report)\n" }
        return s
    }
}
