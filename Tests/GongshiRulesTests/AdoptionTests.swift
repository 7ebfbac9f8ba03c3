import GongshiModel
import Testing

@testable import GongshiRules

/// SPEC §8.3: a site that takes over from a previous system (`disclosure.adoptedOn`).
@Suite("adoption of an existing portal")
struct AdoptionTests {
    /// The fixture penalty is decided 2026-11-20; published now (2026-12-10) it would be late.
    func adopted(_ on: String) -> Fixture {
        var f = Fixture(.xzcf, [Row.penalty()])
        f.disclosure("adoptedOn: \(on)")
        return f
    }

    @Test("a record decided before adoptedOn that the ledger does not know: not judged, recorded as 导入")
    func previousSystem() throws {
        let j = try adopted("2026-12-01").judge("2026-12-10")
        #expect(j.findings("late-disclosure").isEmpty)
        #expect(j.findings("due-soon").isEmpty)
        let r = try #require(j.record(penaltyKey()))
        #expect(!r.timelinessJudged)
        #expect(r.previousSystem)
        #expect(j.publication.newEvents.map(\.event) == [.imported])
    }

    @Test("the day's report lists what was recorded 导入, with its document")
    func reportedAsImported() throws {
        let report = DailyReport(publication: try adopted("2026-12-01").judge("2026-12-10").publication)
        #expect(report.imported.map(\.key) == [penaltyKey()])
        #expect(report.imported.first?.document == "周市监罚〔2026〕1号")
        #expect(report.published.isEmpty)
    }

    @Test("the first build's 导入 keeps it unjudged on later builds, with no new event")
    func laterBuilds() throws {
        var f = adopted("2026-12-01")
        let first = try f.judge("2026-12-10")
        f.ledger = first.publication.newEvents.map(\.csvLine)
        let j = try f.judge("2026-12-15")
        #expect(j.findings("late-disclosure").isEmpty)
        #expect(j.publication.newEvents.isEmpty)
        #expect(j.record(penaltyKey())?.timelinessJudged == false)
    }

    @Test("decided before adoptedOn but first sent after the first build: this site's, judged and 公示")
    func arrivesAfterTheFirstBuild() throws {
        // The first build: a penalty the previous system handed over, and a licence of the adoption day.
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-11-25", "行政处罚决定书文号": "周市监罚〔2026〕9号"])])
        f.add(.xzxk, [Row.licence(["许可决定日期": "2026-12-01"])])
        f.disclosure("adoptedOn: 2026-12-01")
        let first = try f.judge("2026-12-01")
        #expect(Set(first.publication.newEvents.map(\.event)) == [.imported, .published])
        f.ledger = first.publication.newEvents.map(\.csvLine)
        f.add(.xzcf, [Row.penalty()], file: "b.csv")
        var black = Fixture(.mingdan, [Row.black()])
        black.disclosure("adoptedOn: 2026-12-01")
        black.ledger = first.publication.newEvents.map(\.csvLine)
        for (j, key) in [(try f.judge("2026-12-10"), penaltyKey()), (try black.judge("2026-12-10"), nil)] {
            if let key {
                let r = try #require(j.record(key))
                #expect(!r.previousSystem)
                #expect(r.timelinessJudged)
                #expect(r.firstPublished == day("2026-12-10"))
                #expect(j.findings("late-disclosure").map(\.key) == [key], "decided 11-20, due 12-01")
                #expect(j.publication.newEvents.map(\.event) == [.published])
            } else {
                let e = try #require(j.publication.listEntries.first)
                #expect(!e.previousSystem)
                #expect(j.publication.newEvents.filter { $0.kind == .mingdan }.map(\.event) == [.published])
            }
        }
    }

    @Test("built again on the adoption day itself: still the first build, 导入 again")
    func sameDayRebuild() throws {
        var f = adopted("2026-12-01")
        f.ledger = try f.judge("2026-12-10").publication.newEvents.map(\.csvLine)
        let again = try f.judge("2026-12-10")
        #expect(again.findings("late-disclosure").isEmpty)
        #expect(again.record(penaltyKey())?.previousSystem == true)
    }

    @Test("an 导入 with the previous system's own date is judged from that date")
    func importedDateIsJudged() throws {
        var f = adopted("2026-12-01")
        f.ledger = ["2026-12-03,导入,xzcf,\(penaltyKey()),"]
        // 2026-12-03 is after the adoption day: taken as the date the first build recorded, not judged.
        #expect(try f.judge("2026-12-10").findings("late-disclosure").isEmpty)
        var g = adopted("2026-12-31")
        g.ledger = ["2026-12-03,导入,xzcf,\(penaltyKey()),"]
        let j = try g.judge("2026-12-10")
        #expect(j.findings("late-disclosure").count == 1, "published 12-03, the deadline was 12-01")
        #expect(j.record(penaltyKey())?.firstPublished == day("2026-12-03"))
        #expect(
            j.publication.newEvents.map(\.event) == [.published],
            "an 导入 without a digest was not shown here: this build is its first showing on this site")
        #expect(j.record(penaltyKey())?.firstPublished == day("2026-12-03"), "still judged from the 导入")
    }

    @Test("an 导入 without a digest whose record is not public: nothing to withdraw")
    func importedButWithheld() throws {
        var f = Fixture(.xzcf, [Row.penalty(["行政相对人名称": ""])])
        f.ledger = ["2026-12-03,导入,xzcf,\(penaltyKey()),"]
        let j = try f.judge("2026-12-10")
        #expect(j.record(penaltyKey()) == nil)
        #expect(j.publication.newEvents.isEmpty)
    }

    @Test("revoked with its withdrawal due before adoptedOn: the previous system's to withdraw, not judged")
    func revokedBeforeAdoption() throws {
        let revoked = ["当前状态": "撤销", "状态日期": "2026-11-23", "状态说明": "复议撤销"]
        var f = Fixture(.xzcf, [Row.penalty(revoked)])
        f.disclosure("adoptedOn: 2026-12-01")
        let j = try f.judge("2026-12-10")
        #expect(j.notice(penaltyKey()) != nil)
        #expect(j.findings("late-withdrawal").isEmpty)
        var g = Fixture(.xzcf, [Row.penalty(revoked)])
        g.disclosure("adoptedOn: 2026-11-25")
        #expect(try g.judge("2026-12-10").findings("late-withdrawal").count == 1, "due 11-26, after adoption")
    }

    @Test("a record decided on or after adoptedOn is judged as usual")
    func afterAdoption() throws {
        let j = try adopted("2026-11-20").judge("2026-12-10")
        #expect(j.findings("late-disclosure").count == 1)
        #expect(j.publication.newEvents.map(\.event) == [.published])
    }
}
