import Hummingbird
import HummingbirdTesting
import Testing

@testable import GongshiServe

/// The preview's own logic, without a process or a socket: the path guard through Hummingbird's test
/// client, the pages it adds to, the limits it sets itself.
@Suite("Preview server pieces")
struct PreviewTests {
    /// A router whose one route answers `served` for any path the guard lets through.
    func guarded() -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: PathGuardMiddleware())
        router.get("**") { _, _ in "served" }
        return Application(router: router)
    }

    @Test("other spellings of a path go to its one local form; hidden files and control characters never")
    func pathGuard() async throws {
        try await guarded().test(.router) { client in
            try await client.execute(uri: "/xzxk/a/", method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body) == "served")
            }
            for (uri, location) in [
                ("//xzxk", "/xzxk"), ("/xzxk//a/", "/xzxk/a/"), ("/%2F%2Fevil.example", "/evil.example"),
            ] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .movedPermanently, "\(uri)")
                    #expect(r.headers[.location] == location, "\(uri)")
                }
            }
            try await client.execute(uri: "/.gongshi-output", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/xzxk/%2E%2E/secret", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/a%5Cb", method: .get) { r in #expect(r.status == .badRequest) }
        }
    }

    @Test("the reload script goes before </body>; a build error is shown first, escaped")
    func inject() {
        let page = PreviewPages.inject(into: "<html><body><p>页</p></body></html>", version: 7, error: "<b>坏</b>")
        #expect(page.contains("var v=7"))
        #expect(page.hasSuffix("</script></body></html>"))
        #expect(page.contains("构建失败，仍显示上一次成功的构建：&lt;b&gt;坏&lt;/b&gt;"))
        #expect(page.range(of: "build-error")!.lowerBound < page.range(of: "<p>页</p>")!.lowerBound)
        #expect(!PreviewPages.inject(into: "<body></body>", version: 1, error: nil).contains("build-error"))
    }

    @Test("connections are limited by the descriptors left after a reserve, within 8 and the cap")
    func connectionLimit() {
        #expect(PreviewFolder.connectionLimit(descriptors: 1024, cap: 256) == 256)
        #expect(PreviewFolder.connectionLimit(descriptors: 400, cap: 256) == 152)
        #expect(PreviewFolder.connectionLimit(descriptors: 100, cap: 256) == 8)
    }
}
