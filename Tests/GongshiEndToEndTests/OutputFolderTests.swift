import Foundation
import Testing

/// `--out` never destroys what Gongshi did not write.
@Suite("build --out refusals")
struct OutputFolderTests {
    func snapshot(_ site: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in Gongshi.files(site) { out[f] = FileManager.default.contents(atPath: site + "/" + f) }
        return out
    }

    @Test(arguments: [".", "Content", "Content/xzxk", "Templates", "Templates/assets/new", ".."])
    func refusesTheSiteAndItsSourceFolders(out: String) throws {
        let site = try Gongshi.site("basic")
        let before = snapshot(site)
        let r = try Gongshi.run(["build", "--site", ".", "--out", out, "--date", "2026-11-25"], cwd: site)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("不能把"), "\(r.stderr)")
        #expect(snapshot(site) == before)
    }

    /// The build cache's spare is the next build's staging folder: another output there would be taken
    /// over (found by a helper's fuzzing).
    @Test func refusesAFolderInsideTheBuildCache() throws {
        let site = try Gongshi.site("basic")
        for date in ["2026-11-25", "2026-11-26"] {
            _ = try Gongshi.run(["build", "--site", site, "--date", date, "--no-ledger"])
        }
        for out in [".gongshi.cache", ".gongshi.cache/spare", ".gongshi.cache/other"] {
            let r = try Gongshi.run(["build", "--site", ".", "--out", out, "--date", "2026-11-27"], cwd: site)
            #expect(r.status == 2, "\(out): \(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains(".gongshi.cache/"), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: site + "/.gongshi.cache/other"))
    }

    @Test func refusesARegularFile() throws {
        let site = try Gongshi.site("basic")
        let file = site + "/notes.txt"
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["build", "--site", site, "--out", file, "--date", "2026-11-25"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("是一个文件"))
        #expect(Gongshi.read(file) == "keep me")
    }

    @Test func refusesAFolderHoldingOtherFiles() throws {
        let site = try Gongshi.site("basic")
        let dir = site + "/www"
        try FileManager.default.createDirectory(atPath: dir + "/uploads", withIntermediateDirectories: true)
        try "x".write(toFile: dir + "/uploads/report.pdf", atomically: true, encoding: .utf8)
        let r = try Gongshi.run(["build", "--site", site, "--out", dir, "--date", "2026-11-25"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("uploads"))
        #expect(Gongshi.read(dir + "/uploads/report.pdf") == "x")
    }

    @Test func refusesASymlinkToTheContentFolder() throws {
        let site = try Gongshi.site("basic")
        try FileManager.default.createSymbolicLink(atPath: site + "/link", withDestinationPath: site + "/Content")
        let r = try Gongshi.run(["build", "--site", site, "--out", site + "/link", "--date", "2026-11-25"])
        #expect(r.status == 2)
        #expect(FileManager.default.fileExists(atPath: site + "/Content/ledger.csv"))
    }

    @Test func acceptsAbsentEmptyOwnAndOlderOutputFolders() throws {
        let site = try Gongshi.site("basic")
        // Absent: built, and marked.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        #expect(Gongshi.read(site + "/Public/.gongshi-output").hasPrefix("gongshi-output 1"))
        // Marked: rebuilt.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        // Empty.
        try FileManager.default.createDirectory(atPath: site + "/empty", withIntermediateDirectories: true)
        #expect(
            try Gongshi.run(["build", "--site", site, "--out", site + "/empty", "--date", "2026-11-25", "--no-ledger"])
                .status == 0)
        // Written by an older Gongshi, without the marker.
        try FileManager.default.removeItem(atPath: site + "/Public/.gongshi-output")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: site + "/Public/.gongshi-output"))
    }

    @Test func theReplacedSiteIsRemovedWholeButNothingALinkInItPointsTo() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"]).status == 0)
        // Things a webmaster may have left in the live output: a folder without write permission, deep
        // folders, a link to a file outside it and a link to a folder outside it.
        let fm = FileManager.default
        let outside = site + "/outside"
        try fm.createDirectory(atPath: outside + "/inner", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/inner/keep.txt"))
        let deep = site + "/Public/a/b/c/d/e"
        try fm.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: deep + "/x.txt"))
        try fm.createSymbolicLink(atPath: site + "/Public/a/folder-link", withDestinationPath: outside + "/inner")
        try fm.createSymbolicLink(
            atPath: site + "/Public/a/b/file-link", withDestinationPath: outside + "/inner/keep.txt")
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: site + "/Public/a/b/c")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!fm.fileExists(atPath: site + "/Public/a"))
        #expect(fm.fileExists(atPath: site + "/Public/index.html"))
        #expect(Gongshi.read(outside + "/inner/keep.txt") == "keep")
        // Nothing is left beside the output: no staging folder, no old copy.
        let beside = try fm.contentsOfDirectory(atPath: site).filter { $0.contains("gongshi-") }
        #expect(beside.isEmpty, "\(beside)")
    }

    /// A file put into the live output by hand goes with the old site, so the build names it and says
    /// where it still is.
    @Test func filesPutIntoTheOutputByHandAreNamed() throws {
        let site = try Gongshi.site("basic")
        func build(_ date: String) -> [String] { ["build", "--site", site, "--date", date, "--no-ledger"] }
        #expect(try Gongshi.run(build("2026-11-25")).status == 0)
        let fm = FileManager.default
        let out = site + "/Public"
        try fm.createDirectory(atPath: out + "/.git", withIntermediateDirectories: true)
        for file in ["baidu_verify_abc.html", ".git/HEAD", "assets/logo.png", "bumen/scjgj/tongzhi.pdf"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/" + file))
        }
        let r = try Gongshi.run(build("2026-11-25"))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "有 4 项不是 gongshi 生成的（「.git」、「assets/logo.png」、「baidu_verify_abc.html」、「bumen/scjgj/tongzhi.pdf」）"),
            "\(r.stderr)")
        #expect(r.stderr.contains(".gongshi.cache/spare"), "\(r.stderr)")
        #expect(!fm.fileExists(atPath: out + "/baidu_verify_abc.html"))
        #expect(Gongshi.read(site + "/.gongshi.cache/spare/baidu_verify_abc.html") == "x")
        // Said once: the next build has nothing of the kind to say.
        let again = try Gongshi.run(build("2026-11-26"))
        #expect(again.status == 0)
        #expect(!again.stderr.contains("不是 gongshi 生成的"), "\(again.stderr)")
        // A build without the cache names them too, before they go with the old site.
        try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/google123.html"))
        let full = try Gongshi.run(build("2026-11-26") + ["--no-cache"])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stderr.contains("有 1 项不是 gongshi 生成的（「google123.html」）"), "\(full.stderr)")
        #expect(full.stderr.contains("它们已随旧网站删除"), "\(full.stderr)")
        #expect(!fm.fileExists(atPath: out + "/google123.html"))
        // A build without the cache leaves a manifest that does not describe the site it made: the next
        // build compares nothing with it, rather than naming that site's pages (here a new licence's).
        try Gongshi.appendLicence(site)
        #expect(try Gongshi.run(build("2026-11-27") + ["--no-cache"]).status == 0)
        let after = try Gongshi.run(build("2026-11-30"))
        #expect(after.status == 0)
        #expect(!after.stderr.contains("不是 gongshi 生成的"), "\(after.stderr)")
    }

    @Test func aNameTooLongIsExplainedInChinese() throws {
        let site = try Gongshi.site("basic")
        let r = try Gongshi.run([
            "build", "--site", site, "--out", site + "/" + String(repeating: "公", count: 120), "--date", "2026-11-25",
        ])
        #expect(r.status == 2)
        #expect(r.stderr.contains("太长"), "\(r.stderr)")
        #expect(!r.stderr.contains("Error Domain"))
    }
}
