import Foundation
import Testing

/// The listing filters' data (`xzxk/shaixuan/`, `xzcf/shaixuan/`) of the demo site give the same records
/// as the open data filtered independently, for every department, category, severity and month.
@Suite("listing filters against the open data")
struct ListingFilterTests {
    /// The demo site built once into a temporary folder.
    static let built: String? = {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gongshi-e2e-filters-\(UUID().uuidString)"
        ).path
        guard
            let r = try? Gongshi.run([
                "build", "--site", Gongshi.repo.path, "--out", out, "--date", "2026-11-25", "--no-ledger", "--quiet",
            ]),
            r.status == 0
        else { return nil }
        return out
    }()

    static func json(_ path: String) -> Any? {
        FileManager.default.contents(atPath: path).flatMap { try? JSONSerialization.jsonObject(with: $0) }
    }

    /// A record of the open data, reduced to what the filters look at.
    struct Row: Hashable {
        let page: String
        let department: String
        let categories: Set<String>
        let severity: String
        let month: String
    }

    static func openData(_ out: String, kind: String) -> [Row] {
        let rows = json(out + "/data/\(kind).json") as? [[String: Any]] ?? []
        let isPenalty = kind == "xzcf"
        return rows.map { r in
            func s(_ k: String) -> String { (r[k] as? String ?? "").trimmingCharacters(in: .whitespaces) }
            let cats = s(isPenalty ? "处罚类别" : "许可类别").split(whereSeparator: { "；;、，,/".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var sev = isPenalty ? s("失信严重程度") : ""
            if isPenalty && sev.isEmpty { sev = "未注明" }
            let url = s("页面")
            let page =
                url.range(of: "://").flatMap { r in
                    url[r.upperBound...].firstIndex(of: "/").map { String(url[url.index(after: $0)...]) }
                } ?? url
            // The department's 编码 from the record's URL (`xzcf/<编码>-<hash>/`): independent of how the
            // authority is written in the data (a department may have aliases).
            let id = page.split(separator: "/").dropFirst().first ?? ""
            let department = id.split(separator: "-").dropLast().joined(separator: "-")
            return Row(
                page: page, department: department, categories: Set(cats.isEmpty ? ["未注明"] : cats),
                severity: sev, month: String(s(isPenalty ? "处罚决定日期" : "许可决定日期").prefix(7)))
        }
    }

    /// What the shards give for a filter: pages of the matching records.
    static func shards(_ out: String, kind: String, dept: String?, category: String?, severity: String?, month: String?)
        -> Set<String>
    {
        let base = out + "/\(kind)/shaixuan/"
        guard let index = json(base + "index.json") as? [String: Any],
            let departments = index["departments"] as? [[String]],
            let categories = index["categories"] as? [String], let severities = index["severities"] as? [String],
            let combos = index["combos"] as? [[Any]], let shards = index["shards"] as? [[Any]]
        else { return [] }
        let ok = combos.map { c -> Bool in
            let cats = (c[0] as? [Int] ?? []).map { categories[$0] }
            let sev = c[1] as? Int ?? -1
            return (category.map { cats.contains($0) } ?? true)
                && (severity.map { sev >= 0 && severities[sev] == $0 } ?? true)
        }
        var pages = Set<String>()
        for s in shards {
            guard let d = s[0] as? Int, let m = s[1] as? String else { continue }
            if let dept, departments[d][0] != dept { continue }
            if let month, m != month { continue }
            for r in json(base + "\(departments[d][0])/\(m).json") as? [[Any]] ?? [] where ok[r[7] as? Int ?? -1] {
                pages.insert("\(kind)/\(r[0] as? String ?? "")/")
            }
        }
        return pages
    }

    @Test(arguments: ["xzcf", "xzxk"])
    func everyFacetGivesTheRowsOfTheOpenData(kind: String) throws {
        let out = try #require(Self.built, "the demo site did not build")
        let rows = Self.openData(out, kind: kind)
        #expect(rows.count > 10)
        func check(dept: String? = nil, category: String? = nil, severity: String? = nil, month: String? = nil) {
            let expected = Set(
                rows.filter { r in
                    (dept.map { r.department == $0 } ?? true) && (category.map { r.categories.contains($0) } ?? true)
                        && (severity.map { r.severity == $0 } ?? true) && (month.map { r.month == $0 } ?? true)
                }.map(\.page))
            let got = Self.shards(out, kind: kind, dept: dept, category: category, severity: severity, month: month)
            #expect(got == expected, "\(kind) \(dept ?? "") \(category ?? "") \(severity ?? "") \(month ?? "")")
        }
        check()
        let depts = Set(rows.map(\.department))
        let cats = Set(rows.flatMap(\.categories))
        let sevs = Set(rows.map(\.severity)).subtracting([""])
        let months = Set(rows.map(\.month))
        for d in depts { check(dept: d) }
        for c in cats { check(category: c) }
        for s in sevs { check(severity: s) }
        for m in months { check(month: m) }
        // Combinations, as a journalist narrows down.
        for d in depts { for c in cats { check(dept: d, category: c) } }
        for c in cats { for s in sevs { check(category: c, severity: s) } }
        if let m = months.max() { for d in depts { check(dept: d, month: m) } }
    }

    @Test func oneFilterDownloadsASmallPartOfTheData() throws {
        let out = try #require(Self.built, "the demo site did not build")
        let all = (try FileManager.default.attributesOfItem(atPath: out + "/data/xzcf.json")[.size] as? Int) ?? 0
        let files = Gongshi.files(out + "/xzcf/shaixuan").filter { $0 != "index.json" }
        let largest =
            files.compactMap {
                try? FileManager.default.attributesOfItem(atPath: out + "/xzcf/shaixuan/" + $0)[.size] as? Int
            }.max() ?? 0
        #expect(files.count > 10)
        #expect(largest * 5 < all, "a shard of \(largest) bytes against \(all) bytes of open data")
    }
}
