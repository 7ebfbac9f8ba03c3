import ArgumentParser
import Foundation
import GongshiBuild
import GongshiModel

/// Builds the public site into `Public/` (or `--out`) and appends the day's events to the ledger.
///
///     gongshi build --date 2026-11-25
///     gongshi build --out /srv/www/xinyong --base-url https://xinyong.example.gov.cn/
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "生成完整的公示网站（原子替换输出文件夹，并把当天的公示事件追加到台账）。")

    @OptionGroup var siteOptions: SiteOptions
    @Option(name: .long, help: "输出文件夹，默认 站点/Public。")
    var out: String?
    @OptionGroup var dateOption: DateOption
    @Option(name: .customLong("base-url"), help: "覆盖 site.yml 中的 baseURL。")
    var baseURL: String?
    @Flag(name: .customLong("no-ledger"), help: "只读台账，不写入。")
    var noLedger = false
    @Flag(name: .customLong("no-cache"), help: "完整构建：不使用也不更新构建缓存 .gongshi.cache/（结果与增量构建相同，只是更慢）。")
    var noCache = false
    @Flag(name: .long, help: "有记录因错误不予公示、或有数据文件无法读取时，退出码为 1。")
    var strict = false
    @Flag(name: .long, help: "不显示进度和摘要。")
    var quiet = false

    func run() throws {
        var options = BuildOptions(
            site: siteOptions.siteRoot, out: out.map(absolutePath), date: try dateOption.resolve())
        options.baseURL = baseURL
        options.writeLedger = !noLedger
        options.useCache = !noCache
        options.freesMemory = false
        let progress = ProgressPrinter(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        Interruption.install()
        let result: BuildResult
        do { result = try SiteBuilder.build(options, progress: progress.tick) } catch {
            progress.finish()
            fail(error, status: Interruption.signal.map { 128 + $0 } ?? 2)
        }
        progress.finish()
        if !quiet { FileHandle.standardOutput.write(Data(result.summary.utf8)) }
        for note in result.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        if strict, !result.strictFailures.isEmpty {
            let why = result.strictFailures.joined(separator: "，")
            FileHandle.standardError.write(Data("gongshi: --strict：\(why)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Shows "已写出 N 个文件" on a terminal, at most ten times a second.
final class ProgressPrinter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var count = 0
    private var last = Date.distantPast
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    var tick: @Sendable (Int) -> Void { { [self] n in self.add(n) } }

    private func add(_ n: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        count += n
        let now = Date()
        if now.timeIntervalSince(last) > 0.1 {
            last = now
            shown = true
            FileHandle.standardError.write(Data("\r正在生成… 已写出 \(count) 个文件".utf8))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }
}
