import Foundation
import Testing

/// SPEC §8.1 page by page: inferred severity, Art.48 withdrawals, capped black-list entries, and the
/// calendars `init` gives.
@Suite("gongshi build: the law in force")
struct LawTests {
    static let header =
        "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,处罚机关,处罚机关统一社会信用代码,失信严重程度,当前状态,状态日期,状态说明\n"

    func site(_ rows: String) throws -> String {
        let site = try Gongshi.site("basic")
        try Data((Self.header + rows).utf8).write(to: URL(fileURLWithPath: site + "/Content/xzcf/law.csv"))
        return site
    }

    @Test func pagesShowInferredSeverityAndNameTheWithdrawal() throws {
        let site = try site(
            """
            周村推定严重有限公司,法人及非法人组织,91370306MA3C10017X,张三,周市监罚〔2026〕201号,无证经营,经查，当事人无证经营。,《无证无照经营查处办法》第十三条,罚款；吊销营业执照,罚款人民币5万元；吊销营业执照,5,2026-11-10,区市场监管局,11370306004000024A,,,,
            周村仅警告有限公司,法人及非法人组织,91370306MA3C10017X,张三,周市监罚〔2026〕202号,未公示信息,经查，当事人未按规定公示。,《企业信息公示暂行条例》第十八条,警告,警告,,2026-11-10,区市场监管局,11370306004000024A,,,,
            周村确认无效有限公司,法人及非法人组织,91370306MA3C10017X,张三,周市监罚〔2026〕203号,违规经营,经查，当事人违规经营。,《食品安全法》第一百二十四条,罚款,罚款人民币1万元,1,2026-11-02,区市场监管局,11370306004000024A,一般,确认无效,2026-11-20,经行政诉讼判决确认原处罚决定无效

            """)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(r.status == 0, "\(r.stderr)")
        let pub = site + "/Public"
        let pages = Gongshi.files(pub).filter { $0.hasPrefix("xzcf/scjgj-") && $0.hasSuffix("index.html") }.map {
            Gongshi.read(pub + "/" + $0)
        }
        let serious = pages.first { $0.contains("周村推定严重有限公司") }
        #expect(serious?.contains("严重（未填写或填写有误，根据处罚类别推定）") == true)
        #expect(!pages.contains { $0.contains("周村仅警告有限公司") }, "a 警告-only penalty is 轻微 and not published")
        let notice = pages.first { $0.contains("周村确认无效有限公司") }
        #expect(notice?.contains("已被确认无效") == true)
        #expect(notice?.contains("经行政诉讼判决确认原处罚决定无效") == true)
    }

    @Test func initGivesTheCalendarsFrom2004() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-init-law-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Gongshi.run(["init", dir]).status == 0)
        for year in 2004...2026 {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/Content/calendar/\(year).yml"), "\(year).yml")
        }
    }

    @Test func buildWithholdsExactlyWhatCheckSaysItWithholds() throws {
        let site = try site(
            """
            周村类别外资公司,外资,91370306MA3C10017X,张三,周市监罚〔2026〕301号,违规经营,经查。,某法第一条,罚款,罚款人民币1万元,1,2026-11-10,区市场监管局,11370306004000024A,一般,,,
            周村类别合伙,合伙,91370306MA3C10017X,张三,周市监罚〔2026〕302号,违规经营,经查。,某法第一条,罚款,罚款人民币1万元,1,2026-11-10,区市场监管局,11370306004000024A,较重,,,
            周村类别其它,其它,91370306MA3C10017X,张三,周市监罚〔2026〕303号,违规经营,经查。,某法第一条,罚款,罚款人民币1万元,1,2026-11-10,区市场监管局,11370306004000024A,2,待定,2026-11-11,
            周村编码组织公司,0 2,91370306MA3C10017X,张三,周市监罚〔2026〕304号,违规经营,经查。,某法第一条,罚款,罚款人民币1万元,1,2026-11-10,区市场监管局,11370306004000024A,3,变更,2026-11-20,

            """)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let check = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        let withholding = findings.filter { $0["withholds"] as? Bool == true }
        #expect(withholding.filter { $0["rule"] as? String == "bad-value" }.count == 3)
        let build = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(build.status == 0, "\(build.stderr)")
        let summary = build.stdout.split(separator: "\n").first { $0.hasPrefix("不予公示 ") }
        #expect(summary?.hasPrefix("不予公示 \(withholding.count) 条") == true, "\(summary ?? "")")
    }
}
