import Foundation

/// Times the phases of a render, one after another, for ``Renderer/reportPhase``.
struct PhaseLaps {
    private var last = Date()
    let report: @Sendable (String, Double) -> Void

    init(report: @escaping @Sendable (String, Double) -> Void) { self.report = report }

    mutating func lap(_ name: String) {
        let now = Date()
        report(name, now.timeIntervalSince(last))
        last = now
    }
}
