import GongshiModel
import Testing

@testable import GongshiRules

/// A published decision its department spells otherwise keeps the ledger's key (``Respellings``).
@Suite("respelt-decision")
struct RespeltDecisionTests {
    static let departments = """
        编码,名称,统一社会信用代码,网站,别名
        scjgj,区市场监管局,\(Fixture.scjgjCode),,淄博市周村区市场监督管理局

        """

    /// The decision published on 11-23 under `key` (with the digest it had then), judged on 12-10 from `row`.
    func judged(publishedAs key: String, row: [String: String], more: [String] = []) throws -> Judgement {
        let first = try Fixture(.xzcf, [Row.penalty()]).judge("2026-11-23")
        let digest = try #require(first.publication.records.first?.digest)
        var f = Fixture(.xzcf, [row])
        f.departments = Self.departments
        f.ledger = ["2026-11-23,公示,xzcf,\(key),\(digest)"] + more
        return try f.judge("2026-12-10")
    }

    @Test("other brackets: the ledger's key, first publication and page id stay; an 更新, no 撤回, not late")
    func brackets() throws {
        let j = try judged(publishedAs: penaltyKey(), row: Row.penalty(["行政处罚决定书文号": "周市监罚[2026]1号"]))
        let r = try #require(j.record(penaltyKey()))
        #expect(r.firstPublished == day("2026-11-23"))
        #expect(r.documentNumber == "周市监罚[2026]1号")
        #expect(r.id == ContentDigest.id(for: penaltyKey(), prefix: "scjgj"))
        #expect(j.publication.newEvents.map(\.event) == [.updated])
        #expect(j.publication.newEvents.first?.key == penaltyKey())
        #expect(j.findings("late-disclosure").isEmpty)
        let f = try #require(j.findings("respelt-decision").first)
        #expect(f.severity == .info && f.key == penaltyKey())
        #expect(f.message.contains("文书号原写作「周市监罚〔2026〕1号」，本次写作「周市监罚[2026]1号」"))
    }

    @Test("the authority by an alias, and the ledger's key with other brackets: still the one decision")
    func aliasAndLedgerSpelling() throws {
        let old = penaltyKey("周市监罚（2026）1号")
        let j = try judged(publishedAs: old, row: Row.penalty(["处罚机关": "淄博市周村区市场监督管理局"]))
        #expect(j.publication.records.map(\.key) == [old])
        #expect(j.publication.newEvents.map(\.event) == [.updated])
        let f = try #require(j.findings("respelt-decision").first)
        #expect(f.message.contains("机关原写作「区市场监管局」，本次写作「淄博市周村区市场监督管理局」"))
    }

    @Test("a key the ledger knows as written wins over another spelling")
    func writtenKeyWins() throws {
        let written = penaltyKey("周市监罚[2026]1号")
        let j = try judged(
            publishedAs: penaltyKey(), row: Row.penalty(["行政处罚决定书文号": "周市监罚[2026]1号"]),
            more: ["2026-11-24,撤回,xzcf,\(penaltyKey()),0", "2026-11-24,公示,xzcf,\(written),0"])
        #expect(j.publication.records.map(\.key) == [written])
        #expect(j.findings("respelt-decision").isEmpty)
    }

    @Test("of two spellings in the ledger, the one shown now is kept")
    func shownFirst() throws {
        let other = penaltyKey("周市监罚【2026】1号")
        let j = try judged(
            publishedAs: penaltyKey(), row: Row.penalty(["行政处罚决定书文号": "周市监罚[2026]1号"]),
            more: ["2026-11-24,撤回,xzcf,\(penaltyKey()),0", "2026-11-24,公示,xzcf,\(other),0"])
        #expect(j.publication.records.map(\.key) == [other])
        #expect(!j.publication.newEvents.contains { $0.event == .withdrawn })
    }

    @Test("back to the first spelling after an older build published the second: the page shown stays")
    func backToTheFirstSpelling() throws {
        let second = penaltyKey("周市监罚[2026]1号")
        let j = try judged(
            publishedAs: penaltyKey(), row: Row.penalty(),
            more: ["2026-11-24,撤回,xzcf,\(penaltyKey()),0", "2026-11-24,公示,xzcf,\(second),0"])
        #expect(j.publication.records.map(\.key) == [second])
        #expect(j.publication.newEvents.map(\.event) == [.updated])
    }

    @Test("said only of a published row: a withheld copy changes no page")
    func onlyWhenPublished() throws {
        let first = try Fixture(.xzcf, [Row.penalty()]).judge("2026-11-23")
        let digest = try #require(first.publication.records.first?.digest)
        var f = Fixture(.xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚[2026]1号"])])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),\(digest)"]
        let j = try f.judge("2026-11-25")
        #expect(j.publication.records.map(\.key) == [penaltyKey()])
        #expect(j.findings("duplicate-record").count == 1)
        #expect(j.findings("respelt-decision").isEmpty)
    }

    @Test("another decision of the department is not taken for it")
    func anotherNumber() throws {
        let j = try judged(publishedAs: penaltyKey(), row: Row.penalty(["行政处罚决定书文号": "周市监罚[2026]2号"]))
        #expect(j.publication.records.map(\.key) == [penaltyKey("周市监罚[2026]2号")])
        #expect(j.publication.newEvents.contains { $0.event == .withdrawn && $0.key == penaltyKey() })
        #expect(j.publication.newEvents.contains { $0.event == .published })
        #expect(j.findings("respelt-decision").isEmpty)
    }

    @Test("brackets are told by their bytes")
    func otherBrackets() {
        for d in ["周[2026]1号", "周（2026）1号", "周【2026】1号", "周［2026］1号", "周(2026)1号"] {
            #expect(DocumentSpelling.hasOtherBrackets(Substring(d)), "\(d)")
        }
        #expect(!DocumentSpelling.hasOtherBrackets("周市监罚〔2026〕1号"))
        #expect(!DocumentSpelling.hasOtherBrackets("周市监罚2026-1号"))
    }
}
