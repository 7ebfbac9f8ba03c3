import Foundation

/// Counts files and pages, remembers page paths for the sitemap, reports progress.
public final class CountingSink: @unchecked Sendable {
    let inner: OutputSink
    let counter: Counter
    let progress: @Sendable (Int) -> Void
    init(inner: OutputSink, counter: Counter, progress: @escaping @Sendable (Int) -> Void) {
        self.inner = inner
        self.counter = counter
        self.progress = progress
    }
    public func write(_ path: String, _ text: String, isPage: Bool = false, fingerprint: Fingerprint? = nil) throws {
        try write(path, Array(text.utf8), isPage: isPage, fingerprint: fingerprint)
    }
    public func write(_ path: String, _ bytes: [UInt8], isPage: Bool = false, fingerprint: Fingerprint? = nil) throws {
        if let fingerprint {
            try inner.write(path, bytes, fingerprint: fingerprint)
        } else {
            try inner.write(path, bytes)
        }
        counter.add(path: isPage ? path : nil)
        progress(1)
    }
    /// A file written in pieces (see ``OutputSink/stream(_:fingerprint:_:)``); never a page.
    public func stream(
        _ path: String, fingerprint: Fingerprint? = nil, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void
    ) throws {
        try inner.stream(path, fingerprint: fingerprint, produce)
        counter.add(path: nil)
        progress(1)
    }
    /// Whether the sink may take unchanged files from the previous output.
    public var reuses: Bool { inner.reuses }
    /// Whether there is a previous output to take files from now (see ``OutputSink/mayTake``).
    public var mayTake: Bool { inner.mayTake }
    /// Takes `path` from the previous output when it was made from `fingerprint` (counted as written).
    public func reuse(_ path: String, fingerprint: Fingerprint, isPage: Bool = false) throws -> Bool {
        guard try inner.reuse(path, fingerprint: fingerprint) else { return false }
        counter.add(path: isPage ? path : nil)
        progress(1)
        return true
    }
    /// Takes every one of `paths` (none a page) from the previous output when all were made from
    /// `fingerprint`, counting them only then: when some are not there the caller writes them all again,
    /// and a file taken and then written must be counted once.
    public func reuseAll(_ paths: [String], fingerprint: Fingerprint) throws -> Bool {
        for p in paths {
            guard try inner.reuse(p, fingerprint: fingerprint) else { return false }
        }
        for _ in paths { counter.add(path: nil) }
        progress(paths.count)
        return true
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files = 0
    private(set) var pages = 0
    /// The pages' paths end to end, and where each ends: a string each was about 80 bytes a page.
    private var pathBytes: [UInt8] = []
    private var pathEnds: [Int] = []
    func add(path: String?) {
        lock.lock()
        files += 1
        if let p = path {
            pages += 1
            pathBytes.append(contentsOf: p.utf8)
            pathEnds.append(pathBytes.count)
        }
        lock.unlock()
    }
    /// The pages' paths as the sitemap lists them (a folder's `index.html` as the folder), in byte order.
    func sitemapPaths() -> SitemapPaths {
        lock.lock()
        defer { lock.unlock() }
        return SitemapPaths(bytes: pathBytes, ends: pathEnds)
    }
}

/// Page paths held as bytes, sorted, each made a string when it is written out.
struct SitemapPaths {
    private let bytes: [UInt8]
    private let ranges: [Range<Int>]

    init(bytes: [UInt8], ends: [Int]) {
        let index = Array("index.html".utf8)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            var last = end
            if end - start >= index.count && bytes[(end - index.count)..<end].elementsEqual(index) {
                last -= index.count
            }
            ranges.append(start..<last)
            start = end
        }
        // Byte order by memcmp: a generic comparison of the slices walked them byte by byte.
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            ranges.sort { x, y in
                let c = memcmp(base + x.lowerBound, base + y.lowerBound, min(x.count, y.count))
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
        self.bytes = bytes
        self.ranges = ranges
    }

    var count: Int { ranges.count }
    subscript(_ i: Int) -> String { String(decoding: bytes[ranges[i]], as: UTF8.self) }
}
