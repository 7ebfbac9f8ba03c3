import GongshiModel
import Testing

@testable import GongshiRules

@Suite("early-repair")
struct EarlyRepairTests {
    @Test("修复 before decision + 3 months (一般) warns; publication still ends on 状态日期")
    func ordinary() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-09-01", "当前状态": "修复", "状态日期": "2026-10-15"])]).judge()
        #expect(j.findings.map(\.rule).sorted() == ["early-repair", "publicity-ended"])
        #expect(j.findings("early-repair").first?.message.contains("2026-12-01") == true)
        #expect(!j.isPublic(penaltyKey()))
    }

    @Test("严重 needs 12 months")
    func serious() throws {
        let j = try Fixture(
            .xzcf, [Row.penalty(["失信严重程度": "严重", "处罚决定日期": "2026-01-05", "当前状态": "修复", "状态日期": "2026-11-02"])]
        ).judge()
        #expect(j.findings("early-repair").count == 1)
    }

    @Test("repair after the minimum raises no warning")
    func inTime() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚决定日期": "2026-03-02", "当前状态": "修复", "状态日期": "2026-06-02"])]).judge()
        #expect(j.findings.map(\.rule) == ["publicity-ended"])
    }
}
