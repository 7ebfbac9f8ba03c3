import Foundation
import GongshiSite
import Testing

@testable import GongshiBuild

#if canImport(Glibc)
    import Glibc
#endif

/// The output manifest a build keeps in its cache, and the check that the live output is still the
/// whole of what it describes (a build with nothing to do keeps the live output only then).
@Suite("Output manifest")
struct OutputManifestTests {
    /// A small output folder (`index.html`, `a/b/index.html`, `a/c.xml`) and its manifest as a build
    /// would write it.
    static func output() throws -> (folder: String, manifest: OutputManifestContents) {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("gongshi-manifest-\(UUID().uuidString)").path
        let files = ["index.html", "a/b/index.html", "a/c.xml"]
        for f in files {
            let path = folder + "/" + f
            try fm.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(f.utf8).write(to: URL(fileURLWithPath: path))
        }
        // Times in the past: a change made now sets a time the manifest cannot hold, however coarse the
        // file system's clock.
        for path in files + ["a/b", "a", ""] {
            var past = [timespec(tv_sec: 1_600_000_000, tv_nsec: 0), timespec(tv_sec: 1_600_000_000, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, folder + "/" + path, &past, AT_SYMLINK_NOFOLLOW) == 0)
        }
        let entries = files.map { f -> (path: String, entry: ManifestEntry) in
            var st = stat()
            lstat(folder + "/" + f, &st)
            return (f, ManifestEntry(fingerprint: Fingerprint.content(Array(f.utf8)), stat: st))
        }
        let bytes = OutputManifest.encode(
            entries, folders: FolderStamp.stamps(of: files, under: folder), program: "test")
        return (folder, try #require(OutputManifest.decode(bytes, program: "test")))
    }

    @Test func aManifestReadsBackAsWritten() throws {
        let (folder, manifest) = try Self.output()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Set(manifest.files.all.map(\.path)) == ["index.html", "a/b/index.html", "a/c.xml"])
        #expect(Set(manifest.folders.map(\.path)) == ["", "a", "a/b"])
        let bytes = OutputManifest.encode(
            manifest.files.all, folders: manifest.folders, program: "test")
        #expect(OutputManifest.decode(bytes, program: "other") == nil)
        #expect(OutputManifest.decode(Array(bytes.dropLast()), program: "test") == nil)
        var damaged = bytes
        damaged[damaged.count / 2] ^= 1
        #expect(OutputManifest.decode(damaged, program: "test") == nil)
    }

    @Test func theUntouchedOutputIsWhole() throws {
        let (folder, manifest) = try Self.output()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(UnchangedBuild.liveOutputIs(manifest, out: folder))
        #expect(!UnchangedBuild.liveOutputIs(OutputManifestContents(), out: folder))
    }

    @Test func theWriterStreamsTheManifestEncodeMakesAndLeavesNothingWhenDropped() throws {
        let (folder, manifest) = try Self.output()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try #require(BuildCache(site: folder))
        let entries = manifest.files.all
        let writer = try #require(ManifestWriter(cache: cache, name: "written", program: "test"))
        // More than one piece of a megabyte, so that flushing is part of what is compared.
        let many = (0..<20_000).flatMap { _ in entries }
        for (path, entry) in many { writer.append(path, entry) }
        #expect(writer.finish(folders: manifest.folders))
        let written = try #require(cache.read("written"))
        #expect(written == OutputManifest.encode(many, folders: manifest.folders, program: "test"))
        #expect(OutputManifest.layout(written, program: "test")?.files.count == many.count)

        var dropped = ManifestWriter(cache: cache, name: "dropped", program: "test")
        dropped?.append("index.html", entries[0].entry)
        dropped = nil
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.folder)
        #expect(Set(left) == ["written"])
    }

    @Test(arguments: ["stray file", "removed file", "edited file", "replaced file", "stray folder", "removed folder"])
    func anyChangeToTheOutputIsSeen(_ change: String) throws {
        let (folder, manifest) = try Self.output()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fm = FileManager.default
        switch change {
        case "stray file": try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/a/b/stray.html"))
        case "removed file": try fm.removeItem(atPath: folder + "/a/c.xml")
        case "edited file":
            // In place, same size: only the file's time tells.
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/a/c.xml"))
            try h.write(contentsOf: Data("A".utf8))
            try h.close()
        case "replaced file":
            try Data("a/c.xml".utf8).write(to: URL(fileURLWithPath: folder + "/a/c.xml"), options: .atomic)
        case "stray folder": try fm.createDirectory(atPath: folder + "/a/b/new", withIntermediateDirectories: false)
        default: try fm.removeItem(atPath: folder + "/a/b")
        }
        #expect(!UnchangedBuild.liveOutputIs(manifest, out: folder))
    }
}

extension UnchangedBuild {
    /// ``liveOutputIs(_:program:out:)`` for a manifest decoded by path.
    static func liveOutputIs(_ manifest: OutputManifestContents, out: String) -> Bool {
        let files = manifest.files.all
        let bytes = OutputManifest.encode(files, folders: manifest.folders, program: "test")
        return liveOutputIs(bytes, program: "test", out: out)
    }
}

extension OutputManifest {
    /// The manifest of `entries` and `folders` in memory, as ``ManifestWriter`` streams it to the cache.
    static func encode(
        _ entries: [(path: String, entry: ManifestEntry)], folders: [(path: String, stamp: FolderStamp)],
        program: String
    ) -> [UInt8] {
        var out = ManifestPieces.head(program: program)
        for (path, e) in entries { ManifestPieces.file(path, e, into: &out) }
        ManifestPieces.folders(folders, into: &out)
        return BuildCache.sealed(out)
    }
}

extension FolderStamp {
    /// The stamps of the folder `root` (path "") and of every folder holding one of `files` (paths in
    /// it), taken once every file is written; empty when one cannot be looked at.
    static func stamps(of files: [String], under root: String) -> [(path: String, stamp: FolderStamp)] {
        var folders = OutputFolders()
        for path in files { folders.add(holding: path) }
        return stamps(of: folders, under: root)
    }
}
