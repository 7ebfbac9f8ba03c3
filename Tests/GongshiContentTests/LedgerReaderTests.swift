import GongshiModel
import Testing
@testable import GongshiContent

@Suite("LedgerReader")
struct LedgerReaderTests {
    @Test("reads events after the header; quoted keys; optional digest")
    func events() throws {
        let dir = TempDir()
        let text = """
        日期,事件,类型,记录键,摘要
        2026-11-23,公示,xzcf,xzcf:区市场监管局:周市监罚〔2026〕12号,0123456789abcdef
        2026-11-24,更新,xzcf,xzcf:区市场监管局:周市监罚〔2026〕12号,fedcba9876543210
        2026-11-25,撤回,mingdan,"mingdan:失信被执行人:某,某公司:2026-11-02",aaaa
        2026-11-26,公示,xzxk,xzxk:区市场监管局:周市监许〔2026〕1号

        """
        let path = dir.write("ledger.csv", text)
        let (events, findings) = LedgerReader.read(path: path, file: "Content/ledger.csv")
        #expect(findings.isEmpty)
        #expect(events.count == 4)
        #expect(events[0] == LedgerEvent(date: LocalDate(year: 2026, month: 11, day: 23)!, event: .published, kind: .xzcf,
                                         key: "xzcf:区市场监管局:周市监罚〔2026〕12号", digest: "0123456789abcdef"))
        #expect(events[1].event == .updated)
        #expect(events[2].event == .withdrawn)
        #expect(events[2].kind == .mingdan)
        #expect(events[2].key == "mingdan:失信被执行人:某,某公司:2026-11-02")
        #expect(events[3].digest == "")
        #expect(events[3].kind == .xzxk)
    }

    @Test("the csvLine of an event reads back as the same event")
    func roundTrip() throws {
        let dir = TempDir()
        let e = LedgerEvent(date: LocalDate(year: 2026, month: 1, day: 2)!, event: .withdrawn, kind: .mingdan,
                            key: "mingdan:名单\"甲\",乙:某公司:2026-01-01", digest: "abc")
        let path = dir.write("ledger.csv", LedgerReader.header + "\n" + e.csvLine + "\n")
        let (events, findings) = LedgerReader.read(path: path, file: "Content/ledger.csv")
        #expect(findings.isEmpty)
        #expect(events == [e])
    }

    @Test("a missing ledger is an empty history")
    func missing() {
        let dir = TempDir()
        let (events, findings) = LedgerReader.read(path: dir.file("ledger.csv"), file: "Content/ledger.csv")
        #expect(events.isEmpty)
        #expect(findings.isEmpty)
    }

    @Test("a ledger without header is read from its first line")
    func noHeader() {
        let dir = TempDir()
        let path = dir.write("ledger.csv", "2026-11-23,公示,xzcf,k,d\n")
        let (events, findings) = LedgerReader.read(path: path, file: "Content/ledger.csv")
        #expect(findings.isEmpty)
        #expect(events.map(\.key) == ["k"])
    }

    @Test("bad lines are bad-file at their line and skipped")
    func badLines() {
        let dir = TempDir()
        let text = LedgerReader.header + "\n"
            + "2026-02-30,公示,xzcf,k1,d\n"   // 2: bad date
            + "2026-11-23,发布,xzcf,k2,d\n"   // 3: bad event
            + "2026-11-23,公示,xzsp,k3,d\n"   // 4: bad kind
            + "2026-11-23,公示\n"             // 5: too few columns
            + "2026-11-23,公示,xzcf,k4,d\n"   // 6: fine
        let path = dir.write("ledger.csv", text)
        let (events, findings) = LedgerReader.read(path: path, file: "Content/ledger.csv")
        #expect(events.map(\.key) == ["k4"])
        #expect(findings.map(\.line) == [2, 3, 4, 5])
        #expect(findings.allSatisfy { $0.rule == "bad-file" && $0.file == "Content/ledger.csv" })
    }
}
