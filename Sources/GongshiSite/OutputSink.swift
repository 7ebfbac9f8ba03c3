import Foundation

/// Where rendered files go: the writer of `GongshiBuild` (a staging folder) or memory in tests.
/// Must accept writes from several threads at once.
public protocol OutputSink: Sendable {
    /// `path` is relative to the site root, `/`-separated (`xzxk/abc/index.html`).
    func write(_ path: String, _ bytes: [UInt8]) throws
    /// Writes a file made in pieces: `produce` hands each piece to `emit` in order. A sink that writes
    /// to disk passes them on as they come, so a large file (the open data at a million records) is
    /// never whole in memory; the default collects them and calls ``write(_:_:)``.
    func stream(_ path: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws
}

extension OutputSink {
    public func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }

    public func stream(_ path: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        var all: [UInt8] = []
        try produce { all += $0 }
        try write(path, all)
    }
}

/// Gathers small writes into pieces of about `size` bytes for ``OutputSink/stream(_:_:)``.
struct ChunkBuffer {
    private var bytes: [UInt8] = []
    private let size: Int
    private let emit: ([UInt8]) throws -> Void

    init(size: Int = 1 << 20, emit: @escaping ([UInt8]) throws -> Void) {
        self.size = size
        self.emit = emit
        bytes.reserveCapacity(size)
    }

    mutating func append(_ text: String) throws {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= size { try flush() }
    }

    mutating func append(_ more: [UInt8]) throws {
        bytes.append(contentsOf: more)
        if bytes.count >= size { try flush() }
    }

    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try emit(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Collects outputs in memory (tests, the preview's error pages).
public final class MemorySink: OutputSink, @unchecked Sendable {
    private var files: [String: [UInt8]] = [:]
    private let lock = NSLock()
    public init() {}
    public func write(_ path: String, _ bytes: [UInt8]) throws {
        lock.lock()
        files[path] = bytes
        lock.unlock()
    }
    public var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return files.keys.sorted()
    }
    public func text(_ path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
