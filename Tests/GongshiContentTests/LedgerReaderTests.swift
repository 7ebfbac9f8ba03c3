import Foundation
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
        let events = try LedgerReader.read(path: path, file: "Content/ledger.csv").events
        #expect(events.count == 4)
        #expect(
            events[0]
                == LedgerEvent(
                    date: LocalDate(year: 2026, month: 11, day: 23)!, event: .published, kind: .xzcf,
                    key: "xzcf:区市场监管局:周市监罚〔2026〕12号", digest: "0123456789abcdef"))
        #expect(events[1].event == .updated)
        #expect(events[2].event == .withdrawn)
        #expect(events[2].kind == .mingdan)
        #expect(events[2].key == "mingdan:失信被执行人:某,某公司:2026-11-02")
        #expect(events[3].digest == "")
        #expect(events[3].kind == .xzxk)
    }

    @Test("a header renamed is said to be the header, not a bad date")
    func renamedHeader() {
        let dir = TempDir()
        let path = dir.write("ledger.csv", "date,event,kind,key,digest\n2026-11-23,公示,xzcf,k,d\n")
        #expect {
            _ = try LedgerReader.read(path: path, file: "Content/ledger.csv")
        } throws: { error in
            guard let e = error as? SiteError else { return false }
            return e.line == 1 && e.message.contains("应为表头") && !e.message.contains("台账日期")
        }
    }

    @Test("the csvLine of an event reads back as the same event")
    func roundTrip() throws {
        let dir = TempDir()
        let e = LedgerEvent(
            date: LocalDate(year: 2026, month: 1, day: 2)!, event: .withdrawn, kind: .mingdan,
            key: "mingdan:名单\"甲\",乙:某公司:2026-01-01", digest: "abc")
        let path = dir.write("ledger.csv", LedgerReader.header + "\n" + e.csvLine + "\n")
        #expect(try LedgerReader.read(path: path, file: "Content/ledger.csv").events == [e])
    }

    @Test("a missing ledger is an empty history")
    func missing() throws {
        let dir = TempDir()
        let ledger = try LedgerReader.read(path: dir.file("ledger.csv"), file: "Content/ledger.csv")
        #expect(ledger.events.isEmpty)
        #expect(ledger.bytes.isEmpty)
    }

    @Test("a ledger without header is read from its first line")
    func noHeader() throws {
        let dir = TempDir()
        let path = dir.write("ledger.csv", "2026-11-23,公示,xzcf,k,d\n")
        #expect(try LedgerReader.read(path: path, file: "Content/ledger.csv").events.map(\.key) == ["k"])
    }

    @Test(
        "a bad line stops reading with its file and line",
        arguments: [
            ("2026-02-30,公示,xzcf,k1,d\n", "无效"),
            ("2026-11-23,发布,xzcf,k2,d\n", "无法识别"),
            ("2026-11-23,公示,xzsp,k3,d\n", "应为 xzxk"),
            ("2026-11-23,公示\n", "5 列"),
            ("2026-11-23,公示,xzcf,k,d,extra\n", "5 列"),
            ("2026-11-23,公示,xzcf,xzxk:区市场监管局:周市监许〔2026〕1号,d\n", "不一致"),
            ("2026-11-23,公示,xzcf,\"k\n", "引号"),
        ])
    func badLine(line: String, words: String) {
        let dir = TempDir()
        let path = dir.write("ledger.csv", LedgerReader.header + "\n2026-11-22,公示,xzcf,k0,d\n" + line)
        #expect {
            _ = try LedgerReader.read(path: path, file: "Content/ledger.csv")
        } throws: { error in
            guard let e = error as? SiteError else { return false }
            return e.file == "Content/ledger.csv" && e.line == 3 && e.message.contains(words)
        }
    }

    @Test("an invalid UTF-8 byte is reported at its line")
    func invalidByte() {
        let dir = TempDir()
        var bytes = Array((LedgerReader.header + "\n2026-11-22,公示,xzcf,k0,d\n2026-11-23,公示,xzcf,k").utf8)
        bytes += [0xFF] + Array(",d\n".utf8)
        let path = dir.write("ledger.csv", data: Data(bytes))
        #expect {
            _ = try LedgerReader.read(path: path, file: "Content/ledger.csv")
        } throws: { error in
            (error as? SiteError)?.line == 3
        }
    }

    @Test("a GB18030 ledger with CRLF is read and appended to in GB18030 with CRLF")
    func gb18030Ledger() throws {
        let dir = TempDir()
        let text = LedgerReader.header + "\r\n2026-11-22,公示,xzcf,xzcf:区市场监管局:周市监罚〔2026〕1号,d\r\n"
        let original = try #require(text.data(using: gb18030))
        let path = dir.write("ledger.csv", data: original)
        let ledger = try LedgerReader.read(path: path, file: "Content/ledger.csv")
        #expect(ledger.encoding == .gb18030)
        #expect(ledger.lineEnding == "\r\n")
        #expect(ledger.events.map(\.key) == ["xzcf:区市场监管局:周市监罚〔2026〕1号"])
        let e = LedgerEvent(
            date: LocalDate(year: 2026, month: 11, day: 25)!, event: .withdrawn, kind: .xzcf, key: "xzcf:区:罚2号",
            digest: "ab")
        let bytes = try #require(ledger.appending([e]))
        #expect(Array(bytes.prefix(original.count)) == [UInt8](original))
        #expect(String(data: Data(bytes), encoding: gb18030) == text + e.csvLine + "\r\n")
        let again = try LedgerReader.parse(bytes: bytes, file: "Content/ledger.csv")
        #expect(again.events.count == 2)
    }

    @Test("a UTF-8 ledger is appended to in UTF-8; a new one starts with the header")
    func appendUTF8() throws {
        let e = LedgerEvent(
            date: LocalDate(year: 2026, month: 11, day: 25)!, event: .published, kind: .xzxk, key: "k", digest: "d")
        let fresh = try #require(LedgerFile.empty.appending([e]))
        #expect(String(decoding: fresh, as: UTF8.self) == LedgerReader.header + "\n2026-11-25,公示,xzxk,k,d\n")
        let noFinalNewline = try LedgerReader.parse(
            bytes: Array((LedgerReader.header + "\n2026-11-24,公示,xzxk,j,d").utf8), file: "l")
        let bytes = try #require(noFinalNewline.appending([e]))
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("2026-11-24,公示,xzxk,j,d\n2026-11-25,公示,xzxk,k,d\n"))
    }

    @Test("a ledger re-saved in GB18030 with CRLF, or with a BOM, says the text Gongshi wrote and how it was saved")
    func asWritten() throws {
        let text = LedgerReader.header + "\n2026-11-20,公示,xzcf,k,d\n"
        let gb = String.Encoding(rawValue: 0x8000_0632)
        let crlf = try #require(text.replacingOccurrences(of: "\n", with: "\r\n").data(using: gb))
        let resaved = try LedgerReader.parse(bytes: [UInt8](crlf), file: "ledger.csv")
        #expect(resaved.asWritten == Array(text.utf8))
        #expect(resaved.resaving == "GB18030 编码、Windows 换行（CRLF）")
        let bom = try LedgerReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "ledger.csv")
        #expect(bom.asWritten == Array(text.utf8) && bom.resaving == "带 BOM 的 UTF-8")
        let plain = try LedgerReader.parse(bytes: Array(text.utf8), file: "ledger.csv")
        #expect(plain.asWritten == nil && plain.resaving == nil)
    }
}
