import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

/// A department's export put into another kind's folder.
@Suite("A table in the wrong kind's folder")
struct WrongFolderTests {
    static let licensing =
        "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书号,许可证书名称,许可类别,许可内容,"
        + "许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码\n"
        + "甲公司,法人及非法人组织,91370303MA3C4L7Q1X,张三,周市监许〔2026〕1号,食品经营许可证,普通,预包装食品销售,"
        + "2026-11-20,2026-11-20,2031-11-19,区市场监管局,113703060040000000\n"

    @Test("a licensing export in xzcf/ is not read, and the error says where it belongs")
    func licensingInPenalties() {
        let dir = TempDir()
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(
            kind: .xzcf, path: dir.write("x.csv", Self.licensing), file: "Content/xzcf/x.csv"
        ) { records.append($0) }
        #expect(records.isEmpty)
        #expect(r.findings.map(\.rule) == ["bad-file"], "\(r.findings.map(\.message))")
        let f = r.findings[0]
        #expect(f.severity == .error && f.line == 1)
        #expect(f.message.contains("行政许可") && f.message.contains("Content/xzxk/"))
    }

    @Test("the same file in xzxk/ is read; a penalty export with a licence's column or two is too")
    func rightFolder() {
        let dir = TempDir()
        var records: [SourceRecord] = []
        let r = RecordFileReader.read(
            kind: .xzxk, path: dir.write("x.csv", Self.licensing), file: "Content/xzxk/x.csv"
        ) { records.append($0) }
        #expect(records.count == 1)
        #expect(!r.findings.contains { $0.severity == .error })
        let penalty =
            "行政相对人名称,统一社会信用代码,行政处罚决定书文号,违法事实,处罚决定日期,处罚机关,有效期至,许可机关\n"
            + "甲公司,91370303MA3C4L7Q1X,周市监罚〔2026〕1号,无证经营,2026-11-20,区市场监管局,,\n"
        var read: [SourceRecord] = []
        _ = RecordFileReader.read(kind: .xzcf, path: dir.write("p.csv", penalty), file: "Content/xzcf/p.csv") {
            read.append($0)
        }
        #expect(read.count == 1)
    }
}
