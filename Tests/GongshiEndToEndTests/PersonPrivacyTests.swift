import Foundation
import Testing

/// No natural person's name or ID number in any file a build or a check writes (SPEC §8.1, §8.4): a court
/// export with an old 15-digit ID number, a mistyped one and a person without one (but with 性别 and 年龄),
/// all in a file whose sidecar says 法人及非法人组织; and a v1 licence export whose sidecar says the same
/// of a person identified only by XK_XDR_SFZ.
@Suite("natural persons' names and ID numbers never leave the data, end to end")
struct PersonPrivacyEndToEndTests {
    static let oldID = "370303770227202"
    static let mistypedID = "370303198001011235"
    static let licenceID = "360426199101010071"
    static let names = ["龙艳红", "唐军伟", "曾立新", "韩秀芳"]
    static let numbers = [oldID, mistypedID, licenceID]

    static func site() throws -> String {
        let site = try Gongshi.site("basic")
        let content = site + "/Content/"
        let settings = Gongshi.read(content + "site.yml").replacingOccurrences(
            of: "naturalPersons: withhold", with: "naturalPersons: mask")
        try settings.write(toFile: content + "site.yml", atomically: true, encoding: .utf8)
        let departments = Gongshi.read(content + "departments.csv") + "fy,区人民法院,11370306004000059W,\n"
        try departments.write(toFile: content + "departments.csv", atomically: true, encoding: .utf8)
        let files: [String: String] = [
            "mingdan/shixin.csv": """
            被执行人姓名/名称,性别,年龄,身份证号码/组织机构代码,执行法院,案号,生效法律文书确定的义务,被执行人的履行情况
            周村戊建材有限公司,,,59467239-9,周村区人民法院,（2026）鲁0306执1号,支付货款20万元,全部未履行
            龙艳红,女,49,\(oldID),周村区人民法院,（2026）鲁0306执2号,被告龙艳红支付借款3万元,全部未履行
            唐军伟,男,46,\(mistypedID),周村区人民法院,（2026）鲁0306执3号,支付借款2万元,全部未履行
            曾立新,男,45,,周村区人民法院,（2026）鲁0306执4号,支付借款1万元,全部未履行

            """,
            "mingdan/shixin.yml": """
            名单类型: 黑名单
            名单名称: 失信被执行人
            主体类别: 法人及非法人组织
            认定部门: 区人民法院
            列入日期: 2026-11-05
            认定依据: 发改财金〔2016〕141号

            """,
            "xzxk/api.csv": """
            XK_XDR,XK_XDR_SHXYM,XK_XDR_SFZ,XK_FR,行政许可决定文书号,许可类别,许可内容,许可决定日期,许可机关,许可机关统一社会信用代码
            周村己商贸有限公司,91370306MA3D000129,,李某,周市监许〔2026〕31号,普通,预包装食品销售,2026-11-16,区市场监管局,11370306004000024A
            韩秀芳,,\(licenceID),,周市监许〔2026〕32号,普通,预包装食品销售,2026-11-16,区市场监管局,11370306004000024A

            """,
            "xzxk/api.yml": """
            行政相对人类别: 法人及非法人组织
            行政许可决定文书名称: 准予行政许可决定书

            """,
        ]
        for (rel, text) in files { try text.write(toFile: content + rel, atomically: true, encoding: .utf8) }
        return site
    }

    /// The names and numbers found in `text`.
    static func leaks(_ text: String) -> [String] { (names + numbers).filter { text.contains($0) } }

    @Test func checkNamesNoPersonAndSaysWhy() throws {
        let site = try Self.site()
        let json = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        let text = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25"])
        #expect(Self.leaks(json.stdout + json.stderr + text.stdout + text.stderr) == [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = (object["findings"] as? [[String: Any]] ?? []).map {
            "\($0["rule"]!)|\(($0["file"] as! String).split(separator: "/").last!)|\($0["line"]!)"
        }
        // The licensee is a person (not an organisation missing its code), the mistyped number an ID number.
        #expect(findings.contains("natural-person-withheld|api.csv|3"))
        #expect(findings.contains("invalid-id-number|shixin.csv|4"))
        let ours = findings.filter { $0.contains("|shixin.csv|") || $0.contains("|api.csv|") }
        #expect(!ours.contains { $0.hasPrefix("missing-field") || $0.hasPrefix("invalid-uscc") }, "\(ours)")
    }

    @Test func buildPublishesTheCourtsPersonsMaskedAndWritesNoNameAnywhere() throws {
        let site = try Self.site()
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.leaks(r.stdout + r.stderr) == [])
        let pub = site + "/Public"
        let files = Gongshi.files(pub)
        for f in files where !f.hasSuffix(".png") && !f.hasSuffix(".woff2") {
            var text = Gongshi.read(pub + "/" + f)
            if f.hasSuffix(".xlsx") { text = Self.unzipped(pub + "/" + f) }
            #expect(Self.leaks(text) == [], "\(f)")
        }
        let ledger = Gongshi.read(site + "/Content/ledger.csv")
        let report = Gongshi.read(site + "/Content/baogao/2026-11-25.md")
        #expect(Self.leaks(ledger) == [])
        #expect(Self.leaks(report) == [])
        // The court's persons are published masked (失信被执行人 under national rules), never as organisations.
        let data = try #require(
            try JSONSerialization.jsonObject(with: Data(Gongshi.read(pub + "/data/mingdan.json").utf8))
                as? [[String: String]])
        let persons = data.filter { ["龙*红", "唐*伟", "曾*新"].contains($0["主体名称"] ?? "") }
        #expect(persons.count == 3)
        #expect(persons.allSatisfy { ($0["工商注册号"] ?? "") == "" && ($0["组织机构代码"] ?? "") == "" })
        #expect(report.contains("韩*芳"))
        // No feed item's id is one a guess of a name could give: ids of the ledger's keys (with the hash of
        // the full name) appear in no feed.
        let keys = ledger.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return cells.count > 4 && cells[3].contains("自然人-") ? String(cells[3]) : nil
        }
        #expect(keys.count == 3, "\(ledger)")
        let feeds = ["heimingdan/atom.xml", "heimingdan/rss.xml", "heimingdan/feed.json", "atom.xml"]
            .map { Gongshi.read(pub + "/" + $0) }.joined()
        #expect(feeds.contains("urn:uuid:"))
        for key in keys { #expect(!feeds.contains(Self.feedItemID(key)), "\(key)") }
        // A second build keeps every key: nothing withdrawn, nothing published again.
        let next = try Gongshi.run(["build", "--site", site, "--date", "2026-11-26"])
        #expect(next.status == 0, "\(next.stderr)")
        let events = Gongshi.read(site + "/Content/ledger.csv").split(separator: "\n").filter {
            $0.hasPrefix("2026-11-26")
        }
        #expect(events.isEmpty, "\(events)")
    }

    @Test func previewShowsNoName() async throws {
        let site = try Self.site()
        let preview = try PreviewProcess(site: site)
        let index = await preview.waitFor("/yulan/")
        #expect(index.0 == 200)
        let report = await preview.get("/yulan/baogao/")
        #expect(report.0 == 200)
        #expect(Self.leaks(index.1 + report.1) == [])
        // Every withheld row's preview page too.
        let links = index.1.components(separatedBy: "href=\"").dropFirst().compactMap {
            $0.split(separator: "\"").first
        }
        .filter { $0.contains("/yulan/") }
        for link in Set(links) {
            let path =
                link.hasPrefix("http") ? "/" + link.split(separator: "/").dropFirst(2).joined(separator: "/") : link
            let page = await preview.get(String(path))
            #expect(Self.leaks(page.1) == [], "\(path)")
        }
    }

    /// The id a feed item made from `key` has (`Feeds.itemID`: a name-based UUID of the SHA-256 of
    /// `gongshi:` and the key).
    static func feedItemID(_ key: String) -> String {
        let hex = Array(sha256(Array(("gongshi:" + key).utf8)).prefix(32))
        var bytes = stride(from: 0, to: 32, by: 2).map { UInt8(String(hex[$0..<$0 + 2]), radix: 16)! }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let h = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { r in
            String(h[h.index(h.startIndex, offsetBy: r.lowerBound)..<h.index(h.startIndex, offsetBy: r.upperBound)])
        }
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    /// The XML parts of a workbook, as one text (`unzip -p`).
    static func unzipped(_ path: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        p.arguments = ["-p", path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return "" }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
