import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The preview under abuse: odd paths never redirect off the site, files come with ETag and Range,
/// a flood of idle connections is survived, and a killed server's folder is removed by the next.
@Suite("gongshi serve under abuse", .serialized)
struct ServeAbuseTests {
    /// A TCP connection to 127.0.0.1:`port`, or -1.
    static func connectTo(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if ok != 0 {
            close(fd)
            return -1
        }
        return fd
    }

    /// Sends a raw request and reads the whole answer (the request asks to close the connection).
    static func raw(_ port: Int, _ request: String) -> String {
        let fd = connectTo(port)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, bytes.count, 0) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
            if n <= 0 { break }
            out.append(contentsOf: buffer[..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func get(_ port: Int, _ path: String, _ headers: String = "") -> String {
        raw(port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)Connection: close\r\n\r\n")
    }

    static func header(_ response: String, _ name: String) -> String? {
        for line in response.components(separatedBy: "\r\n") {
            if line.lowercased().hasPrefix(name.lowercased() + ":") {
                return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
            }
            if line.isEmpty { break }
        }
        return nil
    }

    static func startServe(site: String, port: Int) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Gongshi.binary)
        p.arguments = ["serve", "--site", site, "--date", "2026-11-25", "--port", String(port)]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func waitReady(_ port: Int) -> Bool {
        for _ in 0..<300 {
            if get(port, "/").hasPrefix("HTTP/1.1 200") { return true }
            usleep(100_000)
        }
        return false
    }

    @Test func oddPathsStayOnTheSiteAndFilesHaveValidators() throws {
        let site = try Gongshi.site("basic")
        let port = Gongshi.freePort()
        let p = try Self.startServe(site: site, port: port)
        defer {
            if p.isRunning {
                p.terminate()
                p.waitUntilExit()
            }
        }
        #expect(Self.waitReady(port))

        for path in [
            "//xzxk", "//xzxk/", "///xzxk", "/%2F%2Fxzxk", "/%2f%2fevil.example/", "/\\evil.example",
            "/%5Cevil.example",
            "/xzxk//", "//evil.example/%2e%2e",
        ] {
            let r = Self.get(port, path)
            #expect(!r.isEmpty, "no answer for \(path)")
            if let location = Self.header(r, "Location") {
                #expect(
                    location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\"),
                    "\(path) → \(location)")
                #expect(
                    !location.contains("evil.example") || location.hasPrefix("/evil.example"), "\(path) → \(location)")
            }
        }
        // A folder without its slash goes to the same folder on this site.
        #expect(Self.header(Self.get(port, "/xzxk"), "Location") == "/xzxk/")
        // Hidden files (the output marker) and traversal are not served.
        #expect(Self.get(port, "/.gongshi-output").hasPrefix("HTTP/1.1 404"))
        #expect(!Self.get(port, "/../Content/ledger.csv").hasPrefix("HTTP/1.1 200"))
        // Assets: ETag and byte ranges from FileMiddleware.
        let css = Self.get(port, "/assets/site.css")
        #expect(css.hasPrefix("HTTP/1.1 200"))
        let etag = try #require(Self.header(css, "ETag"))
        #expect(Self.get(port, "/assets/site.css", "If-None-Match: \(etag)\r\n").hasPrefix("HTTP/1.1 304"))
        let part = Self.get(port, "/assets/site.css", "Range: bytes=0-9\r\n")
        #expect(part.hasPrefix("HTTP/1.1 206"))
        #expect(Self.header(part, "Content-Length") == "10")
        // Pages carry the live-reload script, whatever validators the browser sends; 404s too.
        let page = Self.get(port, "/xzxk/", "If-None-Match: \"x\"\r\nRange: bytes=0-5\r\n")
        #expect(page.hasPrefix("HTTP/1.1 200"))
        #expect(page.contains("/__gongshi/version"))
        let missing = Self.get(port, "/no/such/page/")
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        #expect(missing.contains("/__gongshi/version"))
    }

    @Test func aFloodOfIdleConnectionsIsSurvived() throws {
        let site = try Gongshi.site("basic")
        let port = Gongshi.freePort()
        let p = try Self.startServe(site: site, port: port)
        defer {
            if p.isRunning {
                p.terminate()
                p.waitUntilExit()
            }
        }
        #expect(Self.waitReady(port))
        // More idle connections than the server accepts at once; then they go away.
        var fds: [Int32] = []
        for _ in 0..<400 {
            let fd = Self.connectTo(port)
            if fd >= 0 { fds.append(fd) }
        }
        for fd in fds { close(fd) }
        #expect(p.isRunning)
        var answered = false
        for _ in 0..<100 where !answered {
            answered = Self.get(port, "/").hasPrefix("HTTP/1.1 200")
            if !answered { usleep(200_000) }
        }
        #expect(answered, "the preview did not recover")
    }

    @Test func theFolderOfAKilledServerIsRemovedByTheNext() throws {
        let site = try Gongshi.site("basic")
        let port = Gongshi.freePort()
        let first = try Self.startServe(site: site, port: port)
        #expect(Self.waitReady(port))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongshi-serve-\(first.processIdentifier)"
        ).path
        #expect(FileManager.default.fileExists(atPath: folder))
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: folder))
        let secondPort = Gongshi.freePort()
        let second = try Self.startServe(site: site, port: secondPort)
        defer {
            if second.isRunning {
                second.terminate()
                second.waitUntilExit()
            }
        }
        #expect(Self.waitReady(secondPort))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
