import Foundation
import Testing

@testable import GongshiSite

@Suite("Listing filter shards")
struct FilterShardTests {
    static let rows = [
        SiteFixture.penalty(
            "淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号",
            category: "罚款；没收违法所得", amount: "0.5", date: "2026-11-02"),
        SiteFixture.penalty(
            "淄博周村腾威货运有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号",
            category: "警告", amount: "", date: "2026-10-12"),
        SiteFixture.penalty(
            "淄博周村峰荣建筑安装有限公司", code: "91370306178951671P", number: "周环罚〔2026〕3号",
            type: "超标排放大气污染物", category: "罚款", amount: "30", date: "2026-11-05",
            authority: "区生态环境分局", severity: "严重"),
    ]

    /// The rows filter.js shows for a filter, read from the index and the shards it names.
    static func filtered(
        _ sink: MemorySink, dept: String = "", category: String = "", severity: String = "", month: String = ""
    ) -> Set<String> {
        guard let index = sink.json("xzcf/shaixuan/index.json") as? [String: Any],
            let departments = index["departments"] as? [[String]], let categories = index["categories"] as? [String],
            let severities = index["severities"] as? [String], let combos = index["combos"] as? [[Any]],
            let shards = index["shards"] as? [[Any]]
        else { return [] }
        let ok = combos.map { c -> Bool in
            let cats = (c[0] as? [Int] ?? []).map { categories[$0] }
            let sev = c[1] as? Int ?? -1
            return (category.isEmpty || cats.contains(category))
                && (severity.isEmpty || (sev >= 0 && severities[sev] == severity))
        }
        var names = Set<String>()
        for s in shards {
            guard let d = s[0] as? Int, let m = s[1] as? String else { continue }
            let code = departments[d][0]
            if (!dept.isEmpty && code != dept) || (!month.isEmpty && m != month) { continue }
            let rows = sink.json("xzcf/shaixuan/\(code)/\(m).json") as? [[Any]] ?? []
            // The index's count is what the page announces before fetching: it must match the rows.
            let counted = (s[2] as? [[Int]] ?? []).filter { ok[$0[0]] }.reduce(0) { $0 + $1[1] }
            let matching = rows.filter { ok[$0[7] as? Int ?? -1] }
            #expect(counted == matching.count)
            for r in matching { names.insert(r[1] as? String ?? "") }
        }
        return names
    }

    @Test func filtersGiveTheRecordsOfEachFacet() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let sink = try f.render()
        #expect(Self.filtered(sink).count == 3)
        #expect(Self.filtered(sink, dept: "hbj") == ["淄博周村峰荣建筑安装有限公司"])
        #expect(Self.filtered(sink, category: "罚款") == ["淄博成创食品有限公司", "淄博周村峰荣建筑安装有限公司"])
        #expect(Self.filtered(sink, category: "没收违法所得") == ["淄博成创食品有限公司"])
        #expect(Self.filtered(sink, severity: "严重") == ["淄博周村峰荣建筑安装有限公司"])
        #expect(Self.filtered(sink, month: "2026-10") == ["淄博周村腾威货运有限公司"])
        #expect(Self.filtered(sink, dept: "scjgj", category: "罚款", month: "2026-11") == ["淄博成创食品有限公司"])
        #expect(Self.filtered(sink, dept: "hbj", category: "警告").isEmpty)
    }

    @Test func shardsHoldOneDepartmentAndOneMonth() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let sink = try f.render()
        let shardFiles = sink.paths.filter { $0.hasPrefix("xzcf/shaixuan/") && $0 != "xzcf/shaixuan/index.json" }
        #expect(
            Set(shardFiles) == [
                "xzcf/shaixuan/scjgj/2026-11.json", "xzcf/shaixuan/scjgj/2026-10.json",
                "xzcf/shaixuan/hbj/2026-11.json",
            ])
        // Licences have their own index, with no severity.
        let licences = sink.json("xzxk/shaixuan/index.json") as? [String: Any]
        #expect((licences?["severities"] as? [String])?.isEmpty == true)
    }

    @Test func listingsCarryTheFilterOnlyAsAnEnhancement() throws {
        var f = SiteFixture()
        f.penalties = Self.rows
        let sink = try f.render()
        let page = sink.text("xzcf/index.html") ?? ""
        // Hidden until the script has its index; the plain listing is there without script.
        #expect(page.contains("<div id=\"filter-app\" class=\"filter-app\" hidden"))
        #expect(page.contains("<div id=\"listing-static\">"))
        #expect(page.contains("role=\"status\" aria-live=\"polite\""))
        #expect(page.contains("<label for=\"f-cat\">处罚类别</label>"))
        // Rows show the code and the date the listing is ordered by.
        #expect(page.contains("<span class=\"doc-no code\">913703061912261243</span>"))
        #expect(page.contains("<td class=\"c-published nowrap\">2026-11-25</td>"))
        let dept = sink.text("bumen/hbj/index.html") ?? ""
        #expect(dept.contains("data-department=\"hbj\""))
        #expect(dept.contains("xzxk/shaixuan/ ../../xzcf/shaixuan/"))
    }

    @Test func categoriesSplitOnChineseSeparators() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty(
                "淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号",
                category: "罚款、没收违法所得；罚款")
        ]
        let sink = try f.render()
        let index = sink.json("xzcf/shaixuan/index.json") as? [String: Any]
        #expect(index?["categories"] as? [String] == ["没收违法所得", "罚款"])
    }
}
