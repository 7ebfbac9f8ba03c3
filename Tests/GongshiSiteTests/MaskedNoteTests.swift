import Testing

@testable import GongshiSite

/// A record page showing personal data masked (138****1234) says why; one without says nothing.
@Suite("The masked-data note on record pages")
struct MaskedNoteTests {
    @Test func onlyAPageWithMaskedDataExplainsIt() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty(
                "甲公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", type: "举报电话13812341234反映的问题"),
            SiteFixture.penalty("乙公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕2号"),
        ]
        let sink = try f.render()
        let pages = sink.paths.filter { $0.hasPrefix("xzcf/scjgj-") }.compactMap { sink.text($0) }
        let masked = try #require(pages.first { $0.contains("甲公司") })
        let plain = try #require(pages.first { $0.contains("乙公司") })
        #expect(masked.contains("138****1234"))
        #expect(masked.contains("隐去部分字符"))
        #expect(!plain.contains("隐去部分字符"))
    }
}
