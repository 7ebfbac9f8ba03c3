import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP during `gongshi build`.
///
/// A signal must never leave half a site or half a ledger. While nothing has been written yet the
/// process simply exits (the site lock is released by the kernel). While pages are being rendered
/// into the staging folder the signal is recorded, the writers stop at their next file, and the
/// build removes its staging folder and reports the interruption. During the commit (ledger append
/// and swap) the signal waits until the commit is whole. Only the command line installs this; the
/// preview server has its own graceful shutdown.
public enum Interruption {
    /// Where a build is, as far as a signal is concerned.
    enum Phase { case idle, writing, committing }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var phase = Phase.idle
    nonisolated(unsafe) private static var received: Int32?
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// The signal received, if any.
    public static var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Catches SIGINT, SIGTERM and SIGHUP for the rest of the process.
    public static func install() {
        let queue = DispatchQueue(label: "gongshi.signals")
        var made: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { arrived(sig) }
            source.resume()
            made.append(source)
        }
        lock.lock()
        sources = made
        lock.unlock()
    }

    static func arrived(_ sig: Int32) {
        lock.lock()
        if received == nil { received = sig }
        let now = phase
        lock.unlock()
        if now == .idle {
            // Nothing of this build is on disk yet: stop at once.
            FileHandle.standardError.write(Data("\ngongshi: 已中断（\(name(sig))），尚未写出任何文件，网站和台账未改动\n".utf8))
            _exit(128 + sig)
        }
    }

    /// The short name of a signal for messages.
    public static func name(_ sig: Int32) -> String {
        switch sig {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        default: return "信号 \(sig)"
        }
    }

    /// Marks the start of writing (staging folder, ledger): a signal from now on is recorded, not fatal.
    static func beginWriting() { set(.writing) }

    /// Runs `body` with signals held back: the ledger append and the swap are one step.
    static func committing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        let before = phase
        phase = .committing
        lock.unlock()
        defer { set(before) }
        return try body()
    }

    /// Back to the state where a signal ends the process at once.
    static func endWriting() { set(.idle) }

    private static func set(_ p: Phase) {
        lock.lock()
        phase = p
        lock.unlock()
    }

    /// Throws when a signal has arrived: the writers call it before every file.
    static func check() throws {
        if let sig = signal { throw Interrupted(signal: sig) }
    }
}

/// Thrown inside a build when a signal asks it to stop.
public struct Interrupted: Error, Sendable {
    public let signal: Int32
}
