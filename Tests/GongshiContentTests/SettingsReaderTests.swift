import GongshiModel
import Testing

@testable import GongshiContent

@Suite("SettingsReader")
struct SettingsReaderTests {
    static let full = """
        title: 信用周村
        baseURL: https://xinyong.example.gov.cn/zhoucun/
        region: 周村区
        language: zh-Hans
        disclosure:
          deadlineWorkdays: 5
          withdrawWorkdays: 2
          naturalPersons: mask
          penaltyPublicityMonths:
            轻微: 3
            一般: 6
            严重: 24
        feeds:
          items: 40
        pagination: 25
        footer:
          sponsor: 周村区发展和改革局
          siteCode: "3703060001"
          icp: 鲁ICP备00000000号
          psb: 鲁公网安备 37030602000000号
        """

    @Test("every key of SPEC §1.1 is read")
    func everyKey() throws {
        let s = try SettingsReader.read(text: Self.full, file: "Content/site.yml")
        #expect(s.title == "信用周村")
        #expect(s.baseURL == "https://xinyong.example.gov.cn/zhoucun/")
        #expect(s.basePath == "/zhoucun/")
        #expect(s.region == "周村区")
        #expect(s.language == "zh-Hans")
        #expect(s.deadlineWorkdays == 5)
        #expect(s.withdrawWorkdays == 2)
        #expect(s.naturalPersons == .mask)
        #expect(s.penaltyPublicityMonths == [.minor: 3, .ordinary: 6, .serious: 24])
        #expect(s.feedItems == 40)
        #expect(s.pagination == 25)
        #expect(s.footer.sponsor == "周村区发展和改革局")
        #expect(s.footer.siteCode == "3703060001")
        #expect(s.footer.icp == "鲁ICP备00000000号")
        #expect(s.footer.psb == "鲁公网安备 37030602000000号")
    }

    @Test("only title and baseURL are required; the rest has the SPEC defaults")
    func defaults() throws {
        let s = try SettingsReader.read(
            text: "title: 信用周村\nbaseURL: https://xinyong.example.gov.cn\n", file: "Content/site.yml")
        #expect(s.baseURL == "https://xinyong.example.gov.cn/")
        #expect(s.basePath == "/")
        #expect(s.language == "zh-CN")
        #expect(s.deadlineWorkdays == 7)
        #expect(s.withdrawWorkdays == 3)
        #expect(s.naturalPersons == .withhold)
        #expect(s.penaltyPublicityMonths == [.minor: 0, .ordinary: 12, .serious: 36])
        #expect(s.feedItems == 100)
        #expect(s.pagination == 50)
        #expect(s.footer == SiteSettings.Footer())
    }

    @Test("a partial penaltyPublicityMonths keeps the other defaults")
    func partialMonths() throws {
        let s = try SettingsReader.read(
            text: "title: t\nbaseURL: https://a.example/\ndisclosure:\n  penaltyPublicityMonths:\n    轻微: 3\n",
            file: "Content/site.yml")
        #expect(s.penaltyPublicityMonths == [.minor: 3, .ordinary: 12, .serious: 36])
    }

    func error(_ text: String) -> SiteError? {
        do {
            _ = try SettingsReader.read(text: text, file: "Content/site.yml")
            return nil
        } catch { return error }
    }

    @Test(
        "an unknown key is an error naming the key",
        arguments: [
            ("title: t\nbaseURL: https://a.example/\ntitel: x\n", "titel", 3),
            ("title: t\nbaseURL: https://a.example/\ndisclosure:\n  deadlineWorkday: 5\n", "deadlineWorkday", 4),
            ("title: t\nbaseURL: https://a.example/\ndisclosure:\n  penaltyPublicityMonths:\n    较重: 24\n", "较重", 5),
            ("title: t\nbaseURL: https://a.example/\nfeeds:\n  item: 5\n", "item", 4),
            ("title: t\nbaseURL: https://a.example/\nfooter:\n  sponser: x\n", "sponser", 4),
        ])
    func unknownKey(text: String, key: String, line: Int) throws {
        let e = try #require(error(text))
        #expect(e.file == "Content/site.yml")
        #expect(e.message.contains("「\(key)」"))
        #expect(e.line == line)
    }

    @Test("a key written twice is named, not 'cannot parse'")
    func duplicateKey() throws {
        let e = try #require(error("title: t\nbaseURL: https://a.example/\ntitle: u\n"))
        #expect(e.message.contains("「title」写了不止一次"), "\(e.message)")
        #expect(!e.message.contains("无法解析"))
        #expect(e.line == 3)
    }

    @Test("missing title or baseURL is an error")
    func missingRequired() throws {
        let noTitle = try #require(error("baseURL: https://a.example/\n"))
        #expect(noTitle.message.contains("title"))
        let noBase = try #require(error("title: 信用周村\n"))
        #expect(noBase.message.contains("baseURL"))
        #expect(error("title: \"\"\nbaseURL: https://a.example/\n") != nil)
        #expect(error("") != nil)
    }

    @Test(
        "invalid values are errors",
        arguments: [
            "title: t\nbaseURL: xinyong.example.gov.cn/\n",
            "title: t\nbaseURL: https://a.example/\ndisclosure:\n  naturalPersons: publish\n",
            "title: t\nbaseURL: https://a.example/\ndisclosure:\n  deadlineWorkdays: seven\n",
            "title: t\nbaseURL: https://a.example/\ndisclosure:\n  deadlineWorkdays: 0\n",
            "title: t\nbaseURL: https://a.example/\ndisclosure:\n  penaltyPublicityMonths:\n    一般: -1\n",
            "title: t\nbaseURL: https://a.example/\npagination: 0\n",
            "title: t\nbaseURL: https://a.example/\ndisclosure: 7\n",
            "title: t\nbaseURL: https://a.example/\nfeeds: [1, 2]\n",
            "title: [t\nbaseURL: https://a.example/\n",
            "- title\n- baseURL\n",
        ])
    func invalidValues(text: String) {
        #expect(error(text) != nil)
    }

    @Test("zero months for 轻微 is allowed (never shown)")
    func zeroMonths() throws {
        let s = try SettingsReader.read(
            text: "title: t\nbaseURL: https://a.example/\ndisclosure:\n  penaltyPublicityMonths:\n    轻微: 0\n",
            file: "f")
        #expect(s.penaltyPublicityMonths[.minor] == 0)
    }

    @Test(
        "publicity months outside NDRC Order 36's bounds are an error naming the key and line",
        arguments: [("轻微", 4), ("一般", 0), ("一般", 2), ("一般", 13), ("严重", 11), ("严重", 37)])
    func orderBounds(severity: String, months: Int) {
        let text =
            "title: t\nbaseURL: https://a.example/\ndisclosure:\n  penaltyPublicityMonths:\n    \(severity): \(months)\n"
        let e = error(text)
        #expect(e?.line == 5)
        #expect(e?.message.contains("penaltyPublicityMonths.\(severity)") == true)
        #expect(e?.message.contains("第36号") == true)
    }

    @Test("the bounds themselves are allowed")
    func orderBoundsInclusive() throws {
        let s = try SettingsReader.read(
            text:
                "title: t\nbaseURL: https://a.example/\ndisclosure:\n  penaltyPublicityMonths:\n    轻微: 3\n    一般: 3\n    严重: 12\n",
            file: "f")
        #expect(s.penaltyPublicityMonths == [.minor: 3, .ordinary: 3, .serious: 12])
    }

    @Test("naturalPersonLists: default [失信被执行人], a list of names, anything else an error")
    func naturalPersonLists() throws {
        let base = "title: t\nbaseURL: https://a.example/\n"
        #expect(try SettingsReader.read(text: base, file: "f").naturalPersonLists == ["失信被执行人"])
        let s = try SettingsReader.read(
            text: base + "disclosure:\n  naturalPersonLists: [失信被执行人, 重大税收违法失信主体]\n", file: "f")
        #expect(s.naturalPersonLists == ["失信被执行人", "重大税收违法失信主体"])
        #expect(error(base + "disclosure:\n  naturalPersonLists: 失信被执行人\n")?.line == 4)
    }
}
