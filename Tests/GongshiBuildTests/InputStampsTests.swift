import Crypto
import Foundation
import Testing

@testable import GongshiBuild

#if canImport(Glibc)
    import Glibc
#endif

/// The stamps by which a build knows an input file unchanged without reading it.
@Suite("Input stamps")
struct InputStampsTests {
    static func stamp(
        inode: UInt64 = 7, size: Int64 = 120, modified: Int = 1_000, changed: Int = 1_000, nanoseconds: Int = 5
    ) -> InputStamps.Stamp {
        InputStamps.Stamp(
            device: 2049, inode: inode, size: size, modified: timespec(tv_sec: modified, tv_nsec: nanoseconds),
            changed: timespec(tv_sec: changed, tv_nsec: nanoseconds))
    }

    static let digest = (0..<32).map { UInt8($0 * 3) }

    static func cache() throws -> (BuildCache, String) {
        let fm = FileManager.default
        let site = fm.temporaryDirectory.appendingPathComponent("gongshi-stamps-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        return (try #require(BuildCache(site: site)), site)
    }

    @Test func aDigestIsKeptOnlyWhileEveryPartOfTheStampIsTheSame() {
        let now = timespec(tv_sec: 5_000, tv_nsec: 0)
        let stamps = InputStamps(
            hashed: [("Content/xzxk/a.csv", InputStamps.Entry(stamp: Self.stamp(), digest: Self.digest))], now: now)
        #expect(stamps.digest(of: "Content/xzxk/a.csv", Self.stamp()) == Self.digest)
        #expect(stamps.digest(of: "Content/xzxk/b.csv", Self.stamp()) == nil)
        // Replaced by another file, grown, written (modification time), or written with its time set back
        // by hand (only the change time tells).
        for other in [
            Self.stamp(inode: 8), Self.stamp(size: 121), Self.stamp(modified: 1_001), Self.stamp(changed: 1_001),
        ] {
            #expect(stamps.digest(of: "Content/xzxk/a.csv", other) == nil)
        }
        var device = Self.stamp()
        device.device = 2050
        #expect(stamps.digest(of: "Content/xzxk/a.csv", device) == nil)
    }

    @Test func aFileChangedMomentsBeforeItWasStampedIsNotKept() {
        let now = timespec(tv_sec: 5_000, tv_nsec: 0)
        let entries = [
            // A filesystem that keeps nanoseconds: a tenth of a second is many ticks of its clock.
            ("fine-old", Self.stamp(modified: 4_999, changed: 4_999, nanoseconds: 800_000_000)),
            ("fine-moments", Self.stamp(modified: 4_999, changed: 4_999, nanoseconds: 950_000_000)),
            // One that keeps whole seconds: two.
            ("whole-old", Self.stamp(modified: 4_998, changed: 4_998, nanoseconds: 0)),
            ("whole-moments", Self.stamp(modified: 4_999, changed: 4_999, nanoseconds: 0)),
            ("written-now", Self.stamp(modified: 1_000, changed: 5_000)),
            ("dated-ahead", Self.stamp(modified: 6_000, changed: 4_000)),
        ].map { ($0.0, InputStamps.Entry(stamp: $0.1, digest: Self.digest)) }
        let stamps = InputStamps(hashed: entries, now: now)
        #expect(stamps.entries.keys.sorted() == ["fine-old", "whole-old"])
        #expect(Self.stamp(modified: 4_999, changed: 4_999, nanoseconds: 950_000_000).wait(at: now) == 50_000_000)
    }

    @Test func stampsAreReadBackAsWrittenAndNeverWhenDamagedOrForeign() throws {
        let (cache, site) = try Self.cache()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(InputStamps(cache: cache).entries.isEmpty)
        let now = timespec(tv_sec: 5_000, tv_nsec: 0)
        let written = InputStamps(
            hashed: [
                ("Content/ledger.csv", InputStamps.Entry(stamp: Self.stamp(inode: 1), digest: Self.digest)),
                ("Content/xzcf/二〇二六.xlsx", InputStamps.Entry(stamp: Self.stamp(inode: 2), digest: Self.digest)),
            ], now: now)
        written.save(to: cache)
        let read = InputStamps(cache: cache)
        #expect(read.isSame(as: written) && written.isSame(as: read))
        #expect(read.digest(of: "Content/xzcf/二〇二六.xlsx", Self.stamp(inode: 2)) == Self.digest)
        #expect(!read.isSame(as: InputStamps()))

        let path = cache.folder + "/" + InputStamps.name
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(InputStamps(cache: cache).entries.isEmpty)

        written.save(to: cache)
        let other = BuildCache(folder: cache.folder, program: cache.program + " another")
        #expect(InputStamps(cache: other).entries.isEmpty)
        #expect(InputStamps(cache: cache).entries.count == 2)
    }
}

/// The ledger's hash taken from a build's key is written as its mark writes it.
@Suite("Ledger hash from the key")
struct LedgerHashFromKeyTests {
    @Test func theHexOfADigestsBytesIsTheMarksHex() {
        let bytes = Array("日期,事件,类型,记录键,摘要\n2026-11-25,公示,xzxk,xzxk:某局:1号,ab\n".utf8)
        let digest = SHA256.hash(data: bytes)
        #expect(LedgerStore.hex(bytes: Array(digest)) == LedgerStore.mark(bytes).sha256)
        #expect(LedgerStore.hex(bytes: Array(digest)).count == 64)
    }
}
