import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs the built `gongshi` binary on fixture sites copied to temporary folders.
enum Gongshi {
    /// The repository root (this file is Tests/GongshiEndToEndTests/Support.swift).
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `gongshi` executable beside the test bundle (SwiftPM puts both in the build folder).
    static let binary: String = {
        if let env = ProcessInfo.processInfo.environment["GONGSHI_BIN"] { return env }
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gongshi").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return repo.appendingPathComponent(".build/debug/gongshi").path
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ args: [String], cwd: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "America/New_York"  // output must not depend on the time zone
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting so that a large output cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    /// Copies `Tests/GongshiEndToEndTests/Fixtures/<name>` to a new temporary folder, with the
    /// repository's Templates, calendar and memoranda.
    static func site(_ name: String) throws -> String {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gongshi-e2e-\(name)-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try fm.copyItem(
            atPath: repo.appendingPathComponent("Tests/GongshiEndToEndTests/Fixtures/\(name)/Content").path,
            toPath: dir + "/Content")
        try fm.copyItem(atPath: repo.appendingPathComponent("Templates").path, toPath: dir + "/Templates")
        try fm.copyItem(atPath: repo.appendingPathComponent("Content/calendar").path, toPath: dir + "/Content/calendar")
        try fm.copyItem(
            atPath: repo.appendingPathComponent("Content/memoranda.csv").path, toPath: dir + "/Content/memoranda.csv")
        return dir
    }

    /// Every file under `dir`, relative, sorted.
    static func files(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        for case let rel as String in e {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out.append(rel)
            }
        }
        return out.sorted()
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}

extension Gongshi {
    /// A loopback port no one listens on now, chosen by the kernel (tests run in parallel, and other
    /// test runs may share the machine: fixed port formulas collide).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return 20000 + Int(getpid() % 20000) }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard bound else { return 20000 + Int(getpid() % 20000) }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// A `gongshi serve` started for a test, stopped when the test ends.
final class PreviewProcess {
    let process = Process()
    let base: String

    init(site: String, arguments: [String] = []) throws {
        let port = Gongshi.freePort()
        base = "http://127.0.0.1:\(port)"
        process.executableURL = URL(fileURLWithPath: Gongshi.binary)
        process.arguments = ["serve", "--site", site, "--date", "2026-11-25", "--port", String(port)] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Status and body of a page (0 when nothing answers).
    func get(_ path: String) async -> (Int, String) {
        guard let u = URL(string: base + path), let (data, response) = try? await URLSession.shared.data(from: u) else {
            return (0, "")
        }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// The page, once the first build answers (at most 40 s).
    func waitFor(_ path: String) async -> (Int, String) {
        var page = (0, "")
        for _ in 0..<200 {
            page = await get(path)
            if page.0 == 200 { break }
            try? await Task.sleep(nanoseconds: 200_000_000)
        }
        return page
    }
}

/// `gongshi check --format json`, as the end-to-end tests read it.
struct CheckReportJSON: Decodable {
    struct Summary: Decodable {
        let errors: Int
        let warnings: Int
        let infos: Int
        let records: Int
    }
    struct Item: Decodable {
        let rule: String
        let severity: String
        let file: String
        let line: Int
        let key: String
        let department: String
        let message: String
        let entity: String?
    }
    let date: String
    let summary: Summary
    let findings: [Item]
}
