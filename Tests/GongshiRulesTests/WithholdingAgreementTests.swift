import Foundation
import GongshiContent
import GongshiModel
import Testing

@testable import GongshiRules

/// No silent withholding: every record `build` withholds has exactly one finding marked as the reason,
/// and `check` (which judges without keeping the publication) reports the same findings.
@Suite("build and check agree on what is withheld")
struct WithholdingAgreementTests {
    /// Every unusual value of every enumerated field, one row each.
    static let unusual: [(RecordKind, [String: String])] = {
        var rows: [(RecordKind, [String: String])] = []
        var n = 0
        func doc() -> String {
            n += 1
            return "周市监罚〔2026〕\(100 + n)号"
        }
        for v in ["外资", "合伙", "其它", "05", "0", "企业", "个体户", "法人", "非法人组织", "个人", "01", "04", "自然人", "个体工商户", " 0 2 "] {
            rows.append((.xzcf, Row.penalty(["行政相对人类别": v, "行政处罚决定书文号": doc(), "证件号码": "370303199001011234"])))
        }
        for v in ["较重", "0", "2", "4", "严重失信", "1", "3", "", "不知道"] {
            rows.append((.xzcf, Row.penalty(["失信严重程度": v, "行政处罚决定书文号": doc()])))
        }
        for v in ["待定", "5", "撤回", "变更", "确认违法", "确认无效", "修复", "其他", "2"] {
            rows.append((.xzcf, Row.penalty(["当前状态": v, "状态日期": "2026-11-23", "状态说明": "说明", "行政处罚决定书文号": doc()])))
        }
        for v in ["07", "身份证", "驾驶证", "3"] {
            rows.append((.xzcf, Row.penalty(["行政相对人类别": "自然人", "证件类型": v, "证件号码": "X1234567", "行政处罚决定书文号": doc()])))
        }
        for v in ["无", "长期", "1900-01-01", "2026-13-40", "2030-01-01", "永久"] {
            rows.append((.xzcf, Row.penalty(["公示截止期": v, "处罚有效期": v, "行政处罚决定书文号": doc()])))
        }
        var m = 0
        for v in ["特殊", "07", "01", "6", "普通"] {
            m += 1
            rows.append((.xzxk, Row.licence(["许可类别": v, "行政许可决定文书号": "周市监许〔2026〕\(m)号"])))
        }
        for v in ["长期", "1900-01-01", "2099-99-99"] {
            m += 1
            rows.append((.xzxk, Row.licence(["有效期至": v, "行政许可决定文书号": "周市监许〔2026〕\(m)号"])))
        }
        for (i, v) in ["诚信名单", "红名单", "黑名单", "灰名单"].enumerated() {
            rows.append((.mingdan, Row.black(["名单类型": v, "列入日期": "2026-10-0\(i + 1)"])))
        }
        for (i, v) in ["外资", "合伙", "自然人", "其它"].enumerated() {
            rows.append((.mingdan, Row.black(["主体类别": v, "列入日期": "2026-09-0\(i + 1)"])))
        }
        for (i, v) in ["撤销", "移出", "异议", "暂停"].enumerated() {
            rows.append((.mingdan, Row.black(["当前状态": v, "状态日期": "2026-11-03", "列入日期": "2026-08-0\(i + 1)"])))
        }
        return rows
    }()

    @Test(
        "withheld count of build equals the withholding findings of check, record by record",
        arguments: ["withhold", "mask"])
    func agree(policy: String) throws {
        var f = Fixture()
        f.disclosure("naturalPersons: \(policy)")
        var byKind: [RecordKind: [[String: String]]] = [:]
        for (k, r) in Self.unusual { byKind[k, default: []].append(r) }
        for (k, rows) in byKind { f.add(k, rows) }
        let root = try f.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = try SiteReader.read(root: root, streaming: true, inMemoryLimit: 0)
        let build = Judge.judge(site, date: day("2026-11-25"))
        let check = Judge.judge(site, date: day("2026-11-25"), keepPublication: false)
        #expect(build.findings == check.findings)
        let reasons = check.findings.filter(\.withholds)
        #expect(build.publication.withheld.count == reasons.count)
        #expect(!build.publication.withheld.isEmpty)
        for w in build.publication.withheld {
            let why = reasons.filter { $0.file == w.file && $0.line == w.line }
            #expect(why.count == 1 && why.first?.rule == w.rule, "\(w.key) withheld as \(w.rule) without its finding")
            #expect(w.isError == (why.first?.severity == .error))
        }
        // The unknown 行政相对人类别 (8), 当前状态 (待定, 5; 暂停 of a list) and 名单类型 (灰名单) values are
        // errors that name the field.
        let unread = check.findings.filter { $0.rule == "bad-value" && $0.severity == .error }
        #expect(unread.count == 12, "\(unread.map(\.message))")
        #expect(unread.allSatisfy { $0.withholds })
        #expect(unread.filter { $0.message.contains("「当前状态」") }.count == 3)
        #expect(unread.filter { $0.message.contains("「名单类型」") }.count == 1)
    }

    /// A row that cannot be read (wrong width, bad quoting) is withheld: its bad-file finding says so
    /// whether the site is read into memory (a small site) or streamed (a large one).
    @Test("unreadable rows: bad-file findings withhold, in memory and streaming", arguments: [false, true])
    func unreadRowsWithhold(streaming: Bool) throws {
        var f = Fixture(.xzcf, [Row.penalty()])
        let good = f.files["xzcf/a.csv"] ?? ""
        f.files["xzcf/a.csv"] = good + "多,了,一,列\n\"引号未闭合\n"
        let root = try f.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = try SiteReader.read(root: root, streaming: streaming, inMemoryLimit: streaming ? 0 : 1 << 30)
        let check = Judge.judge(site, date: day("2026-11-25"), keepPublication: false)
        let bad = check.findings.filter { $0.rule == "bad-file" }
        #expect(bad.count == 2, "\(bad.map(\.message))")
        #expect(bad.allSatisfy { $0.withholds && BadFile.withholdsRow($0) })
        #expect(Judge.judge(site, date: day("2026-11-25")).findings == check.findings)
    }
}
