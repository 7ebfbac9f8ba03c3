import Foundation
import Testing

/// The search index in incremental builds: its buckets are taken from the live output by what they
/// are made of (SearchPlan.fingerprints), so they must follow every change of a document in them.
extension IncrementalBuildTests {
    static func searchBuckets(_ site: String) -> [String] {
        Gongshi.files(site + "/Public/sousuo/i").filter { $0.hasSuffix(".json") }.sorted().map {
            site + "/Public/sousuo/i/" + $0
        }
    }

    @Test func addedRecordsReachTheSearchIndexAsInAFullBuild() throws {
        let site = try Gongshi.site("basic")
        try Self.buildAndCompare(site, date: "2026-11-25")
        let buckets = Self.searchBuckets(site)
        #expect(buckets.count >= 16)

        // A change that no search document shows (a fine): every bucket is the previous file.
        let before = buckets.map(Self.inode)
        try Self.edit(site + "/Content/xzcf/2026-11.csv") {
            $0.replacingOccurrences(of: "罚款人民币2万元", with: "罚款人民币3万元")
        }
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Self.searchBuckets(site).map(Self.inode) == before)

        // A day's licences: a new entity, and a second licence of an entity (its summary counts two).
        try """
        行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可内容,许可决定日期,许可机关,许可机关统一社会信用代码
        周村搜索新增商贸有限公司,法人及非法人组织,91370306MA3C10025Q,赵六,食品经营许可决定书,周市监食〔2026〕77号,普通,预包装食品销售,2026-11-24,区市场监管局,11370306004000024A
        周村测试甲食品有限公司,法人及非法人组织,91370306MA3C10017X,张三,食品经营许可变更决定书,周市监食〔2026〕78号,普通,预包装食品销售,2026-11-24,区市场监管局,11370306004000024A

        """.write(toFile: site + "/Content/xzxk/2026-11-s.csv", atomically: true, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        let all = Self.searchBuckets(site).map(Gongshi.read).joined()
        #expect(all.contains("\"=周市监食〔2026〕77号\""))
        #expect(all.contains("周村搜索新增商贸有限公司"))

        // The licences withdrawn again: the index is the one it was.
        try FileManager.default.removeItem(atPath: site + "/Content/xzxk/2026-11-s.csv")
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(!Self.searchBuckets(site).map(Gongshi.read).joined().contains("周村搜索新增商贸有限公司"))
    }

    /// The plan is kept in the build cache (`search-*`) and the next build plans from it: an entity
    /// renamed, and the plan's files damaged one at a time, still give the buckets of a full build.
    @Test func thePlanInTheCacheFollowsARenameAndIsNeverTrustedDamaged() throws {
        let site = try Gongshi.site("basic")
        try Self.buildAndCompare(site, date: "2026-11-25")
        let cache = site + "/.gongshi.cache"
        let plan = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("search-") }
            .sorted()
        #expect(plan.count == 17, "\(plan)")

        for kind in ["xzcf", "xzxk"] {
            try Self.edit(site + "/Content/\(kind)/2026-11.csv") {
                $0.replacingOccurrences(of: "周村测试甲食品有限公司", with: "周村改名乙食品有限公司")
            }
        }
        try Self.buildAndCompare(site, date: "2026-11-25")
        let all = Self.searchBuckets(site).map(Gongshi.read).joined()
        #expect(all.contains("周村改名乙食品有限公司"))

        // Each file of the plan in turn: another's bytes (they are sealed alike), then a record added.
        for (n, name) in plan.enumerated() {
            let other = cache + "/" + plan[(n + 1) % plan.count]
            try FileManager.default.removeItem(atPath: cache + "/" + name)
            try FileManager.default.copyItem(atPath: other, toPath: cache + "/" + name)
            try Self.edit(site + "/Content/xzcf/2026-11.csv") {
                $0.replacingOccurrences(of: "周市监罚〔2026〕\(n == 0 ? 7 : 700 + n - 1)号", with: "周市监罚〔2026〕\(700 + n)号")
            }
            try Self.buildAndCompare(site, date: "2026-11-25")
        }
        #expect(Self.searchBuckets(site).map(Gongshi.read).joined().contains("周市监罚〔2026〕\(700 + plan.count - 1)号"))
    }
}
