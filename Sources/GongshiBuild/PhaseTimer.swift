import Foundation

/// Prints phase durations to standard error when `GONGSHI_TIMING` is set (for profiling builds), with
/// the process's resident memory at the end of the phase and its peak so far (a build's memory is
/// told by phase without sampling it from outside).
public final class PhaseTimer: @unchecked Sendable {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["GONGSHI_TIMING"] != nil
    public init() {}

    /// The time since the last lap (or since the timer was made), printed as phase `name`.
    public func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        print(name, seconds: now.timeIntervalSince(last))
        last = now
    }

    /// Prints a phase timed elsewhere (the render's, ``Renderer/reportPhase``).
    public func print(_ name: String, seconds: Double) {
        guard enabled else { return }
        let (resident, peak) = Self.memory()
        FileHandle.standardError.write(
            Data(
                String(
                    format: "  %-22@ %6.2f s  %7d MB  peak %7d MB\n", name as NSString, seconds, resident / 1024,
                    peak / 1024
                ).utf8))
    }

    /// VmRSS and VmHWM of `/proc/self/status` in kB (zeros where there is no such file).
    static func memory() -> (resident: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        var resident = 0
        var peak = 0
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let kB = Int(fields[1]) else { continue }
            if fields[0] == "VmRSS:" { resident = kB } else if fields[0] == "VmHWM:" { peak = kB }
        }
        return (resident, peak)
    }
}
