import Foundation
import GongshiBuild
import GongshiContent
import GongshiModel
import GongshiSite
import Hummingbird

/// `gongshi serve`: builds the site into a temporary folder, serves it on 127.0.0.1, rebuilds when
/// `Content/` or `Templates/` change and reloads open pages. Every page carries the 预览 banner; the
/// ledger is never written. A failed rebuild keeps the last good site and shows the error on every
/// page. Stopping with Ctrl-C removes the temporary folder.
public struct PreviewServer: Sendable {
    public let site: String
    public let port: Int
    public let date: LocalDate
    public let department: String?
    /// Called with one line of news for the terminal (rebuilt, failed …).
    public let log: @Sendable (String) -> Void

    public init(site: String, port: Int, date: LocalDate, department: String?, log: @escaping @Sendable (String) -> Void) {
        self.site = site; self.port = port; self.date = date; self.department = department; self.log = log
    }

    public func run() async throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-serve-\(getpid())").path
        try? FileManager.default.removeItem(atPath: temp)
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let out = temp + "/site"
        let state = PreviewState()
        let preview = try previewInfo()

        let build: @Sendable () async -> Void = {
            let started = Date()
            var options = BuildOptions(site: site, out: out, date: date)
            options.baseURL = "http://127.0.0.1:\(port)/"
            options.writeLedger = false
            options.preview = preview
            do {
                let result = try SiteBuilder.build(options)
                await state.succeeded()
                let errors = result.findings.filter { $0.severity == .error }.count
                log("已构建 \(result.pages) 个页面（\(String(format: "%.2f", Date().timeIntervalSince(started))) 秒），错误 \(errors) 条")
            } catch {
                let message = (error as? SiteError)?.description ?? "\(error)"
                await state.failed(message)
                log("构建失败，继续显示上一次成功的构建：\(message)")
            }
        }
        await build()

        let watcher = Task {
            var last = Watcher.signature(site: site)
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 200_000_000)
                let now = Watcher.signature(site: site)
                if now != last {
                    last = now
                    log("检测到修改，正在重新构建…")
                    await build()
                }
            }
        }
        defer { watcher.cancel() }

        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await Self.respond(path: request.uri.path, root: out, state: state)
        }
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { _ in
                log("预览地址：http://127.0.0.1:\(port)/ （问题清单：http://127.0.0.1:\(port)/yulan/），按 Ctrl-C 停止")
            }
        )
        try await app.runService()
        log("已停止，临时文件已删除")
    }

    func previewInfo() throws -> SiteContext.PreviewInfo {
        guard let dept = department else { return SiteContext.PreviewInfo(department: nil, departmentName: nil) }
        let path = (site as NSString).appendingPathComponent("Content/departments.csv")
        var findings: [Finding] = []
        let departments = RegistryReader.departments(path: path, file: "Content/departments.csv", findings: &findings)
        guard let d = departments.first(where: { $0.code == dept }) else {
            throw SiteError(file: "Content/departments.csv", message: "没有编码为「\(dept)」的部门（已有：\(departments.map(\.code).joined(separator: "、"))）")
        }
        return SiteContext.PreviewInfo(department: d.code, departmentName: d.name)
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "xml": "application/xml; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "opml": "text/x-opml; charset=utf-8", "ico": "image/x-icon", "woff2": "font/woff2",
    ]

    static func respond(path rawPath: String, root: String, state: PreviewState) async -> Response {
        if rawPath == "/__gongshi/version" {
            return Response(status: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: String(await state.version))))
        }
        let path = rawPath.removingPercentEncoding ?? rawPath
        let parts = path.split(separator: "/").map(String.init)
        var status: HTTPResponse.Status = .ok
        var file: String?
        if !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) {
            var candidate = root + "/" + parts.joined(separator: "/")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), isDir.boolValue {
                if !path.hasSuffix("/") {
                    return Response(status: .movedPermanently, headers: [.location: path + "/"])
                }
                candidate += "/index.html"
            }
            if FileManager.default.fileExists(atPath: candidate) { file = candidate }
        }
        if file == nil {
            status = .notFound
            file = root + "/404.html"
        }
        let (version, error) = await state.snapshot()
        guard let f = file, var data = FileManager.default.contents(atPath: f) else {
            // No good build yet: show the error itself.
            let html = Self.errorPage(error ?? "正在构建…", version: version)
            return Response(status: error == nil ? .serviceUnavailable : .internalServerError,
                            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: html)))
        }
        let ext = (f as NSString).pathExtension.lowercased()
        if ext == "html" { data = Data(Self.inject(into: String(decoding: data, as: UTF8.self), version: version, error: error).utf8) }
        return Response(status: status, headers: [.contentType: types[ext] ?? "application/octet-stream", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Adds the live-reload script, and the build error when the last rebuild failed.
    static func inject(into html: String, version: Int, error: String?) -> String {
        var html = html
        if let error, let body = html.range(of: "<body>") {
            let notice = "<div class=\"build-error\" role=\"alert\" style=\"background:#7d1712;color:#fff;padding:12px 16px;font-weight:600\">构建失败，仍显示上一次成功的构建：\(Escape.xml(error))</div>"
            html.insert(contentsOf: notice, at: body.upperBound)
        }
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: reloadScript(version), at: end.lowerBound)
        }
        return html
    }

    static func reloadScript(_ version: Int) -> String {
        """
        <script>(function(){var v=\(version);function p(){fetch('/__gongshi/version',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(+t!==v){location.reload()}else{setTimeout(p,300)}}).catch(function(){setTimeout(p,1500)})}setTimeout(p,300)})();</script>
        """
    }

    static func errorPage(_ message: String, version: Int) -> String {
        """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>预览：构建失败</title></head>
        <body><main style="font-family:sans-serif;max-width:760px;margin:40px auto;padding:0 16px">
        <p><strong>预览</strong></p><h1>构建失败</h1><p role="alert">\(Escape.xml(message))</p>
        <p>修改文件后本页会自动刷新。</p></main>\(reloadScript(version))</body></html>
        """
    }
}

/// The build version the open pages compare against, and the last build error.
actor PreviewState {
    private(set) var version = 0
    private(set) var error: String?
    func succeeded() { version += 1; error = nil }
    func failed(_ message: String) { version += 1; error = message }
    func snapshot() -> (Int, String?) { (version, error) }
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
                if rel == "ledger.csv" || rel.hasPrefix("ledger.csv.tmp") { continue }
                guard let attrs = try? fm.attributesOfItem(atPath: base + "/" + rel) else { continue }
                let m = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                out.append("\(dir)/\(rel)|\(attrs[.size] ?? 0)|\(m)")
            }
        }
        return out.sorted()
    }
}
