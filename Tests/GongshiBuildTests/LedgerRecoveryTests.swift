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

/// The ledger's mark in the output marker: the bytes', and for a re-saved ledger its text's too.
@Suite("Ledger mark")
struct LedgerMarkTests {
    @Test func theMarkerKeepsTheTextMarkAndMarksCompareByBytes() throws {
        let fm = FileManager.default
        let out = fm.temporaryDirectory.appendingPathComponent("gongshi-mark-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: out) }
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let marker = out + "/" + OutputFolder.markerName
        for text in [nil, LedgerMark.Text(bytes: 90, sha256: "cd")] {
            let mark = LedgerMark(bytes: 100, sha256: "ab", text: text)
            try Data(OutputFolder.marker(ledger: mark).utf8).write(to: URL(fileURLWithPath: marker))
            let read = try #require(OutputFolder.markedLedger(out))
            #expect(read == mark && read.text == text)
            #expect(read.ofText == text.map { LedgerMark(bytes: $0.bytes, sha256: $0.sha256) })
        }
        #expect(
            LedgerMark(bytes: 1, sha256: "a", text: .init(bytes: 1, sha256: "b")) == LedgerMark(bytes: 1, sha256: "a"))
        #expect(LedgerMark(bytes: 1, sha256: "a") != LedgerMark(bytes: 2, sha256: "a"))
    }
}
