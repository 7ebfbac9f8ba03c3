import Foundation

/// Prints phase durations to standard error when `GONGSHI_TIMING` is set (for profiling builds).
public final class PhaseTimer: @unchecked Sendable {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["GONGSHI_TIMING"] != nil
    public init() {}
    public func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(
            Data(String(format: "  %-22@ %6.2f s\n", name as NSString, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
