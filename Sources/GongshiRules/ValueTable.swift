import Foundation
import GongshiModel

/// The distinct values of a build's low-variety columns (处罚依据, 违法行为类型, the authorities' names and
/// codes, dates …), each kept once: a province's million public records hold a few thousand such
/// values, which took some 200 bytes of every record when each record kept its own copy. A record's
/// ``PackedValues`` hold a value's number here instead of its bytes.
///
/// Made by the judge for one build and filled on every core while records are made (under a lock);
/// read without one, by the numbers the records hold: a value is written once, before its number is
/// handed out, and never moves (it lives in a page that is never reallocated), so a reader that got a
/// number from a record made on another thread reads what was written (the record reached it through
/// the judge's joins, which order the two).
public final class ValueTable: @unchecked Sendable {
    /// Values per page, and the most pages: past `pageSize * maxPages` values, ``number(of:)`` gives nil
    /// and the value is packed in the record itself.
    static let pageBits = 12
    static let pageSize = 1 << pageBits
    static let maxPages = 1024

    private let lock = NSLock()
    /// The first `allocated` are pages (of `pageSize` values each); the others are not yet set.
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<String>>
    private var allocated = 0
    /// Guarded by `lock`: the number of values, an open-addressing table of their numbers + 1 (0: empty
    /// slot), and each value's hash.
    private var count = 0
    private var slots: [Int32]
    private var hashes: [UInt32] = []

    public init() {
        pages = .allocate(capacity: Self.maxPages)
        slots = [Int32](repeating: 0, count: 1 << 10)
    }

    deinit {
        var left = count
        for p in 0..<allocated {
            let n = min(left, Self.pageSize)
            pages[p].deinitialize(count: n)
            pages[p].deallocate()
            left -= n
        }
        pages.deinitialize(count: allocated)
        pages.deallocate()
    }

    /// The number of distinct values kept.
    public var valueCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    /// The value numbered `n` by ``number(of:)``.
    public subscript(_ n: Int) -> String {
        // A number given out by `number(of:)`: its page exists and its slot was written before.
        pages[n >> Self.pageBits][n & (Self.pageSize - 1)]
    }

    /// The number of `value` (the same for equal bytes), added if new; nil when the table is full.
    public func number(of value: String) -> Int? {
        var value = value
        return value.withUTF8 { bytes in
            let h = Self.hash(bytes)
            lock.lock()
            defer { lock.unlock() }
            let mask = slots.count - 1
            var at = Int(h) & mask
            while true {
                let slot = Int(slots[at])
                if slot == 0 { break }
                let n = slot - 1
                if hashes[n] == h && Self.equal(self[n], bytes) { return n }
                at = (at + 1) & mask
            }
            guard count < Self.pageSize * Self.maxPages else { return nil }
            let n = count
            let page = n >> Self.pageBits
            if page == allocated {
                (pages + page).initialize(to: .allocate(capacity: Self.pageSize))
                allocated += 1
            }
            // Its own copy: the record's string may carry spare capacity, or be part of a larger one.
            (pages[page] + (n & (Self.pageSize - 1))).initialize(to: String(decoding: bytes, as: UTF8.self))
            hashes.append(h)
            count += 1
            slots[at] = Int32(n + 1)
            if count * 2 > slots.count { grow() }
            return n
        }
    }

    /// Doubles the slots (under the lock), keeping them at most half full.
    private func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for n in 0..<count {
            var at = Int(hashes[n]) & mask
            while bigger[at] != 0 { at = (at + 1) & mask }
            bigger[at] = Int32(n + 1)
        }
        slots = bigger
    }

    /// FNV-1a over the value's UTF-8 bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 { FNV1a.hash32(bytes) }

    private static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = s
        return s.withUTF8 { own in
            guard own.count == bytes.count else { return false }
            guard let a = own.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, own.count) == 0
        }
    }
}
