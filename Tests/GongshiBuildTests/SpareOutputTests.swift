import Foundation
import GongshiSite
import Testing

@testable import GongshiBuild

#if canImport(Glibc)
    import Glibc
#endif

/// The spare (the site before the live one, kept in the cache): claimed only when it is exactly what
/// its manifest describes, and swept of what the new site does not have.
@Suite("Spare output")
struct SpareOutputTests {
    /// A site folder with a cache whose spare is the small output of ``OutputManifestTests/output()``,
    /// with its manifest for the output folder `site/Public`.
    static func spare() throws -> (site: String, cache: BuildCache, out: String) {
        let (folder, manifest) = try OutputManifestTests.output()
        let site = folder + "-site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        let cache = try #require(BuildCache(site: site))
        let out = site + "/Public"
        #expect(rename(folder, SpareOutput.path(cache)) == 0)
        let bytes = OutputManifest.encode(
            manifest.files.all, folders: manifest.folders, program: cache.program)
        cache.write(SpareOutput.manifestName(cache: cache, out: out), bytes)
        return (site, cache, out)
    }

    @Test func anUntouchedSpareIsClaimedAndItsManifestForgotten() throws {
        let (site, cache, out) = try Self.spare()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let staging = site + "/.Public.gongshi-staging-1"
        let spare = try #require(SpareOutput.claim(out: out, staging: staging, cache: cache))
        #expect(Set(spare.files.all.map(\.path)) == ["index.html", "a/b/index.html", "a/c.xml"])
        #expect(FileManager.default.fileExists(atPath: staging + "/a/b/index.html"))
        #expect(!FileManager.default.fileExists(atPath: SpareOutput.path(cache)))
        #expect(cache.read(SpareOutput.manifestName(cache: cache, out: out)) == nil)
    }

    @Test func aTouchedSpareOrOneOfAnotherOutputIsRemoved() throws {
        for touch in ["file added", "file removed", "other output"] {
            let (site, cache, out) = try Self.spare()
            defer { try? FileManager.default.removeItem(atPath: site) }
            let folder = SpareOutput.path(cache)
            switch touch {
            case "file added": try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/a/stray.html"))
            case "file removed": try FileManager.default.removeItem(atPath: folder + "/a/c.xml")
            default: break
            }
            let staging = site + "/.Public.gongshi-staging-1"
            let claimed = SpareOutput.claim(
                out: touch == "other output" ? site + "/Other" : out, staging: staging, cache: cache)
            #expect(claimed == nil, "\(touch)")
            #expect(!FileManager.default.fileExists(atPath: staging), "\(touch)")
            #expect(!FileManager.default.fileExists(atPath: folder), "\(touch)")
        }
    }

    @Test func theSweepRemovesWhatTheNewSiteLacksAndEmptyFolders() throws {
        let (site, cache, out) = try Self.spare()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let staging = site + "/.Public.gongshi-staging-1"
        let spare = try #require(SpareOutput.claim(out: out, staging: staging, cache: cache))
        try FileManager.default.createDirectory(atPath: staging + "/a/b/d", withIntermediateDirectories: true)
        try Data("new".utf8).write(to: URL(fileURLWithPath: staging + "/a/b/d/index.html"))
        let fd = open(staging, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        var inNewSite = Array(repeating: false, count: spare.slots)
        if let slot = spare.files["index.html"]?.slot { inNewSite[slot] = true }
        spare.sweep(inNewSite: inNewSite, in: fd)
        #expect(Self.files(staging) == ["a/b/d/index.html", "index.html"])
        #expect(!FileManager.default.fileExists(atPath: staging + "/a/c.xml"))
    }

    /// Every file under `root`, sorted.
    static func files(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
                && !isFolder.boolValue
        }.sorted()
    }
}

@Suite("ForeignFiles")
struct ForeignFilesTests {
    @Test("looked in: the output folder, top-level folders, and deeper ones not among many alike")
    func lookedIn() {
        let paths =
            ["", "xzxk", "bumen", "bumen/scjgj", "bumen/swj", "bumen/scjgj/xzxk"]
            + (0...ForeignFiles.alikeFolders).map { "xzxk/r\($0)" }
        var bytes: [UInt8] = []
        var folders: [(path: Range<Int>, stamp: FolderStamp)] = []
        for p in paths {
            folders.append(
                (bytes.count..<(bytes.count + p.utf8.count), FolderStamp(inode: 1, seconds: 0, nanoseconds: 0)))
            bytes += p.utf8
        }
        let looked = ForeignFiles.lookedIn(bytes, folders)
        #expect(Array(looked.prefix(6)) == [true, true, true, true, true, true])
        #expect(looked.dropFirst(6).allSatisfy { !$0 })
    }

    @Test("nothing to say without foreign files; five named, then 等, and where the old site is")
    func note() throws {
        #expect(ForeignFiles(paths: []).note(out: "Public", spare: nil) == nil)
        let seven = ForeignFiles(paths: (1...7).map { "f\($0).html" })
        let kept = try #require(seven.note(out: "Public", spare: "/s/.gongshi.cache/spare"))
        #expect(kept.contains("有 7 项不是 gongshi 生成的（「f1.html」、「f2.html」、「f3.html」、「f4.html」、「f5.html」 等）"))
        #expect(kept.contains("暂存在「/s/.gongshi.cache/spare」"))
        #expect(try #require(seven.note(out: "Public", spare: nil)).contains("已随旧网站删除"))
    }
}
