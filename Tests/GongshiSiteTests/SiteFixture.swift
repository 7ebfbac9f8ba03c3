import Foundation
import GongshiContent
import GongshiModel
import GongshiRules

@testable import GongshiSite

/// A small site written to a temporary folder, read and judged as `build` does, and rendered with the
/// repository's theme into memory.
struct SiteFixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let header =
        "行政相对人名称,行政相对人类别,统一社会信用代码,工商注册号,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,处罚机关,处罚机关统一社会信用代码,失信严重程度"

    var settings = """
        title: 信用测试
        baseURL: https://xinyong.test.example/
        region: 测试区
        footer:
          sponsor: 测试区发展和改革局
          organizer: 测试区大数据中心
          contact: 电话 0533-1234567
          siteCode: "3703060001"
          icp: 鲁ICP备12345678号-1
          psb: 鲁公网安备 37030602000123号
          correction: https://zfwzzc.www.gov.cn/
          partyMarkImage: assets/dzjg.png
          partyMarkLink: https://bszs.conac.cn/sitename?method=show&id=1

        """
    var departments = """
        编码,名称,统一社会信用代码,网站
        scjgj,区市场监管局,11370306004310380L,
        hbj,区生态环境分局,113703060043118692,

        """
    /// Rows of `Content/xzcf/a.csv`, after the header.
    var penalties: [String] = []
    /// The header of `Content/xzcf/a.csv` (a test may add columns).
    var penaltyHeader = SiteFixture.header
    /// `Content/ledger.csv`, when the site has been built before.
    var ledger: [LedgerEvent] = []

    /// This site with a ledger of what a build on `date` publishes (as if it had been built that day).
    func published(on date: String) throws -> SiteFixture {
        var f = self
        f.ledger = try renderer(date: date).0.publication.newEvents
        return f
    }

    /// Renders the site on `date`; returns the files written.
    func render(date: String = "2026-11-25") throws -> MemorySink {
        let sink = MemorySink()
        try render(date: date, to: sink)
        return sink
    }

    /// Renders the site on `date` into `sink`.
    func render(date: String = "2026-11-25", to sink: any OutputSink) throws {
        let (renderer, judgement) = try self.renderer(date: date)
        _ = try renderer.render(to: sink, extras: [SearchIndexPart.part, StatisticsPart.part(judgement: judgement)])
    }

    /// The site read and judged on `date`, and a renderer of it with the repository's theme.
    func renderer(date: String = "2026-11-25") throws -> (Renderer, Judgement) {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("gongshi-site-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: dir) }
        try fm.createDirectory(atPath: dir + "/Content/xzcf", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/Content/calendar", withIntermediateDirectories: true)
        for year in ["2025", "2026"] {
            try fm.copyItem(
                atPath: SiteFixture.repo.path + "/Content/calendar/\(year).yml",
                toPath: dir + "/Content/calendar/\(year).yml")
        }
        try settings.write(toFile: dir + "/Content/site.yml", atomically: true, encoding: .utf8)
        try departments.write(toFile: dir + "/Content/departments.csv", atomically: true, encoding: .utf8)
        try ([penaltyHeader] + penalties).joined(separator: "\n").appending("\n")
            .write(toFile: dir + "/Content/xzcf/a.csv", atomically: true, encoding: .utf8)
        if !ledger.isEmpty {
            let lines = ledger.map { "\($0.date),\($0.event.rawValue),\($0.kind.rawValue),\($0.key),\($0.digest)" }
            try (["日期,事件,类型,记录键,摘要"] + lines).joined(separator: "\n").appending("\n")
                .write(toFile: dir + "/Content/ledger.csv", atomically: true, encoding: .utf8)
        }
        let site = try SiteReader.read(root: dir)
        let day = LocalDate(parsing: date)!
        let judgement = Judge.judge(site, date: day)
        let templates = try TemplateSet(theme: ThemeReader.read(root: SiteFixture.repo.path))
        let renderer = Renderer(
            publication: judgement.publication, templates: templates,
            context: SiteContext(settings: site.settings, date: day, preview: nil))
        return (renderer, judgement)
    }

    /// A penalty row of 区市场监管局 unless `authority` says otherwise.
    static func penalty(
        _ name: String, code: String, number: String, type: String = "经营超过保质期的食品",
        category: String = "罚款", amount: String = "1", date: String = "2026-11-02",
        authority: String = "区市场监管局", severity: String = "一般"
    ) -> String {
        let authorityCode = authority == "区市场监管局" ? "11370306004310380L" : "113703060043118692"
        return [
            name, "法人及非法人组织", code, "", "张三", number, type, "事实", "依据", category, category, amount, date, authority,
            authorityCode, severity,
        ]
        .joined(separator: ",")
    }
}

extension MemorySink {
    /// A written JSON file, parsed.
    func json(_ path: String) -> Any? {
        guard let t = text(path) else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(t.utf8))
    }
}
