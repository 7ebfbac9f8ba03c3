import GongshiModel
import Testing

@testable import GongshiRules

@Suite("duplicate-record")
struct DuplicateRecordTests {
    @Test("identical copies: a warning at each later copy; the first copy is published once")
    func identical() throws {
        let j = try Fixture(.xzcf, [Row.penalty(), Row.penalty(), Row.penalty()]).judge()
        let found = j.findings("duplicate-record")
        #expect(found.map(\.line) == [3, 4])
        #expect(found.allSatisfy { $0.severity == .warning && $0.key == penaltyKey() && $0.department == "scjgj" })
        #expect(found.first?.message.contains("第2行") == true)
        #expect(j.publication.records.count == 1)
        #expect(j.record(penaltyKey())?.line == 2)
        #expect(j.publication.newEvents.count == 1)
    }

    @Test("identical copies in two files: the later file in byte order holds the copy")
    func acrossFiles() throws {
        var f = Fixture()
        f.add(.xzcf, [Row.penalty()], file: "b.csv")
        f.add(.xzcf, [Row.penalty()], file: "a.csv")
        let j = try f.judge()
        let found = j.findings("duplicate-record")
        #expect(found.count == 1)
        #expect(found.first?.file == "Content/xzcf/b.csv")
        #expect(found.first?.line == 2)
        #expect(j.record(penaltyKey())?.file == "Content/xzcf/a.csv")
    }

    @Test("different content: an error at every later copy, and every copy withheld")
    func different() throws {
        let j = try Fixture(.xzcf, [Row.penalty(), Row.penalty(["罚款金额（万元）": "0.5"]), Row.penalty()]).judge()
        let found = j.findings("duplicate-record")
        #expect(found.map(\.line) == [3, 4])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(j.publication.records.isEmpty)
        #expect(j.withheld(penaltyKey()).count == 3)
        #expect(j.withheld(penaltyKey()).allSatisfy { $0.rule == "duplicate-record" })
        #expect(j.publication.newEvents.isEmpty)
    }

    @Test("a first copy on a worksheet is named with its sheet")
    func sheetNamed() {
        let schema = RecordKind.xzcf.schema
        func row(_ line: Int, amount: String) -> RecordContext {
            var values = [String](repeating: "", count: schema.fields.count)
            values[schema.index(of: .penaltyAuthority)!] = "区市场监管局"
            values[schema.index(of: .penaltyDocumentNumber)!] = "周市监罚〔2026〕1号"
            values[schema.index(of: .fineAmount)!] = amount
            let source = SourceRecord(
                kind: .xzcf, values: values, file: "Content/xzcf/a.xlsx", line: line, sheet: "处罚",
                present: [Bool](repeating: true, count: values.count))
            return RecordContext(source: source, departments: DepartmentIndex([]))
        }
        var index = DuplicateIndex()
        let rows = [row(2, amount: "1"), row(5, amount: "2")]
        for r in rows { index.add(r) }
        index.finish()
        _ = index.judge(rows[0])
        guard case .laterConflicting(let at, let statusOnly) = index.judge(rows[1]) else {
            Issue.record("not a conflicting copy")
            return
        }
        #expect(at == "Content/xzcf/a.xlsx [处罚] 第2行")
        #expect(!statusOnly)
    }

    @Test("a later export carrying the decision again with 撤销: the message says how to keep the withdrawal")
    func laterStatus() throws {
        let first = Row.penalty()
        let revoked = Row.penalty(["当前状态": "撤销", "状态日期": "2026-11-24", "状态说明": "经行政复议决定撤销"])
        let j = try Fixture(.xzcf, [first, revoked]).judge()
        let f = try #require(j.findings("duplicate-record").first)
        #expect(f.severity == .error)
        #expect(f.message.contains("只有当前状态、状态日期或状态说明不同") && f.message.contains("撤回说明"))
        #expect(!j.isPublic(penaltyKey()))
        // Any other difference is the general message.
        let other = try Fixture(.xzcf, [first, Row.penalty(["当前状态": "撤销", "罚款金额（万元）": "0.3"])]).judge()
        #expect(other.findings("duplicate-record").first?.message.contains("但内容不同") == true)
    }

    @Test("list entries: one list, one entity, one 列入日期")
    func listEntries() throws {
        let same = try Fixture(.mingdan, [Row.black(), Row.black()]).judge()
        #expect(same.findings("duplicate-record").map(\.severity) == [.warning])
        #expect(same.publication.listEntries.count == 1)
        let diff = try Fixture(.mingdan, [Row.black(), Row.black(["列入事由": "另一事由"])]).judge()
        #expect(diff.findings("duplicate-record").map(\.severity) == [.error])
        #expect(diff.publication.listEntries.isEmpty)
    }

    @Test("the key is trimmed: surrounding spaces do not make a new record")
    func trimmedKey() throws {
        let j = try Fixture(
            .xzcf, [Row.penalty(), Row.penalty(["行政处罚决定书文号": " 周市监罚〔2026〕1号 ", "处罚机关": "区市场监管局\u{3000}"])]
        ).judge()
        #expect(j.findings("duplicate-record").map(\.severity) == [.warning])
    }

    @Test("different document numbers, authorities or kinds are different records")
    func distinct() throws {
        var f = Fixture(
            .xzcf,
            [
                Row.penalty(), Row.penalty(["行政处罚决定书文号": "周市监罚〔2026〕2号"]),
                Row.penalty(["处罚机关": "区税务局", "处罚机关统一社会信用代码": Fixture.swjCode]),
            ])
        f.add(.xzxk, [Row.licence(["行政许可决定文书号": "周市监罚〔2026〕1号"])])
        f.add(.mingdan, [Row.black(), Row.black(["列入日期": "2026-11-03"]), Row.black(["名单名称": "重大税收违法失信主体"])])
        let j = try f.judge()
        #expect(j.findings("duplicate-record").isEmpty)
        #expect(j.publication.records.count == 4)
        #expect(j.publication.listEntries.count == 3)
    }
}

@Suite("duplicate-record across a department's names")
struct DuplicateAliasTests {
    static let departments = """
        编码,名称,统一社会信用代码,网站,别名
        scjgj,区市场监管局,\(Fixture.scjgjCode),,淄博市周村区市场监督管理局

        """

    @Test("one decision under the department's name and an alias: published once, the later copy named")
    func aliasCopy() throws {
        var f = Fixture(
            .xzcf, [Row.penalty(), Row.penalty(["处罚机关": "淄博市周村区市场监督管理局"])])
        f.departments = Self.departments
        let j = try f.judge()
        #expect(j.publication.records.count == 1)
        let d = try #require(j.findings("duplicate-record").first)
        #expect(d.severity == .warning && d.line == 3)
        #expect(d.message.contains("机关写作「淄博市周村区市场监督管理局」，即「区市场监管局」"))
    }

    @Test("and with another fine: both withheld, as any conflicting copies")
    func aliasConflict() throws {
        var f = Fixture(
            .xzcf, [Row.penalty(), Row.penalty(["处罚机关": "淄博市周村区市场监督管理局", "罚款金额（万元）": "9"])])
        f.departments = Self.departments
        let j = try f.judge()
        #expect(j.publication.records.isEmpty)
        #expect(j.findings("duplicate-record").first?.severity == .error)
    }

    @Test("another document number under the alias is another decision")
    func otherDecision() throws {
        var f = Fixture(
            .xzcf,
            [
                Row.penalty(),
                Row.penalty(["处罚机关": "淄博市周村区市场监督管理局", "行政处罚决定书文号": "周市监罚〔2026〕2号"]),
            ])
        f.departments = Self.departments
        let j = try f.judge()
        #expect(j.publication.records.count == 2 && j.findings("duplicate-record").isEmpty)
    }
}
