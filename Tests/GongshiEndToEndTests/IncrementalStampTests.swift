import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Inputs known unchanged by their stamps (`.gongshi.cache/inputs.stamps`) without being read: any
/// write to a file is still seen, even one that keeps its inode, its size and its modification time.
@Suite("inputs known by their stamps", .serialized)
struct IncrementalStampTests {
    @Test func anInputRewrittenInPlaceWithItsTimeSetBackIsReadAgain() throws {
        let site = try Gongshi.site("basic")
        // Files copied in a moment ago: the build waits the tenth of a second it takes them to settle.
        try IncrementalBuildTests.buildAndCompare(site, date: "2026-11-25")
        let stamps = site + "/.gongshi.cache/inputs.stamps"
        #expect((try? FileManager.default.attributesOfItem(atPath: stamps)[.size] as? Int) ?? 0 > 1_000)
        // Nothing changed: the stamps alone say so.
        try IncrementalBuildTests.buildAndCompare(site, date: "2026-11-25")

        let data = site + "/Content/xzcf/2026-11.csv"
        var before = stat()
        #expect(lstat(data, &before) == 0)
        let text = Gongshi.read(data)
        let edited = text.replacingOccurrences(of: "违反食品安全规定", with: "违反食品卫生规定")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try edited.write(toFile: data, atomically: false, encoding: .utf8)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, data, &times, 0) == 0)
        var after = stat()
        #expect(lstat(data, &after) == 0)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        try IncrementalBuildTests.buildAndCompare(site, date: "2026-11-25")
        let pages = Gongshi.files(site + "/Public/xzcf").filter { $0.hasSuffix("index.html") }
        #expect(pages.contains { Gongshi.read(site + "/Public/xzcf/" + $0).contains("违反食品卫生规定") })
    }
}
