import GongshiModel
import Testing

@testable import GongshiRules

@Suite("amount-unit")
struct AmountUnitTests {
    @Test("罚款金额（万元） equal to the yuan figure of 处罚内容 warns, and the record is public")
    func triggers() throws {
        let j = try Fixture(.xzcf, [Row.penalty(["处罚内容": "罚款2000元", "罚款金额（万元）": "2000"])]).judge()
        #expect(j.findings.map(\.rule) == ["amount-unit"])
        #expect(j.findings.first?.severity == .warning)
        #expect(j.isPublic(penaltyKey()))
        let commas = try Fixture(.xzcf, [Row.penalty(["处罚内容": "罚款人民币12,000元", "罚款金额（万元）": "12000"])]).judge()
        #expect(commas.findings.map(\.rule) == ["amount-unit"])
        // 5万元 is 50 000 元: an amount of 50,000 was entered in 元.
        let tenThousands = try Fixture(.xzcf, [Row.penalty(["处罚内容": "罚款人民币5万元", "罚款金额（万元）": "50,000"])]).judge()
        #expect(tenThousands.findings.map(\.rule) == ["amount-unit"])
        #expect(tenThousands.findings.first?.message.contains("「5万元」的元数（50000 元）") == true)
    }

    @Test("an amount in 万元 raises nothing")
    func correct() throws {
        #expect(try Fixture(.xzcf, [Row.penalty(["处罚内容": "罚款2000元", "罚款金额（万元）": "0.2"])]).judge().findings.isEmpty)
        #expect(try Fixture(.xzcf, [Row.penalty(["处罚内容": "罚款2万元", "罚款金额（万元）": "2"])]).judge().findings.isEmpty)
        #expect(try Fixture(.xzcf, [Row.penalty(["处罚内容": "警告", "罚款金额（万元）": ""])]).judge().findings.isEmpty)
    }

    @Test("a plain 处罚内容 gives the figures the reading character by character gives")
    func plainSameAsCharacters() {
        for text in [
            "罚款2000元", "罚款人民币12,000元，没收违法所得300元", "罚款1万元", "警告", "罚款 2,000.5 元", "罚款2000元\r\n罚款300元",
            "罚款３００元", "没收300元", "罚款1，500元整", "罚款", "罚款2000", "罚款5万元", "罚款1.5万元整", "罚款5万",
        ] {
            #expect(AmountUnit.yuanFigures(in: text) == AmountUnit.characterYuanFigures(in: text), "\(text)")
        }
    }
}
