import Foundation
import Testing

@testable import GongshiSite

/// An incremental render's open data: pieces of unchanged rows are copied from the previous build's
/// files, and the files are byte for byte those of a render from scratch.
@Suite("open data reuse")
struct OpenDataReuseTests {
    /// Keeps what it is given in memory, with the fingerprint of each file; never takes a file whole
    /// from a previous output, so that every file is made (and the open data from pieces).
    final class Sink: OutputSink, @unchecked Sendable {
        private let lock = NSLock()
        var files: [String: [UInt8]] = [:]
        var fingerprints: [String: Fingerprint] = [:]
        let reuses: Bool
        init(reuses: Bool = true) { self.reuses = reuses }
        func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool { false }
        func write(_ path: String, _ bytes: [UInt8]) throws {
            lock.withLock { files[path] = bytes }
        }
        func write(_ path: String, _ bytes: [UInt8], fingerprint: Fingerprint) throws {
            lock.withLock {
                files[path] = bytes
                fingerprints[path] = fingerprint
            }
        }
    }

    /// The build cache and live output of `GongshiBuild`, in memory: counts the bytes read from the
    /// previous files.
    final class Store: OpenDataStore, @unchecked Sendable {
        private let lock = NSLock()
        var saved: [String: [UInt8]] = [:]
        let earlier: Sink?
        var read = 0
        init(previous: Sink?, saved: [String: [UInt8]] = [:]) {
            earlier = previous
            self.saved = saved
        }
        func index(_ name: String) -> [UInt8]? { lock.withLock { saved[name] } }
        func save(_ name: String, _ bytes: [UInt8]) { lock.withLock { saved[name] = bytes } }
        func previous(_ path: String, fingerprint: Fingerprint) -> (any PreviousFile)? {
            guard let earlier, earlier.fingerprints[path] == fingerprint, let bytes = earlier.files[path] else {
                return nil
            }
            return File(bytes: bytes, store: self)
        }
        final class File: PreviousFile {
            let bytes: [UInt8]
            let store: Store
            init(bytes: [UInt8], store: Store) {
                self.bytes = bytes
                self.store = store
            }
            func read(_ range: Range<Int>) -> [UInt8]? {
                guard range.upperBound <= bytes.count else { return nil }
                store.lock.withLock { store.read += range.count }
                return Array(bytes[range])
            }
        }
    }

    func fixture(_ count: Int, new: Int = 0) -> SiteFixture {
        var f = SiteFixture()
        f.penalties = (0..<count).map {
            SiteFixture.penalty(
                "淄博周村第\($0)商贸有限公司", code: "913703061912261243", number: "周市监罚〔2026〕\($0 + 1)号",
                amount: $0 % 3 == 0 ? "" : "\($0 % 50).5")
        }
        f.penalties += (0..<new).map {
            SiteFixture.penalty(
                "淄博周村新增第\($0)商贸有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕\($0 + 5001)号",
                date: "2026-11-20")
        }
        return f
    }

    func render(_ f: SiteFixture, store: Store) throws -> Sink {
        var (renderer, _) = try f.renderer()
        renderer.openDataStore = store
        let sink = Sink()
        _ = try renderer.render(to: sink)
        return sink
    }

    @Test("a day's new rows: the other pieces are copied, the files are those of a render from scratch")
    func newRowsCopyTheRest() throws {
        let first = Store(previous: nil)
        let before = try render(fixture(600), store: first)
        #expect(first.saved["opendata-xzcf"] != nil)

        let grown = fixture(600, new: 40)
        let second = Store(previous: before, saved: first.saved)
        let after = try render(grown, store: second)
        let scratch = Sink(reuses: false)
        try grown.render(to: scratch)
        let names = ["csv", "json", "xlsx"].map { "data/xzcf.\($0)" }
        for name in names {
            #expect(after.files[name] != nil && after.files[name] == scratch.files[name], "\(name)")
        }
        let made = names.reduce(0) { $0 + (after.files[$1]?.count ?? 0) }
        #expect(second.read > made / 2, "copied \(second.read) of \(made) bytes")

        // Files the store does not vouch for are never read: all is made again, the same.
        let foreign = Store(previous: Sink(), saved: first.saved)
        let again = try render(grown, store: foreign)
        #expect(foreign.read == 0)
        for name in names { #expect(again.files[name] == after.files[name]) }
    }
}
