import Foundation

/// Where rendered files go: the writer of `GongshiBuild` (a staging folder) or memory in tests.
/// Must accept writes from several threads at once.
public protocol OutputSink: Sendable {
    /// `path` is relative to the site root, `/`-separated (`xzxk/abc/index.html`).
    func write(_ path: String, _ bytes: [UInt8]) throws

    /// Takes `path` unchanged from the previous output when it was made from the same `fingerprint`,
    /// instead of it being rendered again (an incremental build). False: render and write it.
    func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool

    /// Writes a file made from `fingerprint`, so that the next build may reuse it.
    func write(_ path: String, _ bytes: [UInt8], fingerprint: Fingerprint) throws

    /// Whether ``reuse(_:fingerprint:)`` can ever say yes (else fingerprints are not worth making).
    var reuses: Bool { get }

    /// Whether there is anything to take now: false for a build whose cache holds no previous output
    /// (a cold build records its fingerprints for the next build, and need not ask for files).
    var mayTake: Bool { get }

    /// Writes a file made in pieces: `produce` hands each piece to `emit` in order. A sink that writes
    /// to disk passes them on as they come, so a large file (the open data at a million records) is
    /// never whole in memory; the default collects them and calls ``write(_:_:fingerprint:)``.
    func stream(
        _ path: String, fingerprint: Fingerprint?, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void
    ) throws
}

extension OutputSink {
    public func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }
    public func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool { false }
    public func write(_ path: String, _ bytes: [UInt8], fingerprint: Fingerprint) throws { try write(path, bytes) }
    public var reuses: Bool { false }
    public var mayTake: Bool { reuses }

    public func stream(
        _ path: String, fingerprint: Fingerprint?, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void
    ) throws {
        var all: [UInt8] = []
        try produce { all += $0 }
        if let fingerprint { try write(path, all, fingerprint: fingerprint) } else { try write(path, all) }
    }
}

/// Collects outputs in memory (the tests render into it).
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
