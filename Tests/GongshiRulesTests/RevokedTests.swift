import GongshiModel
import Testing

@testable import GongshiRules

@Suite("revoked")
struct RevokedTests {
    static func revoked(_ o: [String: String] = [:]) -> [String: String] {
        Row.penalty(["当前状态": "撤销", "状态日期": "2026-11-24", "状态说明": "经行政复议，撤销原处罚决定"].merging(o) { $1 })
    }

    @Test("a revoked penalty becomes a withdrawal notice stating the reason")
    func notice() throws {
        let j = try Fixture(.xzcf, [Self.revoked()]).judge("2026-11-25")
        let f = try #require(j.findings("revoked").first)
        #expect(j.ruleIDs == ["revoked"])
        #expect(f.severity == .info)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(f.message.contains("经行政复议，撤销原处罚决定"))
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["revoked"])
        let n = try #require(j.notice(penaltyKey()))
        #expect(n.reason == "经行政复议，撤销原处罚决定")
        #expect(n.revokedOn == day("2026-11-24"))
        #expect(n.withdrawnOn == day("2026-11-25"))
        #expect(n.until == day("2027-11-20"))
        #expect(n.decisionDate == day("2026-11-20"))
        #expect(n.documentNumber == "周市监罚〔2026〕1号")
        #expect(n.entityName == "淄博某某食品有限公司")
        #expect(n.department.code == "scjgj")
        #expect(n.id == ContentDigest.id(for: penaltyKey(), prefix: "scjgj"))
        // Never shown as a record, but its notice goes up today: the ledger dates it, once.
        #expect(j.publication.newEvents.map(\.event) == [.withdrawn])
        #expect(j.publication.newEvents.first?.digest == n.digest)
        // And it does not claim that information shown was taken down.
        #expect(!n.wasShown)
    }

    @Test("a decision published before its revocation: the notice says its information was withdrawn")
    func shownBefore() throws {
        var f = Fixture(.xzcf, [Self.revoked()])
        f.ledger = ["2026-11-21,公示,xzcf,\(penaltyKey()),0"]
        #expect(try f.judge("2026-11-25").notice(penaltyKey())?.wasShown == true)
    }

    @Test("personal data in the reason: masked in the notice and in the finding, and reported as personal-data")
    func personalDataInReason() throws {
        let note = "经复议撤销，联系人手机13912345678"
        let j = try Fixture(.xzcf, [Self.revoked(["状态说明": note])]).judge("2026-11-25")
        #expect(j.ruleIDs.sorted() == ["personal-data", "revoked"])
        #expect(j.findings("personal-data").first?.message.contains("状态说明") == true)
        #expect(j.findings.allSatisfy { !$0.message.contains("13912345678") })
        #expect(try #require(j.notice(penaltyKey())).reason == "经复议撤销，联系人手机139****5678")
    }

    @Test("no personal-data finding for a notice no longer shown")
    func personalDataAfterTheNotice() throws {
        let row = Self.revoked(["状态说明": "联系人手机13912345678"])
        let j = try Fixture(.xzcf, [row]).judge("2027-11-22")
        #expect(j.notice(penaltyKey()) == nil)
        #expect(j.findings("personal-data").isEmpty)
    }

    @Test("the code 1 means 撤销")
    func code() throws {
        #expect(try Fixture(.xzcf, [Self.revoked(["当前状态": "1"])]).judge().notice(penaltyKey()) != nil)
    }

    @Test("the status takes effect on its 状态日期: before it the record is public")
    func beforeStatusDate() throws {
        let j = try Fixture(.xzcf, [Self.revoked(["状态日期": "2026-11-26"])]).judge("2026-11-25")
        // Only the warning that the status date is after the build date.
        #expect(j.ruleIDs == ["status-date"])
        #expect(j.isPublic(penaltyKey()))
        #expect(j.publication.withdrawals.isEmpty)
    }

    @Test("a record shown before gets a 撤回 event; a ledger 撤回 gives the withdrawal date")
    func ledger() throws {
        var f = Fixture(.xzcf, [Self.revoked()])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),0123456789abcdef"]
        let j = try f.judge("2026-11-25")
        let e = try #require(j.publication.newEvents.first)
        #expect(j.publication.newEvents.count == 1)
        #expect(e.event == .withdrawn)
        #expect(e.kind == .xzcf)
        #expect(e.key == penaltyKey())
        #expect(e.digest == "0123456789abcdef")
        #expect(e.date == day("2026-11-25"))

        f.ledger?.append("2026-11-24,撤回,xzcf,\(penaltyKey()),0123456789abcdef")
        let k = try f.judge("2026-11-26")
        #expect(k.publication.newEvents.isEmpty)
        #expect(k.notice(penaltyKey())?.withdrawnOn == day("2026-11-24"))
    }

    @Test("a revoked licence's notice stays until its 有效期至; a revoked penalty past its end has no notice")
    func until() throws {
        let l = try Fixture(.xzxk, [Row.licence(["当前状态": "撤销", "状态日期": "2026-11-24", "状态说明": "以欺骗手段取得"])]).judge()
        #expect(l.notice(licenceKey())?.until == day("2031-11-19"))
        #expect(l.notice(licenceKey())?.title == "食品经营许可证")

        var old = Fixture(.xzcf, [Self.revoked(["处罚决定日期": "2025-03-10", "状态日期": "2025-04-01"])])
        old.ledger = ["2025-03-11,公示,xzcf,\(penaltyKey()),0", "2025-04-02,撤回,xzcf,\(penaltyKey()),0"]
        let j = try old.judge("2026-03-11")
        #expect(j.ruleIDs == ["revoked"])
        #expect(j.publication.withdrawals.isEmpty)
    }

    @Test("a missing 状态说明 is pointed out")
    func noReason() throws {
        let j = try Fixture(.xzcf, [Self.revoked(["状态说明": ""])]).judge()
        #expect(j.findings("revoked").first?.message.contains("未填写状态说明") == true)
    }

    @Test("the reason is scrubbed of personal data")
    func scrubbedReason() throws {
        let j = try Fixture(.xzcf, [Self.revoked(["状态说明": "经当事人（13805331234）申请复议撤销"])]).judge()
        #expect(j.notice(penaltyKey())?.reason == "经当事人（138****1234）申请复议撤销")
    }

    @Test("normal records are not revoked")
    func normal() throws {
        #expect(try Fixture(.xzcf, [Row.penalty(["当前状态": "正常"])]).judge().findings.isEmpty)
        #expect(try Fixture(.xzcf, [Row.penalty(["当前状态": "0"])]).judge().findings.isEmpty)
    }

    @Test("变更, 确认违法 and 确认无效 are withdrawals too, the notice naming which", arguments: ["变更", "确认违法", "确认无效"])
    func art48(status: String) throws {
        let j = try Fixture(.xzcf, [Self.revoked(["当前状态": status, "状态说明": "经行政诉讼判决"])]).judge("2026-11-25")
        #expect(j.ruleIDs == ["revoked"])
        #expect(j.findings.first?.message.contains(status) == true)
        let n = try #require(j.notice(penaltyKey()))
        #expect(n.action == status)
        #expect(!j.isPublic(penaltyKey()))
    }

    @Test("a withdrawal without 状态说明 or 状态日期 is missing-field; the record is still withdrawn")
    func missingReason() throws {
        let j = try Fixture(.xzcf, [Self.revoked(["状态说明": ""])]).judge("2026-11-25")
        #expect(j.ruleIDs.sorted() == ["missing-field", "revoked"])
        let f = try #require(j.findings("missing-field").first)
        #expect(f.severity == .error && f.message.contains("状态说明") && !f.withholds)
        #expect(j.notice(penaltyKey()) != nil)
        #expect(j.publication.withheld.map(\.rule) == ["revoked"])
        let noDate = try Fixture(.xzcf, [Self.revoked(["当前状态": "确认无效", "状态日期": ""])]).judge("2026-11-25")
        #expect(noDate.findings("missing-field").first?.message.contains("状态日期") == true)
        #expect(noDate.notice(penaltyKey())?.action == "确认无效")
    }
}
