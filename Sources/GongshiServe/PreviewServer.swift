import Foundation
import GongshiBuild
import GongshiContent
import GongshiModel
import GongshiSite
import Hummingbird
import HummingbirdCore
import Logging

/// `gongshi serve`: builds the site into a temporary folder, serves it on 127.0.0.1, rebuilds when
/// `Content/` or `Templates/` change and reloads open pages. Every page carries the 预览 banner; the
/// ledger is never written. A failed rebuild keeps the last good site and shows the error on every
/// page. Stopping with Ctrl-C removes the temporary folder; the folder of a killed server is removed
/// by the next `serve`.
///
/// Files are served by Hummingbird's `FileMiddleware` (ETag, Range, traversal), behind a guard that
/// keeps every redirect on this site and a middleware that injects the live-reload script. Builds
/// run on their own thread, never on the threads that answer requests, so pages keep answering
/// during a rebuild. Connections are bounded and idle ones closed, so a flood of connections is
/// refused or queued by the kernel instead of exhausting the process's file descriptors.
public struct PreviewServer: Sendable {
    public let site: String
    public let port: Int
    public let date: LocalDate
    public let department: String?
    /// Called with one line of news for the terminal (rebuilt, failed …).
    public let log: @Sendable (String) -> Void

    /// At most this many connections at once (fewer under a low descriptor limit); more wait in the
    /// listen backlog or are refused by the kernel.
    static let maxConnections = 256

    /// Text files are UTF-8: say so, as the pages' own `<meta charset>` does.
    static let textTypes: [String: MediaType] = [
        "html": .init(type: .text, subType: "html", parameter: ("charset", "utf-8")),
        "css": .init(type: .text, subType: "css", parameter: ("charset", "utf-8")),
        "js": .init(type: .text, subType: "javascript", parameter: ("charset", "utf-8")),
        "json": .init(type: .application, subType: "json", parameter: ("charset", "utf-8")),
        "xml": .init(type: .application, subType: "xml", parameter: ("charset", "utf-8")),
        "csv": .init(type: .text, subType: "csv", parameter: ("charset", "utf-8")),
        "txt": .init(type: .text, subType: "plain", parameter: ("charset", "utf-8")),
        "opml": .init(type: .text, subType: "x-opml", parameter: ("charset", "utf-8")),
    ]

    public init(
        site: String, port: Int, date: LocalDate, department: String?, log: @escaping @Sendable (String) -> Void
    ) {
        self.site = site
        self.port = port
        self.date = date
        self.department = department
        self.log = log
    }

    public func run() async throws {
        let preview = try previewInfo()
        let temp = try PreviewFolder.make()
        let connections = PreviewFolder.connectionLimit(
            descriptors: PreviewFolder.raiseDescriptorLimit(), cap: Self.maxConnections)
        let out = temp.path + "/site"
        let state = PreviewState()

        let stopping = StopFlag()
        let rebuilder = Rebuilder(site: site, state: state, stopping: stopping, log: log) {
            [site, date, port] () throws(SiteError) -> BuildResult in
            var options = BuildOptions(site: site, out: out, date: date)
            options.isCancelled = { stopping.isSet }
            options.baseURL = "http://127.0.0.1:\(port)/"
            options.writeLedger = false
            options.preview = preview
            return try SiteBuilder.build(options)
        }
        // The port opens once the first build is done (on the rebuild thread), so the first answer is a page.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in rebuilder.start { done.resume() } }

        var logger = Logger(label: "gongshi-serve")
        logger.logLevel = .critical
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: PathGuardMiddleware())
        router.add(middleware: LiveReloadMiddleware(root: out, state: state))
        router.add(
            middleware: FileMiddleware(
                out, cacheControl: .init([(MediaType(type: .any), [CacheControl.CacheControlValue.noCache])]),
                searchForIndexHtml: true, logger: logger
            )
            .withAdditionalMediaTypes(forFileExtensions: Self.textTypes))
        router.get("/__gongshi/version") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: String(state.snapshot().version))))
        }
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(20))),
            configuration: .init(
                address: .hostname("127.0.0.1", port: port), serverName: nil, backlog: 256,
                availableConnectionsDelegate: MaximumAvailableConnections(connections, logger: logger)),
            onServerRunning: { _ in
                log("预览地址：http://127.0.0.1:\(port)/ （问题清单：http://127.0.0.1:\(port)/yulan/），按 Ctrl-C 停止")
            },
            logger: logger
        )
        defer {
            // Stop building, then remove the folder; only then say so.
            rebuilder.stop()
            temp.remove()
            log("已停止，临时文件已删除")
        }
        do { try await app.runService() } catch {
            throw SiteError(file: "", message: "无法在 127.0.0.1:\(port) 上提供预览（端口可能已被占用）。请用 --port 换一个端口。")
        }
    }

    func previewInfo() throws -> SiteContext.PreviewInfo {
        guard let dept = department else { return SiteContext.PreviewInfo(department: nil, departmentName: nil) }
        let path = (site as NSString).appendingPathComponent("Content/departments.csv")
        var findings: [Finding] = []
        let departments = RegistryReader.departments(path: path, file: "Content/departments.csv", findings: &findings)
        // By 编码, 名称 or 别名, as `check --department` takes it.
        let d = try CheckReport.resolveDepartment(dept, in: departments)
        return SiteContext.PreviewInfo(department: d.code, departmentName: d.name)
    }
}

/// The build version the open pages compare against, and the last build error. Read by the request
/// handlers, written by the rebuild thread.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var error: String?
    func succeeded() {
        lock.lock()
        version += 1
        error = nil
        lock.unlock()
    }
    func failed(_ message: String) {
        lock.lock()
        version += 1
        error = message
        lock.unlock()
    }
    func snapshot() -> (version: Int, error: String?) {
        lock.lock()
        defer { lock.unlock() }
        return (version, error)
    }
}

/// Builds the preview once, then again whenever the watched files change, on a thread of its own.
final class Rebuilder: @unchecked Sendable {
    let site: String
    let state: PreviewState
    let log: @Sendable (String) -> Void
    let build: @Sendable () throws(SiteError) -> BuildResult
    let stopping: StopFlag
    private let finished = DispatchSemaphore(value: 0)

    init(
        site: String, state: PreviewState, stopping: StopFlag, log: @escaping @Sendable (String) -> Void,
        build: @escaping @Sendable () throws(SiteError) -> BuildResult
    ) {
        self.site = site
        self.state = state
        self.stopping = stopping
        self.log = log
        self.build = build
    }

    /// Starts the loop; `built` is called once, after the first build.
    func start(built: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in loop(built: built) }
        thread.name = "gongshi-rebuild"
        thread.start()
    }

    /// Asks the loop to end and waits for it a moment: a build that is writing stops at its next file
    /// and removes its staging folder. One still reading or judging writes nothing before it would
    /// check the flag, so the server need not wait for it (Ctrl-C answers within seconds).
    func stop() {
        stopping.set()
        _ = finished.wait(timeout: .now() + 2)
    }

    private var isStopping: Bool { stopping.isSet }

    private func loop(built: @Sendable () -> Void) {
        defer { finished.signal() }
        var last = Watcher.signature(site: site)
        once()
        built()
        while !isStopping {
            usleep(200_000)
            let now = Watcher.signature(site: site)
            if now != last && !isStopping {
                last = now
                log("检测到修改，正在重新构建…")
                once()
            }
        }
    }

    private func once() {
        if isStopping { return }
        let started = Date()
        do {
            let result = try build()
            state.succeeded()
            let errors = result.findings.filter { $0.severity == .error }.count
            log(
                "已构建 \(result.pages) 个页面（\(String(format: "%.2f", Date().timeIntervalSince(started))) 秒），错误 \(errors) 条"
            )
        } catch {
            if isStopping { return }  // abandoned because the server stops
            state.failed(error.description)
            log("构建失败，继续显示上一次成功的构建：\(error.description)")
        }
    }
}

/// Set once when the server stops; read by the rebuild thread and the writers of its build.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Polls `Content/` and `Templates/`: a change of any file's path, size or modification time.
enum Watcher {
    static func signature(site: String) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for dir in ["Content", "Templates"] {
            let base = (site as NSString).appendingPathComponent(dir)
            guard let e = fm.enumerator(atPath: base) else { continue }
            for case let rel as String in e {
                // The ledger and its temporary files and notes are written by builds, not by people.
                if rel.hasPrefix("ledger.csv") { continue }
                guard let attrs = try? fm.attributesOfItem(atPath: base + "/" + rel) else { continue }
                let m = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                out.append("\(dir)/\(rel)|\(attrs[.size] ?? 0)|\(m)")
            }
        }
        return out.sorted()
    }
}
