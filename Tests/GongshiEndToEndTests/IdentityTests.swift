import Foundation
import Testing

/// Real list exports (SPEC §8.2, §8.4) through `gongshi check` and `gongshi build`: a list of
/// 企业名称 / 统一信用代码 / 工商注册号 with masked and 15-digit codes, and a court's 失信被执行人 export
/// with its 身份证号码/组织机构代码 column, each with a sidecar stating what the file states once.
@Suite("entities without a 统一社会信用代码, and court lists, end to end")
struct IdentityEndToEndTests {
    static let personID = "370303198001011234"
    static let courtCode = "11370306004000059W"

    static func site() throws -> String {
        let site = try Gongshi.site("basic")
        let content = site + "/Content/"
        let departments = Gongshi.read(content + "departments.csv") + "fy,区人民法院,\(courtCode),\n"
        try departments.write(toFile: content + "departments.csv", atomically: true, encoding: .utf8)
        let files: [String: String] = [
            "mingdan/dianshang.csv": """
            企业名称,统一信用代码,工商注册号,列入事由
            周村甲电商有限公司,91370306MA3D000129,,虚假宣传
            周村乙电商有限公司,370306600123456,,刷单炒信
            周村 丙电商 有限公司,9137********00204,370306600765432,虚构交易
            周村丁电商有限公司,9137********00299,,虚构交易

            """,
            "mingdan/dianshang.yml": """
            名单类型: 黑名单
            名单名称: 电子商务领域失信主体
            主体类别: 法人及非法人组织
            认定部门: 区市场监管局
            列入日期: 2026-11-02
            认定依据: 发改财金〔2016〕141号

            """,
            "mingdan/shixin.csv": """
            被执行人姓名/名称,主体类别,身份证号码/组织机构代码,法定代表人或者负责人姓名,执行法院,执行依据文号,案号,生效法律文书确定的义务,被执行人的履行情况,失信被执行人行为具体情形
            周村戊建材有限公司,,59467239-9,赵某,周村区人民法院,（2025）鲁0306民初100号,（2026）鲁0306执1号,支付货款20万元,全部未履行,有履行能力而拒不履行
            周村戊建材有限公司,,59467239-9,赵某,周村区人民法院,（2025）鲁0306民初101号,（2026）鲁0306执2号,支付货款5万元,部分履行,有履行能力而拒不履行
            钱某某,,370303********5678,,周村区人民法院,（2025）鲁0306民初103号,（2026）鲁0306执4号,支付借款1万元,全部未履行,违反限制消费令
            孙某某,,\(personID),,周村区人民法院,（2025）鲁0306民初102号,（2026）鲁0306执3号,支付借款3万元,全部未履行,违反限制消费令

            """,
            "mingdan/shixin.yml": """
            名单类型: 黑名单
            名单名称: 失信被执行人
            主体类别: 法人及非法人组织
            认定部门: 区人民法院
            列入日期: 2026-11-05
            认定依据: 发改财金〔2016〕141号

            """,
        ]
        for (rel, text) in files { try text.write(toFile: content + rel, atomically: true, encoding: .utf8) }
        return site
    }

    @Test func checkWithholdsOnlyTheEntityWithoutAnyValidCode() throws {
        let site = try Self.site()
        let r = try Gongshi.run(["check", "--site", site, "--date", "2026-11-25", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = (json["findings"] as? [[String: Any]] ?? []).filter {
            ($0["file"] as? String ?? "").hasPrefix("Content/mingdan/dianshang")
                || ($0["file"] as? String ?? "").hasPrefix("Content/mingdan/shixin")
        }
        let seen = findings.map { "\($0["rule"]!)|\(($0["file"] as! String).dropFirst(16))|\($0["line"]!)" }.sorted()
        #expect(
            seen == [
                "bad-value|dianshang.csv|3", "bad-value|dianshang.csv|4", "bad-value|dianshang.csv|5",
                "bad-value|shixin.csv|4", "bad-value|shixin.csv|5", "invalid-uscc|dianshang.csv|5",
                "natural-person-withheld|shixin.csv|4", "natural-person-withheld|shixin.csv|5",
            ], "\(findings)")
        let invalid = try #require(findings.first { $0["rule"] as? String == "invalid-uscc" })
        #expect((invalid["message"] as? String)?.contains("9137********00299") == true)
        #expect(!r.stdout.contains(Self.personID))
    }

    @Test func buildPublishesThemWithTheirCodesDocumentsAndCourtDetails() throws {
        let site = try Self.site()
        let r = try Gongshi.run(["build", "--site", site, "--date", "2026-11-25", "--no-ledger"])
        #expect(r.status == 0, "\(r.stderr)")
        let pub = site + "/Public"
        let files = Gongshi.files(pub)
        let lists = files.filter { $0.hasPrefix("heimingdan/") && $0.hasSuffix("index.html") }.map {
            Gongshi.read(pub + "/" + $0)
        }
        let dianshang = try #require(lists.first { $0.contains("<h1>电子商务领域失信主体</h1>") })
        #expect(dianshang.contains("周村甲电商有限公司"))
        #expect(dianshang.contains("周村乙电商有限公司"))
        #expect(dianshang.contains("工商注册号 370306600123456"))
        #expect(dianshang.contains("工商注册号 370306600765432"))
        #expect(!dianshang.contains("周村丁电商有限公司"))
        #expect(!dianshang.contains("*"))
        let court = try #require(lists.first { $0.contains("<h1>失信被执行人</h1>") })
        for text in [
            "组织机构代码 59467239-9", "（2026）鲁0306执1号", "（2026）鲁0306执2号", "执行法院：周村区人民法院",
            "生效法律文书确定的义务：支付货款20万元", "被执行人的履行情况：部分履行",
        ] {
            #expect(court.contains(text), "\(text)")
        }
        // Only a 统一社会信用代码 has a profile.
        #expect(files.contains("zhuti/91370306MA3D000129/index.html"))
        #expect(!files.contains { $0.hasPrefix("zhuti/370306600123456") || $0.hasPrefix("zhuti/594672399") })
        // Open data: the codes in their own columns, the document, no masked code.
        let data = try #require(
            try JSONSerialization.jsonObject(with: Data(Gongshi.read(pub + "/data/mingdan.json").utf8))
                as? [[String: String]])
        let yi = try #require(data.first { $0["主体名称"] == "周村乙电商有限公司" })
        #expect(yi["工商注册号"] == "370306600123456")
        #expect(yi["统一社会信用代码"] == "")
        #expect(
            data.filter { $0["主体名称"] == "周村戊建材有限公司" }.compactMap { $0["案号"] }.sorted() == [
                "（2026）鲁0306执1号", "（2026）鲁0306执2号",
            ])
        // Search: by the name (its inner spaces ignored) and by the codes.
        let index = files.filter { $0.hasPrefix("sousuo/i/") }.map { Gongshi.read(pub + "/" + $0) }.joined()
        #expect(index.contains("\"丙电\""))
        #expect(index.contains("\"370306600765432\""))
        #expect(index.contains("\"594672399\""))
        #expect(index.contains("\"#6723\""))
        // The natural person (withheld by policy) appears nowhere, nor does any ID number.
        for f in files {
            let text = Gongshi.read(pub + "/" + f)
            #expect(!text.contains(Self.personID), "\(f)")
            #expect(!text.contains("孙某某") && !text.contains("钱某某"), "\(f)")
        }
    }
}
