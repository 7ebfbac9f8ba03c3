import CGongshi
import Crypto
import Foundation
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// The SHA-256 of each input file as it was last hashed, kept with the file's stamp (device, inode,
/// size, modification and change times) in `.gongshi.cache/inputs.stamps`, as git's index keeps its
/// files: while a file's stamp is unchanged its bytes are, and a build need not read them to know its
/// inputs. A province's `Content/` is tens of MB, hashed by every build before it knows whether
/// anything changed.
///
/// File times move at the kernel's clock tick, not at each write: a file written again within the
/// tick in which it was stamped keeps its stamp with other bytes (git's "racy" files). So a digest is
/// kept only for a file that had been left alone for longer than a tick when it was stamped
/// (``Stamp/settled(at:)``); a later write then gives it a later time. The change time cannot be set by hand (`touch -d` sets only the modification time), and a
/// file replaced by another (an editor's save by rename) has another inode. Stamps are trusted only
/// on local filesystems (``trustsStamps(of:)``).
struct InputStamps: Sendable {
    /// What `lstat` says of a file, as far as a change of its bytes shows in it.
    struct Stamp: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            modified = st.st_mtim
            changed = st.st_ctim
        }

        /// The stamp of the file at `path` as it is now (not following a link), nil when it cannot be told.
        static func of(_ path: String) -> Stamp? {
            var st = stat()
            return lstat(path, &st) == 0 ? Stamp(st) : nil
        }

        init(device: UInt64, inode: UInt64, size: Int64, modified: timespec, changed: timespec) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }

        /// Whether the file had been left alone long enough at `now` for any later write to give it
        /// another time: longer than the tick at which its filesystem keeps times. A filesystem that
        /// keeps nanoseconds moves them at the kernel's coarse clock (1–10 ms), so a tenth of a second
        /// is enough; one that keeps whole seconds (the file's times have no nanoseconds) needs two. A
        /// time in the future (a clock set back, a file dated ahead) is not settled.
        func settled(at now: timespec) -> Bool { wait(at: now) == 0 }

        /// Nanoseconds until the file is settled at `now` (0 when it is).
        func wait(at now: timespec) -> Int {
            func nanoseconds(_ t: timespec) -> Int { t.tv_sec * 1_000_000_000 + t.tv_nsec }
            let last = max(nanoseconds(modified), nanoseconds(changed))
            let fine = modified.tv_nsec != 0 || changed.tv_nsec != 0
            let settle = fine ? InputStamps.settleFine : InputStamps.settleWhole
            return max(0, last + settle - nanoseconds(now))
        }

        /// The stamp as one line of text (for a fingerprint of many).
        var line: String {
            "\(device) \(inode) \(size) \(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec)"
        }
    }

    /// A file's stamp and the SHA-256 of its bytes.
    struct Entry: Equatable, Sendable {
        var stamp: Stamp
        var digest: [UInt8]
    }

    static let name = "inputs.stamps"
    static let magic = Array("gongshi-input-stamps 1\n".utf8)
    /// Nanoseconds a file must have been left alone for its stamp to be trusted: many ticks of the
    /// kernel's coarse clock on a filesystem that keeps nanoseconds, two seconds on one that keeps whole
    /// seconds.
    static let settleFine = 100_000_000
    static let settleWhole = 2_000_000_000

    /// Entries by the file's path relative to the site.
    private(set) var entries: [String: Entry] = [:]

    init() {}

    /// The stamps kept in `cache` by this program; none when there are none or they are damaged.
    init(cache: BuildCache) {
        guard let bytes = cache.read(Self.name), let end = BuildCache.bodyEnd(of: bytes, magic: Self.magic) else {
            return
        }
        var r = ByteReader(bytes: bytes, at: Self.magic.count, end: end)
        guard r.string() == cache.program, let count = r.int(), count >= 0, count <= end else { return }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = r.string(), let device = r.word(), let inode = r.word(), let size = r.int(),
                let ms = r.int(), let mns = r.int(), let cs = r.int(), let cns = r.int(),
                let digest = r.take(32)
            else { return }
            let stamp = Stamp(
                device: device, inode: inode, size: Int64(size), modified: timespec(tv_sec: ms, tv_nsec: mns),
                changed: timespec(tv_sec: cs, tv_nsec: cns))
            entries[path] = Entry(stamp: stamp, digest: Array(digest))
        }
        guard r.at == end else { return }
        self.entries = entries
    }

    /// The kept digest of the file at `path` (relative to the site), while its stamp is `stamp`.
    func digest(of path: String, _ stamp: Stamp) -> [UInt8]? {
        guard let entry = entries[path], entry.stamp == stamp else { return nil }
        return entry.digest
    }

    /// Stamps made of files hashed just now, with `now` the time taken before they were stamped: those
    /// not yet settled are left out, to be hashed again next time.
    init(hashed: [(path: String, entry: Entry)], now: timespec) {
        for (path, entry) in hashed where entry.stamp.settled(at: now) { entries[path] = entry }
    }

    /// Whether these are the same stamps and digests as `other`'s (nothing to write).
    func isSame(as other: InputStamps) -> Bool { entries == other.entries }

    /// Keeps the stamps in `cache`, sealed (a build that finds them damaged hashes every file).
    func save(to cache: BuildCache) {
        var w = ByteWriter()
        w.bytes += Self.magic
        w.string(cache.program)
        w.int(entries.count)
        for (path, entry) in entries.sorted(by: { PlainText.compareBytes($0.key, $1.key) < 0 }) {
            w.string(path)
            w.bytes.appendBigEndian(entry.stamp.device)
            w.bytes.appendBigEndian(entry.stamp.inode)
            for n in [
                Int(entry.stamp.size), entry.stamp.modified.tv_sec, entry.stamp.modified.tv_nsec,
                entry.stamp.changed.tv_sec, entry.stamp.changed.tv_nsec,
            ] {
                w.int(n)
            }
            w.bytes += entry.digest
        }
        cache.writeSealed(Self.name, w.bytes)
    }

    /// Whether file times in the folder at `path` are kept by this machine's kernel as files are written:
    /// a local filesystem with a change time (ext4, XFS, Btrfs, tmpfs, ZFS, F2FS, overlayfs). On a
    /// network or shared folder (NFS, SMB, virtiofs, 9p, sshfs) `lstat` may answer from a cache for
    /// seconds after another machine wrote a file, and FAT keeps no change time: there every file is
    /// read and hashed as before.
    static func trustsStamps(of path: String) -> Bool {
        let local: Set<Int> = [0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0x2FC1_2FC1, 0xF2F5_2010, 0x794C_7630]
        return local.contains(gongshi_file_system_type(path))
    }

    /// The time now, as file times are told.
    static func now() -> timespec {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return t
    }
}
