import Foundation
import Testing

/// `gongshi` as a webmaster installs it: one file, copied anywhere, with no checkout beside it.
@Suite("an installed gongshi")
struct InstalledBinaryTests {
    @Test func initWorksFromACopyOfTheBinaryAnywhere() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gongshi-installed-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Gongshi.binary, toPath: dir + "/bin/gongshi")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dir + "/bin/gongshi")
        p.arguments = ["init", "信用示范"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GONGSHI_HOME")
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let site = dir + "/信用示范"
        // The theme, every calendar year and the memoranda come from the program itself.
        #expect(fm.fileExists(atPath: site + "/Templates/home.mustache"))
        #expect(fm.fileExists(atPath: site + "/Templates/assets/site.css"))
        #expect(fm.fileExists(atPath: site + "/Content/calendar/2026.yml"))
        #expect(fm.fileExists(atPath: site + "/Content/memoranda.csv"))
        #expect(
            Gongshi.read(site + "/Templates/home.mustache")
                == Gongshi.read(Gongshi.repo.path + "/Templates/home.mustache"))
        // The samples are dated just before today: the new site checks without errors today.
        let check = try Gongshi.run(["check", "--site", site, "--severity", "error"])
        #expect(check.status == 0, "\(check.stdout)")
        let build = try Gongshi.run(["build", "--site", site, "--no-ledger", "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(fm.fileExists(atPath: site + "/Public/index.html"))
    }

    @Test func versionIsPrinted() throws {
        let r = try Gongshi.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    /// The embedded theme, calendars and memoranda are those of the repository
    /// (`python3 Scripts/embed_resources.py` after changing them).
    @Test func embeddedResourcesMatchTheRepository() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Gongshi.repo.path + "/Scripts/embed_resources.py", "--check"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
    }
}
