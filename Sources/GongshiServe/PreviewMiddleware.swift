import Foundation
import GongshiSite
import Hummingbird

/// Refuses request paths that are not plain paths of the site, and sends every other spelling of a
/// path (`//xzxk`, `/xzxk//a`, `/%2F%2Fevil.example`) to its one canonical local form. The canonical
/// form starts with one `/` followed by a path segment, so no redirect the preview sends — here or in
/// `FileMiddleware`, which redirects folders to their path plus `/` — can point at another host.
struct PathGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let raw = request.uri.path
        guard let path = raw.removingPercentEncoding, path.hasPrefix("/") else {
            return Response(status: .badRequest)
        }
        // Backslashes count as slashes in browsers; control characters have no place in a URL path.
        if path.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) {
            return Response(status: .badRequest)
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        // `..`, `.` and hidden files (the output marker) are never served.
        if segments.contains(where: { $0.hasPrefix(".") }) { return Response(status: .notFound) }
        var canonical = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { canonical += "/" }
        if canonical != path {
            let encoded = canonical.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
            return Response(status: .movedPermanently, headers: [.location: encoded, .cacheControl: "no-store"])
        }
        return try await next(request, context)
    }
}

/// Adds the live-reload script (and the last build error) to every HTML page that `FileMiddleware`
/// serves, and answers paths that match no file with the site's own 404 page, the same way.
///
/// Pages are small, so an HTML body is collected whole; its headers are rewritten to match (length),
/// and validators and ranges are dropped for HTML so a browser never keeps a page without the
/// current script. Every other file passes through untouched, with `FileMiddleware`'s ETag and Range
/// handling.
struct LiveReloadMiddleware<Context: RequestContext>: RouterMiddleware {
    let root: String
    let state: PreviewState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var forwarded = request
        let path = request.uri.path
        if path.hasSuffix("/") || path.hasSuffix(".html") {
            var head = request.head
            head.headerFields[.range] = nil
            head.headerFields[.ifRange] = nil
            head.headerFields[.ifNoneMatch] = nil
            head.headerFields[.ifModifiedSince] = nil
            forwarded = Request(head: head, body: request.body)
        }
        let response: Response
        do {
            response = try await next(forwarded, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return notFound(head: request.method == .head)
        }
        if response.status == .notFound { return notFound(head: request.method == .head) }
        guard response.status == .ok, response.headers[.contentType]?.hasPrefix("text/html") == true else {
            return response
        }
        let snapshot = state.snapshot()
        var headers = response.headers
        headers[.eTag] = nil
        headers[.lastModified] = nil
        headers[.acceptRanges] = nil
        headers[.contentLength] = nil
        headers[.cacheControl] = "no-store"
        if request.method == .head { return Response(status: .ok, headers: headers) }
        let collector = BodyCollector()
        try await response.body.write(collector.writer)
        let html = PreviewPages.inject(
            into: String(decoding: collector.bytes, as: UTF8.self), version: snapshot.version, error: snapshot.error)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The site's 404 page with the script, or — before the first good build — the build error.
    func notFound(head: Bool) -> Response {
        let snapshot = state.snapshot()
        let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        guard let data = FileManager.default.contents(atPath: root + "/404.html") else {
            let html = PreviewPages.errorPage(snapshot.error ?? "正在构建…", version: snapshot.version)
            return Response(
                status: snapshot.error == nil ? .serviceUnavailable : .internalServerError, headers: headers,
                body: head ? .init() : .init(byteBuffer: ByteBuffer(string: html)))
        }
        let html = PreviewPages.inject(
            into: String(decoding: data, as: UTF8.self), version: snapshot.version, error: snapshot.error)
        return Response(
            status: .notFound, headers: headers, body: head ? .init() : .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Collects a response body (a page read by `FileMiddleware`) into memory.
final class BodyCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer: [UInt8] = []

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }

    var writer: Writer { Writer(owner: self) }

    fileprivate func append(_ b: ByteBuffer) {
        lock.lock()
        buffer.append(contentsOf: b.readableBytesView)
        lock.unlock()
    }

    /// The writer handed to `ResponseBody.write`.
    struct Writer: ResponseBodyWriter {
        let owner: BodyCollector
        mutating func write(_ buffer: ByteBuffer) async throws { owner.append(buffer) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

/// The HTML the preview adds or shows on its own.
enum PreviewPages {
    /// Adds the live-reload script, and the build error when the last rebuild failed.
    static func inject(into html: String, version: Int, error: String?) -> String {
        var html = html
        if let error, let body = html.range(of: "<body>") {
            let notice =
                "<div class=\"build-error\" role=\"alert\" style=\"background:#7d1712;color:#fff;padding:12px 16px;font-weight:600\">构建失败，仍显示上一次成功的构建：\(Escape.xml(error))</div>"
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
