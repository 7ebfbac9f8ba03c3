import Foundation
import Testing

/// Differences between incremental and full builds found by `Scripts/incremental_fuzz.py` (randomized
/// edit sequences), each reduced to its smallest reproduction: the incremental build must print the
/// summary a build from scratch prints, and write the same files.
extension IncrementalBuildTests {
    /// The build's summary without what may differ between two builds of one input: the time taken and
    /// the site's folder.
    static func summary(_ r: Gongshi.Result, site: String) -> String {
        r.stdout.replacingOccurrences(of: site, with: "SITE")
            .replacingOccurrences(of: #"用时 [0-9.]+ 秒"#, with: "用时 X 秒", options: .regularExpression)
    }

    /// Builds `site` incrementally and a twin from scratch (see ``buildAndCompare(_:date:extra:sourceLocation:)``),
    /// and compares their printed summaries too.
    static func buildAndCompareSummaries(
        _ site: String, date: String, extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let twin = try twin(of: site)
        defer { try? FileManager.default.removeItem(atPath: twin) }
        let r = try Gongshi.run(["build", "--site", site, "--date", date] + extra)
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        let full = try Gongshi.run(["build", "--site", twin, "--date", date, "--no-cache"] + extra)
        #expect(full.status == r.status, "\(full.stderr)", sourceLocation: sourceLocation)
        #expect(summary(r, site: site) == summary(full, site: twin), sourceLocation: sourceLocation)
        expectIdentical(site + "/Public", twin + "/Public", sourceLocation: sourceLocation)
        expectIdentical(site + "/Content", twin + "/Content", sourceLocation: sourceLocation)
    }

    /// A group of files taken together (an entity's three feeds) whose last file was edited by hand: the
    /// first two were taken, then the group written again; each file is counted once in 共 N 个文件.
    @Test func aGroupTakenInPartIsCountedOnce() throws {
        let site = try Gongshi.site("basic")
        try Self.buildAndCompareSummaries(site, date: "2026-11-25")
        let feed = site + "/Public/zhuti/91370306MA3C10017X/feed.json"
        #expect(FileManager.default.fileExists(atPath: feed))
        try (Gongshi.read(feed) + "\n").write(toFile: feed, atomically: true, encoding: .utf8)
        try Self.buildAndCompareSummaries(site, date: "2026-11-25", extra: ["--no-ledger"])
    }

    /// Permissions changed by hand in the output (found by a helper's fuzzing): a page made unreadable
    /// and a folder closed to others are given back a build's own permissions by the next builds, as a
    /// full build would write them, not kept by hard link and by the spare.
    @Test func permissionsChangedByHandAreABuildsOwnAgain() throws {
        let site = try Gongshi.site("basic")
        let first = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(first.status == 0 || first.status == 1, "\(first.stderr)")
        let page = site + "/Public/zhuti/91370306MA3C10017X/index.html"
        let folder = site + "/Public/xzxk"
        #expect(chmod(page, 0) == 0 && chmod(folder, 0o700) == 0)
        func mode(_ path: String) -> mode_t {
            var st = stat()
            return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
        }
        for date in ["2026-11-26", "2026-11-27", "2026-11-30"] {
            let r = try Gongshi.run(["build", "--site", site, "--date", date, "--no-ledger"])
            #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
            // The home page is written again on every date: it has the permissions a build gives.
            #expect(mode(page) == mode(site + "/Public/index.html"), "\(date)")
            #expect(mode(folder) == mode(site + "/Public/xzcf"), "\(date)")
        }
        #expect(mode(page) != 0 && mode(folder) != 0o700)
    }
}
