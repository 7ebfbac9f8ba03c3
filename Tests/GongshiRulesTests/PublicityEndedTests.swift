import GongshiModel
import Testing

@testable import GongshiRules

@Suite("publicity-ended")
struct PublicityEndedTests {
    /// A penalty decided 2025-03-10 and published on time, so that only the publicity period matters.
    func old(_ o: [String: String] = [:]) -> Fixture {
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2025-03-10"].merging(o) { $1 })])
        f.ledger = ["2025-03-11,公示,xzcf,\(penaltyKey()),0000000000000000"]
        return f
    }

    @Test("一般: 12 months from the decision; the end date is the last day shown")
    func ordinary() throws {
        let last = try old().judge("2026-03-10")
        #expect(last.findings.isEmpty)
        #expect(last.record(penaltyKey())?.publicityEnd == day("2026-03-10"))
        let after = try old().judge("2026-03-11")
        let f = try #require(after.findings("publicity-ended").first)
        #expect(after.ruleIDs == ["publicity-ended"])
        #expect(f.severity == .info)
        #expect(f.line == 2)
        #expect(f.key == penaltyKey())
        #expect(f.department == "scjgj")
        #expect(after.publication.records.isEmpty)
        #expect(after.publication.withheld.map(\.rule) == ["publicity-ended"])
    }

    @Test("严重: 36 months; an empty severity is 一般")
    func serious() throws {
        let j = try old(["失信严重程度": "严重"]).judge("2026-11-25")
        #expect(j.record(penaltyKey())?.publicityEnd == day("2028-03-10"))
        let d = try old(["失信严重程度": ""]).judge("2026-03-10")
        #expect(d.record(penaltyKey())?.publicityEnd == day("2026-03-10"))
        #expect(d.record(penaltyKey())?.field("失信严重程度") == "一般")
    }

    @Test("轻微 with the default 0 months is never shown, not even on its decision date")
    func minorNever() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "轻微", "处罚决定日期": "2026-11-25"])]).judge("2026-11-25")
        #expect(j.ruleIDs == ["publicity-ended"])
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.newEvents.isEmpty)
    }

    @Test("an explicit 公示截止期 wins, 轻微 included")
    func explicitMinor() throws {
        var f = Fixture(.xzcf, [Row.penalty(["失信严重程度": "轻微", "公示截止期": "2026-12-20"])])
        f.ledger = ["2026-11-23,公示,xzcf,\(penaltyKey()),0"]
        let j = try f.judge("2026-11-25")
        #expect(j.findings.isEmpty)
        #expect(j.record(penaltyKey())?.publicityEnd == day("2026-12-20"))
        #expect(try f.judge("2026-12-20").ruleIDs.isEmpty)
        #expect(try f.judge("2026-12-21").ruleIDs == ["publicity-ended"])
    }

    @Test("an explicit 公示截止期 wins over a longer severity period")
    func explicitShorter() throws {
        let f = Fixture(.xzcf, [Row.penalty(["失信严重程度": "严重", "公示截止期": "2026-11-24"])])
        #expect(try f.judge("2026-11-24").findings.isEmpty)
        #expect(try f.judge("2026-11-25").ruleIDs == ["publicity-ended"])
    }

    @Test("a 公示截止期 that is no date (a word, a placeholder, an impossible date) is published as the end in effect")
    func publishedEndInEffect() throws {
        for given in ["长期", "1900-01-01", "2027-02-30"] {
            let j = try Fixture(.xzcf, [Row.penalty(["公示截止期": given])]).judge("2026-11-25")
            let r = try #require(j.record(penaltyKey()))
            #expect(r.publicityEnd == day("2027-11-20"))
            #expect(r.value(.publicityEnd) == "2027-11-20", "\(given)")
        }
        // An empty one stays empty: the page says 公示至 all the same.
        let empty = try Fixture(.xzcf, [Row.penalty()]).judge("2026-11-25")
        #expect(try #require(empty.record(penaltyKey())).value(.publicityEnd).isEmpty)
    }

    @Test("penaltyPublicityMonths from site.yml, clamped to the month's end")
    func settings() throws {
        var f = Fixture(.xzcf, [Row.penalty(["失信严重程度": "轻微", "处罚决定日期": "2026-08-31"])])
        f.disclosure("penaltyPublicityMonths:", "  轻微: 3")
        f.ledger = ["2026-09-01,公示,xzcf,\(penaltyKey()),0000000000000000"]
        #expect(try f.judge("2026-11-25").record(penaltyKey())?.publicityEnd == day("2026-11-30"))
        #expect(try f.judge("2026-12-01").ruleIDs == ["publicity-ended"])
    }

    @Test("a licence past its 有效期至; a licence without one stays")
    func licence() throws {
        let past = try Fixture(.xzxk, [Row.licence(["有效期至": "2026-11-24"])]).judge("2026-11-25")
        #expect(past.ruleIDs == ["publicity-ended"])
        let last = try Fixture(.xzxk, [Row.licence(["有效期至": "2026-11-25"])]).judge("2026-11-25")
        #expect(last.findings.isEmpty)
        let open = try Fixture(.xzxk, [Row.licence(["有效期至": ""])]).judge("2026-11-25")
        #expect(open.findings.isEmpty)
        #expect(open.record(licenceKey())?.publicityEnd == nil)
    }

    @Test("修复 ends publication from its 状态日期", arguments: ["修复", "4", "信用修复"])
    func repaired(status: String) throws {
        // Decided 2026-08-20: repaired after the 3 months of a 一般 penalty (no early-repair).
        var f = Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-08-20", "当前状态": status, "状态日期": "2026-11-25"])])
        f.ledger = ["2026-08-21,公示,xzcf,\(penaltyKey()),0"]
        let before = try f.judge("2026-11-24")
        #expect(before.findings.isEmpty)
        #expect(before.record(penaltyKey())?.field("当前状态") == "")
        let on = try f.judge("2026-11-25")
        #expect(on.ruleIDs == ["publicity-ended"])
        #expect(on.publication.records.isEmpty)
    }

    @Test("a list entry from its 移出日期")
    func removedDate() throws {
        let f = Fixture(.mingdan, [Row.black(["移出日期": "2026-11-25"])])
        #expect(try f.judge("2026-11-24").findings.isEmpty)
        let j = try f.judge("2026-11-25")
        #expect(j.ruleIDs == ["publicity-ended"])
        #expect(j.publication.listEntries.isEmpty)
    }

    @Test("a list entry from 状态日期 when 当前状态 is 移出")
    func removedStatus() throws {
        let f = Fixture(.mingdan, [Row.black(["当前状态": "移出", "状态日期": "2026-11-25"])])
        #expect(try f.judge("2026-11-24").isPublic(listKey("失信被执行人", Fixture.companyA, "2026-11-02")))
        #expect(try f.judge("2026-11-25").ruleIDs == ["publicity-ended"])
    }

    @Test("a list entry past its 有效期至")
    func listValidity() throws {
        let f = Fixture(.mingdan, [Row.red(["有效期至": "2026-11-30"])])
        let key = listKey("纳税信用A级纳税人", Fixture.companyA, "2026-04-01")
        #expect(try f.judge("2026-11-30").entry(key)?.validUntil == day("2026-11-30"))
        #expect(try f.judge("2026-12-01").ruleIDs == ["publicity-ended"])
    }

    @Test("a record shown before and ended now gets a 撤回 event")
    func withdrawnEvent() throws {
        let j = try old().judge("2026-03-11")
        #expect(j.publication.newEvents.map(\.event) == [.withdrawn])
        #expect(j.publication.newEvents.first?.key == penaltyKey())
        #expect(j.publication.newEvents.first?.date == day("2026-03-11"))
    }

    @Test(
        "severity inferred from 处罚类别 when empty: 警告 only is 轻微 and not published", arguments: ["警告", "警告；通报批评", "通报批评"])
    func inferredMinor(kinds: String) throws {
        let j = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "", "处罚类别": kinds, "处罚内容": "警告", "罚款金额（万元）": ""])]).judge()
        #expect(j.ruleIDs == ["publicity-ended"])
        #expect(j.findings.first?.message.contains("推定") == true)
        #expect(!j.isPublic(penaltyKey()))
    }

    @Test("吊销营业执照 and the like infer 严重 (36 months); other kinds 一般; the record says it was inferred")
    func inferredSerious() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "", "处罚类别": "罚款；吊销营业执照"])]).judge()
        let r = try #require(j.record(penaltyKey()))
        #expect(r.severityInferred)
        #expect(r.field("失信严重程度") == "严重")
        #expect(r.publicityEnd == day("2029-11-20"))
        let plain = try Fixture(.xzcf, [Row.penalty(["失信严重程度": "", "处罚类别": "罚款；警告"])]).judge()
        #expect(plain.record(penaltyKey())?.field("失信严重程度") == "一般")
        #expect(plain.record(penaltyKey())?.publicityEnd == day("2027-11-20"))
        #expect(Severity.inferred(fromKinds: "责令停产停业") == .serious)
    }

    @Test("a revocation of a licence in any wording infers 严重; a suspension alone does not")
    func oldRevocationWording() {
        // The old class names a suspension too: a revocation when 处罚内容 says so.
        #expect(Severity.inferred(fromKinds: "罚款；暂扣或者吊销许可证、暂扣或者吊销执照") == .ordinary)
        #expect(
            Severity.inferred(fromKinds: "罚款；暂扣或者吊销许可证、暂扣或者吊销执照", content: "罚款2万元，吊销食品经营许可证")
                == .serious)
        // 处罚内容 repeating the class's words names no revocation.
        #expect(
            Severity.inferred(fromKinds: "暂扣或者吊销许可证、执照", content: "处罚类别：暂扣或者吊销许可证、执照（暂扣15日）")
                == .ordinary)
        #expect(Severity.inferred(fromKinds: "吊销营业执照") == .serious)
        #expect(Severity.inferred(fromKinds: "吊销许可证") == .serious)
        #expect(Severity.inferred(fromKinds: "暂扣许可证件、降低资质等级、吊销许可证件") == .serious)
        #expect(Severity.inferred(fromKinds: "暂扣许可证件") == .ordinary)
        #expect(Severity.inferred(fromKinds: "吊销生产许可证") == .serious)
        #expect(Severity.inferred(fromKinds: "吊销安全生产许可证；罚款") == .serious)
        #expect(Severity.inferred(fromKinds: "罚款；没收违法所得") == .ordinary)
    }

    @Test("a black-list entry without 有效期至 is public for 36 months from 列入日期")
    func blackListDefault() throws {
        let f = Fixture(.mingdan, [Row.black(["列入日期": "2023-11-02"])])
        #expect(try f.judge("2026-11-02").isPublic(listKey("失信被执行人", Fixture.companyA, "2023-11-02")))
        let j = try f.judge("2026-11-03")
        #expect(j.ruleIDs == ["publicity-ended"])
        #expect(j.findings.first?.message.contains("36") == true)
        // 长期 is no end: the same 36 months, and the message says what was written.
        let long = try Fixture(.mingdan, [Row.black(["列入日期": "2023-11-02", "有效期至": "长期"])]).judge("2026-11-03")
        #expect(long.findings("publicity-ended").first?.message.hasPrefix("黑名单有效期至写作「长期」，自列入日期起最长公示 36 个月") == true)
    }

    @Test(
        "a licence's 有效期至 that is an impossible date is not published; words and marks are, dates in other forms read")
    func licenceEndNoDate() throws {
        for (written, shown) in [
            ("2026-02-30", ""), ("0000-00-00", ""), ("至今", "至今"), ("/", "/"), ("长期", "长期"),
            ("2031-11-28T00:00:00+08:00", "2031-11-28"), ("20311128000000", "2031-11-28"),
            ("2031年11月28日止", "2031-11-28"),
        ] {
            let j = try Fixture(.xzxk, [Row.licence(["有效期至": written])]).judge("2026-11-25")
            let r = try #require(j.record(licenceKey()), "\(written)")
            #expect(r.field("有效期至") == shown, "\(written)")
        }
    }
}
