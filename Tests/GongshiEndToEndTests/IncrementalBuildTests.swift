import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Incremental builds (the build cache `.gongshi.cache/`): after every kind of edit the output and the
/// ledger are byte-identical to those of a build from scratch (`--no-cache`) of the same input and
/// date, and unchanged pages are taken from the live site, not written again.
@Suite("incremental builds", .serialized)
struct IncrementalBuildTests {
    /// A copy of the site's `Content/` and `Templates/` as they are now (no output, no cache).
    static func twin(of site: String) throws -> String {
        let fm = FileManager.default
        let dir = site + "-twin-\(UUID().uuidString)"
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try fm.copyItem(atPath: site + "/Content", toPath: dir + "/Content")
        try fm.copyItem(atPath: site + "/Templates", toPath: dir + "/Templates")
        return dir
    }

    /// Every file of `a` and `b` (dot files too) the same, byte for byte (`diff -r`).
    static func expectIdentical(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fa = Gongshi.files(a)
        let fb = Gongshi.files(b)
        #expect(!fa.isEmpty, "no files in \(a)", sourceLocation: sourceLocation)
        #expect(
            fa == fb, "only in one: \(Set(fa).symmetricDifference(fb).sorted().prefix(10))",
            sourceLocation: sourceLocation)
        var differing: [String] = []
        for f in Set(fa).intersection(fb).sorted()
        where FileManager.default.contents(atPath: a + "/" + f) != FileManager.default.contents(atPath: b + "/" + f) {
            differing.append(f)
        }
        #expect(differing.isEmpty, "differ: \(differing.prefix(10))", sourceLocation: sourceLocation)
    }

    /// Builds `site` incrementally (its ledger written) and a twin of it from scratch; both must agree.
    static func buildAndCompare(
        _ site: String, date: String, extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let twin = try twin(of: site)
        defer { try? FileManager.default.removeItem(atPath: twin) }
        let r = try Gongshi.run(["build", "--site", site, "--date", date, "--quiet"] + extra)
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        let full = try Gongshi.run(["build", "--site", twin, "--date", date, "--quiet", "--no-cache"] + extra)
        #expect(full.status == r.status, "\(full.stderr)", sourceLocation: sourceLocation)
        expectIdentical(site + "/Public", twin + "/Public", sourceLocation: sourceLocation)
        expectIdentical(site + "/Content", twin + "/Content", sourceLocation: sourceLocation)
    }

    static func inode(_ path: String) -> UInt64 {
        var st = stat()
        return lstat(path, &st) == 0 ? UInt64(st.st_ino) : 0
    }

    /// The record pages of a section (`xzxk`), as `Public/` paths.
    static func recordPages(_ site: String, _ section: String) -> [String] {
        Gongshi.files(site + "/Public/" + section).filter {
            $0.hasSuffix("/index.html") && !$0.hasPrefix("page/") && $0.split(separator: "/").count == 2
        }.map { site + "/Public/" + section + "/" + $0 }
    }

    static func edit(_ path: String, _ change: (String) -> String) throws {
        try change(Gongshi.read(path)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aSequenceOfEditsGivesTheSameSiteAsFullBuilds() throws {
        let site = try Gongshi.site("basic")
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(FileManager.default.fileExists(atPath: site + "/.gongshi.cache"))

        // Nothing changed: every page is the very file of the previous build (not written again).
        let pages = Self.recordPages(site, "xzcf") + Self.recordPages(site, "xzxk")
        #expect(pages.count >= 4)
        let before = pages.map(Self.inode)
        let home = Self.inode(site + "/Public/index.html")
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(pages.map(Self.inode) == before)
        #expect(Self.inode(site + "/Public/index.html") == home)

        // Again (the ledger no longer changes): the live output is kept as it is, and stays whole.
        let folder = Self.inode(site + "/Public")
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(pages.map(Self.inode) == before)
        #expect(Self.inode(site + "/Public") == folder, "the output folder was replaced")
        try FileManager.default.removeItem(atPath: pages[0])
        try "stray".write(toFile: site + "/Public/stray.html", atomically: true, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(FileManager.default.fileExists(atPath: pages[0]))
        #expect(!FileManager.default.fileExists(atPath: site + "/Public/stray.html"))
        try Self.edit(site + "/Content/baogao/2026-11-25.md") { $0 + "edited\n" }
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(!Gongshi.read(site + "/Content/baogao/2026-11-25.md").hasSuffix("edited\n"))

        // A row changed: its page is made again, the others are kept.
        let xzcf = site + "/Content/xzcf/2026-11.csv"
        try Self.edit(xzcf) { $0.replacingOccurrences(of: "罚款人民币2万元", with: "罚款人民币3万元") }
        try Self.buildAndCompare(site, date: "2026-11-25")
        let changed = Self.recordPages(site, "xzcf").filter { Gongshi.read($0).contains("罚款人民币3万元") }
        #expect(changed.count == 1)
        #expect(changed.allSatisfy { !before.contains(Self.inode($0)) })
        let licences = Self.recordPages(site, "xzxk").filter { $0 != pages[0] }
        #expect(licences.contains { before.contains(Self.inode($0)) }, "no licence page was kept")

        // A file added.
        try """
        行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可内容,许可决定日期,许可机关,许可机关统一社会信用代码
        周村测试新增商贸有限公司,法人及非法人组织,91370306MA3C10025Q,赵六,食品经营许可决定书,周市监食〔2026〕99号,普通,预包装食品销售,2026-11-24,区市场监管局,11370306004000024A

        """.write(toFile: site + "/Content/xzxk/2026-11-b.csv", atomically: true, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Gongshi.read(site + "/Public/xzxk/index.html").contains("周村测试新增商贸有限公司"))

        // A template changed: every record page shows it.
        try Self.edit(site + "/Templates/record.mustache") { $0 + "\n<p class=\"muted\">模板已修改</p>\n" }
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Self.recordPages(site, "xzxk").filter { Gongshi.read($0).contains("模板已修改") }.count >= 2)

        // A department renamed.
        try Self.edit(site + "/Content/departments.csv") { $0.replacingOccurrences(of: "区税务局", with: "区税务分局") }
        try Self.buildAndCompare(site, date: "2026-11-25")

        // The date moves: past the deadlines of the unpublished records, then past a penalty's publicity end.
        // Record and entity pages do not say the build date: those of unchanged records are kept.
        let kept = Self.recordPages(site, "xzcf") + Self.recordPages(site, "xzxk")
        let keptInodes = kept.map(Self.inode)
        let entities = Gongshi.files(site + "/Public/zhuti").filter { $0.hasSuffix("/index.html") }
            .map { site + "/Public/zhuti/" + $0 }
        #expect(!entities.isEmpty)
        let entityInodes = entities.map(Self.inode)
        try Self.buildAndCompare(site, date: "2026-11-26")
        #expect(zip(kept, keptInodes).filter { Self.inode($0.0) == $0.1 }.count >= kept.count - 1)
        #expect(zip(entities, entityInodes).contains { Self.inode($0.0) == $0.1 }, "no entity page was kept")
        #expect(Gongshi.read(site + "/Public/xzcf/index.html").contains("数据截至 2026年11月26日"))
        #expect(!Gongshi.read(kept[0]).contains("数据截至"))
        try Self.buildAndCompare(site, date: "2026-11-27")
        try Self.buildAndCompare(site, date: "2027-11-10")
        try Self.buildAndCompare(site, date: "2027-11-10", extra: ["--base-url", "https://other.example/xy/"])
    }

    /// Record, entity, listing, department pages, entity feeds and open data are taken by fingerprints
    /// of what they are made of, without their contexts (KeyedPages.swift): edits of each such input.
    /// The demo adopts an earlier portal: two companies' only records were published by it, so their
    /// feeds announce nothing and say the build date, a day later too.
    @Test func feedsOfAnEntityKnownOnlyFromThePreviousSystemFollowTheDate() throws {
        let site = try SignalTests.demoSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try Self.buildAndCompare(site, date: "2026-12-01")
        try Self.buildAndCompare(site, date: "2026-12-02")
    }

    /// A withdrawal notice says its own dates, not the build date: the next day's build takes its page
    /// from the live output, as it takes a record's.
    @Test func withdrawalNoticesAreKeptTheNextDay() throws {
        let site = try SignalTests.demoSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try Self.buildAndCompare(site, date: "2026-12-01")
        let notices = (Self.recordPages(site, "xzxk") + Self.recordPages(site, "xzcf"))
            .filter { Gongshi.read($0).contains("<h1>撤回说明</h1>") }
        #expect(notices.count >= 2)
        #expect(notices.allSatisfy { !Gongshi.read($0).contains("数据截至") })
        let before = notices.map(Self.inode)
        try Self.buildAndCompare(site, date: "2026-12-02")
        #expect(notices.map(Self.inode) == before)
    }

    @Test func editsOfWhatKeyedPagesAreMadeOfReachThem() throws {
        let site = try Gongshi.site("basic")
        try Self.buildAndCompare(site, date: "2026-11-25")
        // A second licence of an entity that has one: its entity page and feeds change, and its new page
        // goes first in the listing, shifting the others.
        try """
        行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可内容,许可决定日期,许可机关,许可机关统一社会信用代码
        周村测试甲食品有限公司,法人及非法人组织,91370306MA3C10017X,张三,食品经营许可变更决定书,周市监食〔2026〕8号,普通,预包装食品销售,2026-11-24,区市场监管局,11370306004000024A

        """.write(toFile: site + "/Content/xzxk/2026-11-c.csv", atomically: true, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Gongshi.read(site + "/Public/zhuti/91370306MA3C10017X/index.html").contains("周市监食〔2026〕8号"))
        #expect(Gongshi.read(site + "/Public/zhuti/91370306MA3C10017X/atom.xml").contains("周市监食〔2026〕8号"))
        // A list entry's reason.
        try Self.edit(site + "/Content/mingdan/lists.csv") {
            $0.replacingOccurrences(of: "2025年度纳税信用A级", with: "2025年度纳税信用A级（复评）")
        }
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Gongshi.read(site + "/Public/zhuti/91370306MA3C10017X/index.html").contains("（复评）"))
        // A standing page (every footer links it), the footer's settings, the page size.
        try "---\ntitle: 联系我们\nslug: lianxi\n---\n\n电话。\n".write(
            toFile: site + "/Content/pages/lianxi.md", atomically: true, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        try Self.edit(site + "/Content/site.yml") { $0.replacingOccurrences(of: "3703069999", with: "3703068888") }
        try Self.buildAndCompare(site, date: "2026-11-25")
        try Self.edit(site + "/Content/site.yml") { $0 + "pagination: 1\n" }
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(FileManager.default.fileExists(atPath: site + "/Public/xzxk/page/2/index.html"))
        // The licence removed again: the entity page and the listing go back.
        try FileManager.default.removeItem(atPath: site + "/Content/xzxk/2026-11-c.csv")
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(!Gongshi.read(site + "/Public/zhuti/91370306MA3C10017X/index.html").contains("周市监食〔2026〕8号"))
    }

    /// Open data of many rows is made in pieces, and an incremental build copies the pieces of
    /// unchanged rows from the live files (OpenData.swift): after new, edited and removed rows the
    /// CSV, JSON and workbook are those of a build from scratch.
    @Test func openDataInPiecesAfterNewEditedAndRemovedRows() throws {
        let site = try Gongshi.site("basic")
        let header =
            "行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可内容,许可决定日期,许可机关,许可机关统一社会信用代码"
        func licences(_ numbers: Range<Int>, decided: String) -> String {
            ([header]
                + numbers.map {
                    "周村测试第\($0)商贸有限公司,法人及非法人组织,91370306MA3C10025Q,赵六,食品经营许可决定书,周市监食〔2026〕\($0)号,"
                        + "普通,预包装食品销售（第\($0)项）,\(decided),区市场监管局,11370306004000024A"
                }).joined(separator: "\n") + "\n"
        }
        let many = site + "/Content/xzxk/2026-11-many.csv"
        try licences(1000..<1500, decided: "2026-11-10").write(toFile: many, atomically: true, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        let cache = try FileManager.default.contentsOfDirectory(atPath: site + "/.gongshi.cache")
        #expect(cache.contains { $0.hasPrefix("opendata-xzxk-") }, "\(cache)")

        let day = site + "/Content/xzxk/2026-11-day.csv"
        try licences(2000..<2060, decided: "2026-11-24").write(toFile: day, atomically: true, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Gongshi.read(site + "/Public/data/xzxk.csv").contains("周市监食〔2026〕2059号"))
        try Self.edit(many) { $0.replacingOccurrences(of: "（第1250项）", with: "（第1250项，已变更）") }
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Gongshi.read(site + "/Public/data/xzxk.json").contains("已变更"))
        try FileManager.default.removeItem(atPath: day)
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(!Gongshi.read(site + "/Public/data/xzxk.csv").contains("周市监食〔2026〕2059号"))
        try Self.buildAndCompare(site, date: "2026-11-25", extra: ["--base-url", "https://other.example/xy/"])
    }

    @Test func aDamagedOrForeignCacheIsNeverTrusted() throws {
        let site = try Gongshi.site("basic")
        try Self.buildAndCompare(site, date: "2026-11-25")
        let cache = site + "/.gongshi.cache"
        let names = try FileManager.default.contentsOfDirectory(atPath: cache).sorted()
        #expect(names.contains { $0.hasPrefix("output-") } && names.contains { $0.hasPrefix("rows-") })

        // Every entry truncated; then every entry with one byte changed; then entries swapped around.
        for damage in ["truncate", "flip", "swap"] {
            // Files only: the spare (a folder) has a test of its own.
            let names = try FileManager.default.contentsOfDirectory(atPath: cache).sorted().filter { n in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: cache + "/" + n, isDirectory: &isFolder)
                    && !isFolder.boolValue
            }
            for (i, n) in names.enumerated() {
                let path = cache + "/" + n
                var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
                switch damage {
                case "truncate": bytes = Array(bytes.prefix(bytes.count / 2))
                case "flip": bytes[bytes.count / 3] ^= 0x20
                default:
                    let other = cache + "/" + names[(i + 1) % names.count]
                    bytes = [UInt8](FileManager.default.contents(atPath: other) ?? Data())
                }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            // A change of data too, so that a wrongly trusted entry would show.
            try Self.edit(site + "/Content/xzcf/2026-11.csv") {
                $0.replacingOccurrences(of: "违反食品安全规定", with: "违反食品安全规定（\(damage)）")
            }
            try Self.buildAndCompare(site, date: "2026-11-25")
        }

        // Written by another build of gongshi (a copy of the program is another program): nothing reused.
        let copy = site + "-gongshi"
        try FileManager.default.copyItem(atPath: Gongshi.binary, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let pages = Self.recordPages(site, "xzcf")
        let before = pages.map(Self.inode)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: copy)
        p.arguments = ["build", "--site", site, "--date", "2026-11-25", "--quiet"]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(
            zip(pages.map(Self.inode), before).allSatisfy { $0 != $1 }, "a page reused from another program's cache")
        try Self.buildAndCompare(site, date: "2026-11-25")

        // An output file edited by hand since is not the file the cache describes: made again.
        let page = Self.recordPages(site, "xzcf")[0]
        let good = Gongshi.read(page)
        try (good + "<!-- edited -->").write(toFile: page, atomically: false, encoding: .utf8)
        try Self.buildAndCompare(site, date: "2026-11-25")
        #expect(Gongshi.read(page) == good)

        // The cache deleted: a full build.
        try FileManager.default.removeItem(atPath: cache)
        try Self.buildAndCompare(site, date: "2026-11-25")
    }
}
