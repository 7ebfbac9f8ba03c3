import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Incremental builds that stage into the kept old site (the spare), and builds killed part-way: the
/// site stays whole and the next build gives a full build's output.
extension IncrementalBuildTests {
    /// The site before the live one is kept in the cache (`.gongshi.cache/spare`) and the next build
    /// stages into it: its unchanged files stay, and one edited, added or removed by hand is never trusted.
    @Test func theSpareIsKeptUsedAndNeverTrustedWhenTouched() throws {
        let site = try Gongshi.site("basic")
        let spare = site + "/.gongshi.cache/spare"
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(!FileManager.default.fileExists(atPath: spare), "a first build has no old site to keep")
        try Self.buildAndCompare(site, date: "2026-11-26")
        #expect(FileManager.default.fileExists(atPath: spare + "/.gongshi-output"))
        #expect(Gongshi.read(spare + "/xzcf/index.html").contains("数据截至 2026年11月25日"))

        // The spare becomes the staging folder: the unchanged record pages are the very same files.
        let pages = Self.recordPages(site, "xzcf") + Self.recordPages(site, "xzxk")
        let before = pages.map(Self.inode)
        let folder = Self.inode(spare)
        try Self.buildAndCompare(site, date: "2026-11-27")
        #expect(Self.inode(site + "/Public") == folder, "the spare was not staged into")
        #expect(zip(pages, before).filter { Self.inode($0.0) == $0.1 }.count >= pages.count - 1)
        #expect(Gongshi.read(spare + "/xzcf/index.html").contains("数据截至 2026年11月26日"))

        // Touched by hand: a page edited in place, a stray file, a page removed, a stray folder.
        let page = spare + "/" + String(pages[0].dropFirst(site.count + "/Public/".count))
        try (Gongshi.read(page) + "<!-- edited -->").write(toFile: page, atomically: false, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-28")
        #expect(!Gongshi.read(pages[0]).contains("<!-- edited -->"))
        var day = 20
        for touch in ["stray file", "removed", "stray folder"] {
            switch touch {
            case "stray file": try "stray".write(toFile: spare + "/xzcf/stray.html", atomically: true, encoding: .utf8)
            case "removed": try FileManager.default.removeItem(atPath: spare + "/xzxk/index.html")
            default:
                try FileManager.default.createDirectory(atPath: spare + "/zhuti/x", withIntermediateDirectories: true)
            }
            day += 1
            try Self.buildAndCompare(site, date: "2026-12-\(day)")
            #expect(!FileManager.default.fileExists(atPath: site + "/Public/xzcf/stray.html"), "\(touch)")
            #expect(!FileManager.default.fileExists(atPath: site + "/Public/zhuti/x"), "\(touch)")
        }

        // The cache deleted: the spare is not trusted without its manifest.
        try FileManager.default.removeItem(atPath: site + "/.gongshi.cache")
        try Self.buildAndCompare(site, date: "2026-12-24")
        try Self.buildAndCompare(site, date: "2026-12-25")

        // Another output folder: the spare of Public/ is not used for it, and it has its own.
        let other = site + "-other"
        defer { try? FileManager.default.removeItem(atPath: other) }
        for date in ["2026-12-26", "2026-12-27", "2026-12-28"] {
            let twin = try Self.twin(of: site)
            defer { try? FileManager.default.removeItem(atPath: twin) }
            let r = try Gongshi.run(["build", "--site", site, "--out", other, "--date", date, "--quiet"])
            #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
            _ = try Gongshi.run(["build", "--site", twin, "--date", date, "--quiet", "--no-cache"])
            Self.expectIdentical(other, twin + "/Public")
        }
    }

    @Test func killNineDuringAnIncrementalBuildLeavesSiteAndLedgerWhole() throws {
        let site = try SignalTests.demoSite()
        // After the demo ledger's last event (2026-11-24): every build writes the ledger and commits.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--quiet"]).status == 0)
        let delays: [UInt32] = [150_000, 500_000, 1_000_000, 1_800_000]
        for (i, delay) in delays.enumerated() {
            let date = "2026-11-\(26 + i)"
            // A change for the incremental build to make.
            try Self.edit(site + "/Templates/record.mustache") { $0 + "\n<!-- \(i) -->\n" }
            let live = Gongshi.files(site + "/Public")
            let marker = Gongshi.read(site + "/Public/.gongshi-output")
            let p = try SignalTests.startBuild(site: site, date: date)
            usleep(delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // Either the old site whole, or the new one whole.
            if Gongshi.read(site + "/Public/.gongshi-output") == marker {
                #expect(Gongshi.files(site + "/Public") == live)
            }
            // The next (incremental) build repairs what the killed one left, and gives the full build's site.
            let r = try Gongshi.run(["build", "--site", site, "--date", date, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            try SignalTests.expectConsistent(site)
            let twin = try Self.twin(of: site)
            defer { try? FileManager.default.removeItem(atPath: twin) }
            let full = try Gongshi.run(["build", "--site", twin, "--date", date, "--quiet", "--no-cache"])
            #expect(full.status == 0, "\(full.stderr)")
            Self.expectIdentical(site + "/Public", twin + "/Public")
        }
    }
}
