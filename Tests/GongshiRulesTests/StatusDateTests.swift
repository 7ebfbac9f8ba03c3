import GongshiModel
import Testing

@testable import GongshiRules

@Suite("status-date")
struct StatusDateTests {
    @Test("a 撤销 dated after the build date is a warning; the penalty stays public until that date")
    func futureStatus() throws {
        let row = Row.penalty([
            "处罚决定日期": "2026-11-16", "当前状态": "撤销", "状态日期": "2026-12-16", "状态说明": "复议撤销",
        ])
        let j = try Fixture(.xzcf, [row]).judge("2026-11-25")
        let f = try #require(j.findings("status-date").first)
        #expect(f.severity == .warning)
        #expect(f.line == 2)
        #expect(f.message.contains("2026-12-16") && f.message.contains("晚于构建日期"))
        #expect(j.isPublic(penaltyKey()))
        // On the status date the warning is gone and the record is withdrawn.
        let later = try Fixture(.xzcf, [row]).judge("2026-12-16")
        #expect(later.findings("status-date").isEmpty)
        #expect(!later.isPublic(penaltyKey()))
    }

    @Test("a status dated before the decision is a warning")
    func beforeDecision() throws {
        let row = Row.penalty([
            "处罚决定日期": "2026-11-02", "当前状态": "撤销", "状态日期": "2026-10-01", "状态说明": "复议撤销",
        ])
        let j = try Fixture(.xzcf, [row]).judge("2026-11-25")
        let f = try #require(j.findings("status-date").first)
        #expect(f.message.contains("早于「处罚决定日期」2026-11-02"))
    }

    @Test("a list entry ending (有效期至, 移出日期) before its 列入日期 is a warning; it was never public")
    func listEndsBeforeListed() throws {
        for field in ["有效期至", "移出日期"] {
            let j = try Fixture(.mingdan, [Row.black(["列入日期": "2026-05-01", field: "2026-04-01"])]).judge("2026-11-25")
            let f = try #require(j.findings("status-date").first, "\(field)")
            #expect(f.severity == .warning && f.message.hasPrefix("「\(field)」2026-04-01 早于「列入日期」2026-05-01"))
            #expect(j.publication.listEntries.isEmpty)
        }
    }

    @Test("no finding for a normal record, a status in the past, a repair ahead, or a list entry")
    func quiet() throws {
        var f = Fixture(.xzcf, [Row.penalty(["当前状态": "正常", "状态日期": "2026-12-16"])])
        f.add(.xzxk, [Row.licence(["当前状态": "撤销", "状态日期": "2026-11-20", "状态说明": "依申请撤销"])])
        f.add(.mingdan, [Row.black(["当前状态": "移出", "状态日期": "2026-12-20"])])
        // A repair entered ahead of the day it takes effect.
        f.add(.xzcf, [Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕9号", "当前状态": "修复", "状态日期": "2026-11-30"])])
        let j = try f.judge("2026-11-25")
        #expect(j.findings("status-date").isEmpty, "\(j.findings("status-date").map(\.message))")
    }
}
