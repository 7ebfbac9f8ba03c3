import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT, SIGTERM and kill -9 at varying moments of a build of the demo site: the output and the
/// ledger always agree, and nothing of the killed build stays behind after the next one.
@Suite("signals during build", .serialized)
struct SignalTests {
    /// The repository's demo site (hundreds of records), copied.
    static func demoSite() throws -> String {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gongshi-e2e-signals-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try fm.copyItem(atPath: Gongshi.repo.appendingPathComponent("Content").path, toPath: dir + "/Content")
        try fm.copyItem(atPath: Gongshi.repo.appendingPathComponent("Templates").path, toPath: dir + "/Templates")
        return dir
    }

    /// Starts `gongshi build` and returns the running process.
    static func startBuild(site: String, date: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Gongshi.binary)
        p.arguments = ["build", "--site", site, "--date", date, "--quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// The invariants after any build, finished or not.
    static func expectConsistent(_ site: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fm = FileManager.default
        let ledger = [UInt8](fm.contents(atPath: site + "/Content/ledger.csv") ?? Data())
        let beside = try fm.contentsOfDirectory(atPath: site).filter {
            $0.contains(".gongshi-") && $0 != ".gongshi.lock"
        }
        #expect(beside.isEmpty, "leftovers \(beside)", sourceLocation: sourceLocation)
        let tmp = try fm.contentsOfDirectory(atPath: site + "/Content").filter { $0.hasPrefix("ledger.csv.") }
        #expect(tmp.isEmpty, "ledger leftovers \(tmp)", sourceLocation: sourceLocation)
        // The live site is the one the ledger belongs to.
        let marker = Gongshi.read(site + "/Public/.gongshi-output")
        #expect(
            marker.contains("ledger-sha256: \(sha256(ledger))"), "marker \(marker) vs ledger of \(ledger.count) bytes",
            sourceLocation: sourceLocation)
        // No event twice.
        let lines = String(decoding: ledger, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(Set(lines).count == lines.count, "an event written twice", sourceLocation: sourceLocation)
    }

    @Test func sigtermAndSigintLeaveSiteAndLedgerConsistent() async throws {
        let site = try Self.demoSite()
        // After the demo ledger's last event (2026-11-24): every build writes the ledger and commits.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--quiet"]).status == 0)
        // Delays spread the signal over reading, rendering and committing; any outcome must be whole.
        let cases: [(Int32, UInt32)] = [
            (SIGTERM, 150_000), (SIGINT, 600_000), (SIGTERM, 1_500_000), (SIGINT, 3_000_000),
        ]
        for (i, (sig, delay)) in cases.enumerated() {
            let p = try Self.startBuild(site: site, date: "2026-11-\(26 + i)")
            usleep(delay)
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal {
                // Only possible before the handlers are installed (still parsing arguments): the
                // signal sent, never a crash.
                #expect(p.terminationStatus == sig, "died of signal \(p.terminationStatus)")
            } else {
                #expect(p.terminationStatus == 0 || p.terminationStatus == 128 + sig, "status \(p.terminationStatus)")
            }
            try Self.expectConsistent(site)
        }
    }

    @Test func afterKillNineTheNextBuildCleansUpAndNeverDoublesTheLedger() async throws {
        let site = try Self.demoSite()
        // After the demo ledger's last event (2026-11-24): every build writes the ledger and commits.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--quiet"]).status == 0)
        let delays: [UInt32] = [200_000, 700_000, 1_600_000, 2_500_000]
        for (i, delay) in delays.enumerated() {
            let date = "2026-11-\(26 + i)"
            let p = try Self.startBuild(site: site, date: date)
            usleep(delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let r = try Gongshi.run(["build", "--site", site, "--date", date, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            try Self.expectConsistent(site)
        }
    }
}
