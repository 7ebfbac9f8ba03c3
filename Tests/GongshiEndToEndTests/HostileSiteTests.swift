import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `gongshi check` and `build` on sites with files an attacker or an unlucky webmaster could leave:
/// FIFOs, links out of the site, names too long for the file system, escape sequences, a header of
/// 100 000 columns, a calendar for year 0. The FIFOs and links are made here, in a temporary copy.
@Suite("gongshi on hostile files")
struct HostileSiteTests {
    /// Runs gongshi, killing it after `limit` seconds (a hang would otherwise hang the suite).
    func run(_ args: [String], limit: Double = 120) throws -> (
        status: Int32, signalled: Bool, stdout: Data, stderr: String
    ) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Gongshi.binary)
        p.arguments = args
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongshi-hostile-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile) }
        let out = try FileHandle(forWritingTo: outFile)
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        watchdog.cancel()
        try out.close()
        let o = FileManager.default.contents(atPath: outFile.path) ?? Data()
        return (p.terminationStatus, p.terminationReason == .uncaughtSignal, o, String(decoding: e, as: UTF8.self))
    }

    @Test("FIFOs and links out of the site: findings on their files, nothing hangs, nothing published")
    func fifosAndLinks() throws {
        let site = try Gongshi.site("basic")
        #expect(mkfifo(site + "/Content/xzcf/pipe.csv", 0o644) == 0)
        #expect(mkfifo(site + "/Templates/assets/pipe.css", 0o644) == 0)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site + "/Templates/assets/passwd.txt", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: site + "/Templates/assets/etc", withDestinationPath: "/etc")
        try fm.createSymbolicLink(atPath: site + "/Content/xinwen/zero.md", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: site + "/Content/xzxk/passwd.csv", withDestinationPath: "/etc/passwd")

        let check = try run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        #expect(!check.signalled)
        #expect(check.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: check.stdout) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let badFiles = Set(findings.filter { $0["rule"] as? String == "bad-file" }.compactMap { $0["file"] as? String })
        for file in [
            "Content/xzcf/pipe.csv", "Templates/assets/pipe.css", "Templates/assets/passwd.txt",
            "Content/xinwen/zero.md", "Content/xzxk/passwd.csv",
        ] {
            #expect(badFiles.contains(file), "no bad-file finding for \(file)")
        }

        let build = try run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(!build.signalled)
        #expect(build.status == 0, "\(build.stderr)")
        let published = Gongshi.files(site + "/Public")
        #expect(published.contains("assets/site.css"))
        #expect(!published.contains { $0.contains("passwd") || $0.contains("pipe") || $0.hasPrefix("assets/etc") })
        for file in published {
            #expect(!Gongshi.read(site + "/Public/" + file).contains("root:x:0:0"), "/etc/passwd leaked into \(file)")
        }
    }

    @Test("a template that links out of the site: a finding in check, build stops with exit 2 naming it")
    func templateLinkOut() throws {
        let site = try Gongshi.site("basic")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongshi-outside-\(UUID().uuidString).mustache"
        ).path
        try "{{title}}".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.removeItem(atPath: site + "/Templates/footer.mustache")
        try FileManager.default.createSymbolicLink(
            atPath: site + "/Templates/footer.mustache", withDestinationPath: outside)
        let check = try run(["check", "--site", site, "--date", "2026-11-25"])
        #expect(check.status == 1)
        #expect(String(decoding: check.stdout, as: UTF8.self).contains("Templates/footer.mustache"))
        let build = try run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(!build.signalled)
        #expect(build.status == 2)
        #expect(build.stderr.contains("Templates/footer.mustache"))
        #expect(!FileManager.default.fileExists(atPath: site + "/Public"))
    }

    @Test("a department 编码 of 240 characters and a slug of 256: findings in check, and build still builds")
    func namesTooLong() throws {
        let site = try Gongshi.site("basic")
        let code = String(repeating: "a", count: 240)
        let depts = Gongshi.read(site + "/Content/departments.csv") + "\(code),超长编码部门,,\n"
        try depts.write(toFile: site + "/Content/departments.csv", atomically: true, encoding: .utf8)
        let slug = String(repeating: "b", count: 256)
        try "---\ntitle: 超长网址\ndate: 2026-11-20\nslug: \(slug)\n---\n正文\n"
            .write(toFile: site + "/Content/xinwen/long.md", atomically: true, encoding: .utf8)

        let check = try run(["check", "--site", site, "--date", "2026-11-25"])
        let text = String(decoding: check.stdout, as: UTF8.self)
        #expect(check.status == 1)
        #expect(text.contains("Content/departments.csv"))
        #expect(text.contains("最多 64 个"))
        #expect(text.contains("Content/xinwen/long.md"))

        let build = try run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(!build.signalled)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site + "/Public/index.html"))
        #expect(!Gongshi.files(site + "/Public").contains { $0.contains(slug) || $0.contains(code) })
    }

    @Test("a calendar for year 0 is a finding naming the file, not a stop nor a signal")
    func calendarYearZero() throws {
        let site = try Gongshi.site("basic")
        try "year: 0\nholidays:\nworkdays:\n".write(
            toFile: site + "/Content/calendar/0.yml", atomically: true, encoding: .utf8)
        let check = try run(["check", "--site", site, "--date", "2026-11-25"])
        #expect(!check.signalled)
        #expect(check.status == 1)
        #expect(String(decoding: check.stdout, as: UTF8.self).contains("Content/calendar/0.yml"))
        let build = try run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(!build.signalled)
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test("escape sequences in a header reach the terminal escaped")
    func escapeSequences() throws {
        let site = try Gongshi.site("basic")
        try "行政相对人名称,\u{1B}]0;pwned\u{07}\u{1B}[2J坏列\n某公司,x\n"
            .write(toFile: site + "/Content/xzcf/esc.csv", atomically: true, encoding: .utf8)
        let r = try run(["check", "--site", site, "--date", "2026-11-25"])
        #expect(!r.stdout.contains(0x1B))
        #expect(!r.stdout.contains(0x07))
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("\\u{1B}]0;pwned\\u{7}\\u{1B}[2J坏列"))
        // JSON carries the text itself, escaped the JSON way.
        let j = try run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        #expect(!j.stdout.contains(0x1B))
        let json = try #require(try JSONSerialization.jsonObject(with: j.stdout) as? [String: Any])
        let messages = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("\u{1B}]0;pwned\u{07}\u{1B}[2J坏列") })
    }

    @Test("a header of 100 000 columns: check --format json reports each, with messages of bounded length")
    func hugeHeader() throws {
        let site = try Gongshi.site("basic")
        let header = (0..<100_000).map { "列\($0)" }.joined(separator: ",") + "\n"
        try header.write(toFile: site + "/Content/xzcf/wide.csv", atomically: true, encoding: .utf8)
        let r = try run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        #expect(!r.signalled)
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(
            findings.filter {
                $0["file"] as? String == "Content/xzcf/wide.csv" && $0["rule"] as? String == "unknown-column"
            }.count == 100_000)
    }
}
