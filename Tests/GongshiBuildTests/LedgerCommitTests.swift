import Foundation
import GongshiContent
import GongshiModel
import Testing

@testable import GongshiBuild

/// How a build's commit writes the ledger: copied beside itself a chunk at a time with the day's
/// events after it, checked against the ledger that was judged, and put back when the swap fails.
@Suite("Ledger commit")
struct LedgerCommitTests {
    static let text = "日期,事件,类型,记录键,摘要\n2025-01-09,公示,xzcf,xzcf:区税务局:周税罚〔2025〕1号,ae7b517ddcf39d76\n"
    static let day = "2026-11-25,公示,xzxk,xzxk:区税务局:周税许〔2026〕9号,0123456789abcdef\n"

    /// A site folder holding `Content/ledger.csv` with `text`; removed by the caller.
    static func site(_ text: String) throws -> (site: String, ledger: String) {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-commit-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        let ledger = LedgerStore.path(site: site)
        try Data(text.utf8).write(to: URL(fileURLWithPath: ledger))
        return (site, ledger)
    }

    static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theDayIsAppendedAndTakenBackWhenTheSwapFails() throws {
        let (site, ledger) = try Self.site(Self.text)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let held = HeldLedger(try LedgerReader.read(path: ledger, file: LedgerStore.file))
        try LedgerStore.write(site: site, held: held, appendix: Array(Self.day.utf8), out: site + "/Public")
        #expect(Self.contents(ledger) == Self.text + Self.day)
        #expect(LedgerStore.mark(site: site) == held.mark(appending: Array(Self.day.utf8)))
        // The note that lets the next build reconcile a commit killed before the swap.
        #expect(Self.contents(LedgerStore.pendingPath(site: site))?.contains("out: \(site)/Public") == true)

        #expect(LedgerStore.restore(site: site, before: held.before, after: held.mark(appending: Array(Self.day.utf8))))
        #expect(Self.contents(ledger) == Self.text)
        LedgerStore.committed(site: site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/Content") == ["ledger.csv"])
    }

    @Test func aLedgerChangedSinceItWasJudgedIsLeftAsItIs() throws {
        let (site, ledger) = try Self.site(Self.text)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let held = HeldLedger(try LedgerReader.read(path: ledger, file: LedgerStore.file))
        let edited = Self.text + "2025-01-10,撤回,xzcf,xzcf:区税务局:周税罚〔2025〕1号,ae7b517ddcf39d76\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: ledger))

        #expect(throws: SiteError.self) {
            try LedgerStore.write(site: site, held: held, appendix: Array(Self.day.utf8), out: site + "/Public")
        }
        #expect(Self.contents(ledger) == edited)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/Content") == ["ledger.csv"])
        // Nor is a ledger edited since the commit cut back to what the build judged.
        #expect(
            !LedgerStore.restore(site: site, before: held.before, after: held.mark(appending: Array(Self.day.utf8))))
        #expect(Self.contents(ledger) == edited)
    }

    @Test func aReplacementCopiesAPrefixAndAnAbandonedOneLeavesNothing() throws {
        let (site, ledger) = try Self.site(Self.text)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let prefix = Array(Self.text.utf8.prefix(20))
        do {
            let new = try ReplacementFile(replacing: ledger, shown: LedgerStore.file)
            #expect(try new.copy(from: ledger, limit: 20) == LedgerStore.mark(prefix))
            #expect(FileManager.default.fileExists(atPath: new.temporary))
        }  // dropped without commit
        #expect(Self.contents(ledger) == Self.text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/Content") == ["ledger.csv"])

        let new = try ReplacementFile(replacing: ledger, shown: LedgerStore.file)
        #expect(try new.copy(from: site + "/Content/none.csv") == LedgerStore.mark([]))
        #expect(try new.copy(from: ledger, limit: 20) == LedgerStore.mark(prefix))
        try new.commit()
        #expect(FileManager.default.contents(atPath: ledger) == Data(prefix))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/Content") == ["ledger.csv"])
    }
}
