import Foundation
import Testing

@testable import GongshiSite

/// Entities without a 统一社会信用代码 on the pages (SPEC §8.2): their 工商注册号 or 组织机构代码 shown in
/// listings and on the record page, found by search by name and code, and no `/zhuti/` profile.
@Suite("Pages of entities identified by 工商注册号 or 组织机构代码")
struct IdentityPageTests {
    static func render() throws -> MemorySink {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty("周村乙 商贸有限公司", code: "370306600123456", number: "周市监罚〔2026〕21号"),
            SiteFixture.penalty("周村丙商贸有限公司", code: "59467239-9", number: "周市监罚〔2026〕22号"),
        ]
        return try f.render()
    }

    @Test func listingsAndRecordPagesShowTheCodes() throws {
        let sink = try Self.render()
        let listing = try #require(sink.text("xzcf/index.html"))
        #expect(listing.contains("工商注册号 370306600123456"))
        #expect(listing.contains("组织机构代码 59467239-9"))
        let pages = sink.paths.filter {
            $0.hasPrefix("xzcf/") && $0.hasSuffix("/index.html") && $0 != "xzcf/index.html"
        }
        let record = try #require(pages.compactMap { sink.text($0) }.first { $0.contains("周市监罚〔2026〕21号") })
        #expect(record.contains("<th scope=\"row\">工商注册号</th><td>370306600123456</td>"))
        #expect(!record.contains("<th scope=\"row\">统一社会信用代码</th><td>370306600123456"))
        #expect(!sink.paths.contains { $0.hasPrefix("zhuti/") })
    }

    @Test func organizationCodesShowHyphenatedHoweverWritten() throws {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty("周村丙商贸有限公司", code: "594672399", number: "周市监罚〔2026〕22号"),
            SiteFixture.penalty("周村丁商贸有限公司", code: "59467239-9", number: "周市监罚〔2026〕23号"),
        ]
        let sink = try f.render()
        let listing = try #require(sink.text("xzcf/index.html"))
        #expect(!listing.contains("594672399"))
        let pages = sink.paths.filter {
            $0.hasPrefix("xzcf/") && $0.hasSuffix("/index.html") && $0 != "xzcf/index.html"
        }
        let record = try #require(pages.compactMap { sink.text($0) }.first { $0.contains("周市监罚〔2026〕22号") })
        #expect(record.contains("<th scope=\"row\">组织机构代码</th><td>59467239-9</td>"))
    }

    @Test func searchFindsThemByNameWithoutItsSpacesAndByCode() throws {
        let sink = try Self.render()
        let index = sink.paths.filter { $0.hasPrefix("sousuo/i/") }.compactMap { sink.text($0) }.joined()
        // The name's bigrams skip its inner space; the codes' 4-grams (组织机构代码 without its hyphen).
        #expect(index.contains("\"乙商\""))
        #expect(index.contains("\"#0123\""))
        #expect(index.contains("\"#2399\""))
        #expect(index.contains("\"370306600123456\""))
        #expect(index.contains("\"594672399\""))
        #expect(!index.contains("zhuti/"))
    }
}
