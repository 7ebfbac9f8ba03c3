import Foundation
import Testing

/// The ledger only grows, one date after another (SPEC §1.9): a build dated before its last event does
/// not write it, and a build that would write it is refused when the ledger no longer continues the one
/// the live site was built with; a site without its department registry is not built at all.
@Suite("ledger order")
struct LedgerOrderTests {
    func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    @Test func aBuildDatedBeforeTheLedgersLastEventDoesNotWriteIt() throws {
        let site = try Gongshi.site("basic")
        let ledger = site + "/Content/ledger.csv"
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-27"]).status != 2)
        let after = bytes(ledger)
        #expect(String(decoding: after, as: UTF8.self).contains("2026-11-27,公示,"))
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--quiet"])
        #expect(r.status != 2, "\(r.stderr)")
        #expect(r.stderr.contains("2026-11-27") && r.stderr.contains("未写入台账"), "\(r.stderr)")
        #expect(bytes(ledger) == after)
        #expect(!FileManager.default.fileExists(atPath: site + "/Content/baogao/2026-11-25.md"))
        // The site of that day was built, and names the ledger as it is.
        #expect(Gongshi.read(site + "/Public/.gongshi-output").contains("ledger-bytes: \(after.count)"))
        // On the ledger's last date it writes again.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-27", "--quiet"]).stderr.isEmpty)
    }

    @Test func aLedgerLostOrCutShortIsNotStartedOver() throws {
        let site = try Gongshi.site("basic")
        let ledger = site + "/Content/ledger.csv"
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status != 2)
        let full = bytes(ledger)
        let page = Gongshi.read(site + "/Public/index.html")
        // Emptied, and cut after its first event (a backup of last week, say).
        let firstEvents = full.indices.filter { full[$0] == 0x0A }.dropFirst().first.map { Array(full[...$0]) } ?? []
        for damaged in [[], firstEvents] {
            _ = FileManager.default.createFile(atPath: ledger, contents: Data(damaged))
            let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("备份") && r.stderr.contains(".gongshi-output"), "\(r.stderr)")
            #expect(bytes(ledger) == damaged)
            #expect(Gongshi.read(site + "/Public/index.html") == page)
        }
        // Restored, it builds again; events appended by other means (ledger import) are fine.
        _ = FileManager.default.createFile(atPath: ledger, contents: Data(full))
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"]).status != 2)
    }

    @Test func aBuildThatDoesNotWriteTheLedgerKeepsTheMarkOfTheOneItDoesNotContinue() throws {
        let site = try Gongshi.site("basic")
        let ledger = site + "/Content/ledger.csv"
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status != 2)
        let marker = Gongshi.read(site + "/Public/.gongshi-output")
        let full = bytes(ledger)
        let cut = full.indices.filter { full[$0] == 0x0A }.dropFirst().first.map { Array(full[...$0]) } ?? []
        _ = FileManager.default.createFile(atPath: ledger, contents: Data(cut))
        for args in [["--no-ledger"], ["--date", "2026-10-01"]] {
            var run = ["build", "--site", site, "--quiet"] + args
            if !args.contains("--date") { run += ["--date", "2026-11-26"] }
            let r = try Gongshi.run(run)
            #expect(r.status != 2, "\(r.stderr)")
            #expect(r.stderr.contains("不一致") && r.stderr.contains("未写入台账"), "\(r.stderr)")
            #expect(Gongshi.read(site + "/Public/.gongshi-output") == marker, "the live site's mark is kept")
        }
        // So the cut ledger is still refused by the next build that writes it.
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"]).status == 2)
        #expect(bytes(ledger) == cut)
    }

    @Test func aSiteWithoutItsDepartmentRegistryIsNotBuilt() throws {
        let site = try Gongshi.site("basic")
        #expect(try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"]).status != 2)
        let ledger = bytes(site + "/Content/ledger.csv")
        try FileManager.default.removeItem(atPath: site + "/Content/departments.csv")
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("departments.csv"), "\(r.stderr)")
        #expect(bytes(site + "/Content/ledger.csv") == ledger)
        // check still reports what is wrong.
        let check = try Gongshi.run(["check", "--site", site, "--date", "2026-11-26"])
        #expect(check.stdout.contains("departments.csv"))
    }
}
