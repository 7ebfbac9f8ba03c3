import Testing

@testable import GongshiBuild

extension ManifestFiles {
    /// Every path with its last entry (what the tests compare).
    var all: [(path: String, entry: ManifestEntry)] { lastEntries.map { (path($0), $0) } }
}

/// The manifest's files looked up by path in the manifest's own bytes.
@Suite("Manifest files")
struct ManifestFilesTests {
    /// A manifest's bytes holding `paths` (each with an entry whose inode is its place), in order.
    static func files(_ paths: [String]) -> ManifestFiles {
        var bytes: [UInt8] = Array("head".utf8)
        var files: [(path: Range<Int>, entry: ManifestEntry)] = []
        for (n, path) in paths.enumerated() {
            let start = bytes.count
            bytes += Array(path.utf8)
            var entry = ManifestEntry(
                fingerprint: .unmatched, inode: UInt64(n), size: 1, seconds: 2, nanoseconds: 3)
            entry.slot = n
            files.append((start..<bytes.count, entry))
        }
        return ManifestFiles(bytes: bytes, files: files)
    }

    @Test func everyPathIsFoundAndNoOther() {
        let paths = (0..<5000).map { "xzxk/scjgj-\($0)/index.html" } + ["index.html", "", "中文/页.html"]
        let files = Self.files(paths)
        #expect(files.slots == paths.count)
        for (n, path) in paths.enumerated() { #expect(files[path]?.inode == UInt64(n)) }
        #expect(files["xzxk/scjgj-5000/index.html"] == nil)
        #expect(files["index.htm"] == nil)
        #expect(files["xzxk/scjgj-1/index.html/"] == nil)
        #expect(files.lastEntries.count == paths.count)
        #expect(Set(files.all.map(\.path)) == Set(paths))
    }

    @Test func aPathListedTwiceIsItsLastEntry() {
        let files = Self.files(["a.html", "b.html", "a.html"])
        #expect(files["a.html"]?.inode == 2)
        #expect(files["a.html"]?.slot == 2)
        #expect(files.slots == 3)
        #expect(files.all.map(\.path).sorted() == ["a.html", "b.html"])
    }

    @Test func noManifestFindsNothing() {
        let files = ManifestFiles()
        #expect(files.isEmpty)
        #expect(files["index.html"] == nil)
        #expect(files.lastEntries.isEmpty)
        #expect(Self.files([]).isEmpty)
        #expect(Self.files([])["index.html"] == nil)
    }
}

/// What an output manifest holds, as the tests compare it: its files, and its folders' stamps by path.
struct OutputManifestContents {
    var files = ManifestFiles()
    var folders: [(path: String, stamp: FolderStamp)] = []
}

extension OutputManifest {
    /// The files and the folders' stamps of a manifest, or nil when the bytes are not a whole manifest
    /// of this program.
    static func decode(_ bytes: [UInt8], program: String) -> OutputManifestContents? {
        guard let (files, folders) = layout(bytes, program: program) else { return nil }
        return OutputManifestContents(
            files: ManifestFiles(bytes: bytes, files: files),
            folders: folders.map { (String(decoding: bytes[$0.path], as: UTF8.self), $0.stamp) })
    }
}
