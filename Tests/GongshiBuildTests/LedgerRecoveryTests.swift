import Foundation
import Testing

@testable import GongshiBuild

/// What a build cleans up of runs killed while writing the ledger.
@Suite("Ledger recovery")
struct LedgerRecoveryTests {
    @Test func temporaryFilesOfKilledRunsAreRemovedAndTheLedgerKept() throws {
        let fm = FileManager.default
        let site = fm.temporaryDirectory.appendingPathComponent("gongshi-recover-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: site) }
        try fm.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        let ledger = LedgerStore.path(site: site)
        try Data("日期,事件\n".utf8).write(to: URL(fileURLWithPath: ledger))
        // Left by runs killed while writing the ledger and while writing the pending note.
        for leftover in [".tmp-123", ".pending.tmp-456"] {
            try Data("half".utf8).write(to: URL(fileURLWithPath: ledger + leftover))
        }
        try LedgerStore.recover(site: site, out: site + "/Public")
        #expect(try fm.contentsOfDirectory(atPath: site + "/Content") == ["ledger.csv"])
        #expect(fm.contents(atPath: ledger) == Data("日期,事件\n".utf8))
    }
}
