import Foundation
import GongshiModel
import Testing

@testable import GongshiBuild

/// Cache files written without a second copy in memory must be the files the plain way writes.
@Suite("Cache writing")
struct CacheWritingTests {
    @Test func theSizeReservedForFindingsIsTheSizeWritten() {
        var withheld = Finding(
            rule: "natural-person-withheld", severity: .info, file: "Content/xzcf/二〇二六.csv", line: 12, sheet: "表1",
            key: "xzcf:区市场监管局:周市监罚〔2026〕12号", department: "scjgj", message: "自然人的行政处罚不予公示")
        withheld.withholds = true
        withheld.entity = "张*明"
        for list in [
            [], [withheld],
            Array(repeating: withheld, count: 3) + [
                Finding(rule: "r", severity: .error, file: "", line: 0, message: "")
            ],
        ] {
            var w = ByteWriter()
            w.findings(list)
            #expect(w.bytes.count == ByteWriter.size(of: list))
        }
    }

    @Test func aSealedWriteIsTheBodyAndItsSeal() throws {
        let fm = FileManager.default
        let site = fm.temporaryDirectory.appendingPathComponent("gongshi-seal-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: site) }
        try fm.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        let cache = try #require(BuildCache(site: site))
        let body = Array("gongshi-test 1\n".utf8) + (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        cache.writeSealed("a.bin", body)
        cache.write("b.bin", BuildCache.sealed(body))
        #expect(cache.read("a.bin") == BuildCache.sealed(body))
        #expect(cache.read("a.bin") == cache.read("b.bin"))
    }

    @Test func theLedgerMarkReadInChunksIsTheMarkOfItsBytes() throws {
        let fm = FileManager.default
        let site = fm.temporaryDirectory.appendingPathComponent("gongshi-mark-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: site) }
        try fm.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        #expect(LedgerStore.mark(site: site) == LedgerStore.mark([]))
        let text = Array(
            ("日期,事件,类型,记录键,摘要\n" + String(repeating: "2026-11-25,公示,xzxk,xzxk:某局:1号,ab\n", count: 80_000)).utf8)
        try Data(text).write(to: URL(fileURLWithPath: LedgerStore.path(site: site)))
        #expect(LedgerStore.mark(site: site) == LedgerStore.mark(text))
    }
}
