import GongshiModel

/// The files of an output manifest, looked up by path where the paths lie in the manifest's bytes.
///
/// An incremental build looks up every file it makes in two manifests (the live output's and the
/// spare's). Decoded into dictionaries, a province's manifests made 400 000 Strings and hashed them
/// before the first page, and released them all after the last; here a path is found by the hash of its
/// bytes in an open-addressing table of entry numbers, and compared with the manifest's own bytes.
struct ManifestFiles: Sendable {
    private let bytes: [UInt8]
    /// Where each entry's path lies in `bytes`, in the manifest's order.
    private let paths: [Range<Int>]
    private let entries: [ManifestEntry]
    /// Entry number + 1 by the path's hash (0: empty); a power of two, at most half full. A path listed
    /// twice holds its last entry (the file as it was left: see ``OutputManifest``).
    private let table: [Int32]

    /// No files: what a build without a previous manifest looks up.
    init() {
        bytes = []
        paths = []
        entries = []
        table = []
    }

    /// The entries of `files` (where their paths lie in `bytes`, as ``OutputManifest/layout(_:program:)``
    /// finds them).
    init(bytes: [UInt8], files: [(path: Range<Int>, entry: ManifestEntry)]) {
        let paths = files.map(\.path)
        self.bytes = bytes
        self.paths = paths
        entries = files.map(\.entry)
        var size = 16
        while size < files.count * 2 { size *= 2 }
        var table = [Int32](repeating: 0, count: files.isEmpty ? 0 : size)
        let mask = size - 1
        bytes.withUnsafeBufferPointer { b in
            for (n, path) in paths.enumerated() {
                let own = UnsafeBufferPointer(rebasing: b[path])
                var i = Int(truncatingIfNeeded: Self.hash(own)) & mask
                while table[i] != 0 {
                    let other = UnsafeBufferPointer(rebasing: b[paths[Int(table[i]) - 1]])
                    if other.elementsEqual(own) { break }
                    i = (i + 1) & mask
                }
                table[i] = Int32(n + 1)
            }
        }
        self.table = table
    }

    /// The number of entries read (a path listed twice counts twice): one more than the highest slot.
    var slots: Int { entries.count }

    var isEmpty: Bool { entries.isEmpty }

    /// The last entry of `path`, if the manifest lists it.
    subscript(path: String) -> ManifestEntry? {
        guard !table.isEmpty else { return nil }
        var path = path
        return path.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { b in
                let mask = table.count - 1
                var i = Int(truncatingIfNeeded: Self.hash(wanted)) & mask
                while table[i] != 0 {
                    let n = Int(table[i]) - 1
                    if UnsafeBufferPointer(rebasing: b[paths[n]]).elementsEqual(wanted) { return entries[n] }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
    }

    /// Every path's last entry, once each, in no particular order.
    var lastEntries: [ManifestEntry] {
        table.compactMap { n in n == 0 ? nil : entries[Int(n) - 1] }
    }

    /// The path of `entry`, an entry of this manifest (found by its slot).
    func path(_ entry: ManifestEntry) -> String {
        String(decoding: bytes[paths[entry.slot]], as: UTF8.self)
    }

    /// The path's bytes hashed (FNV-1a, 64 bits).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash64(bytes) }
}
