import Foundation
import Testing

@testable import GongshiSite

@Suite("sitemap.xml and its split past 50 000 pages")
struct SitemapTests {
    static func sitemap(pages: Int) throws -> MemorySink {
        let (renderer, _) = try SiteFixture().renderer()
        let sink = MemorySink()
        let out = CountingSink(inner: sink, counter: Counter(), progress: { _ in })
        for i in 0..<pages { out.counter.add(path: "p/\(i)/index.html") }
        out.counter.add(path: "index.html")
        try renderer.renderSitemap(out)
        return sink
    }

    static func locs(_ xml: String?) -> [String] {
        (xml ?? "").components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func upTo50000PagesAreOneURLSetInByteOrder() throws {
        let sink = try Self.sitemap(pages: 49_999)
        let xml = sink.text("sitemap.xml") ?? ""
        #expect(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let locs = Self.locs(xml)
        #expect(locs.count == 50_000)
        // index.html is left out of the addresses; the root sorts first.
        #expect(locs.first == "https://xinyong.test.example/")
        #expect(locs.contains("https://xinyong.test.example/p/10/"))
        #expect(locs == locs.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(sink.text("sitemap-1.xml") == nil)
    }

    @Test func moreThan50000PagesSplitIntoSitemapsListedByAnIndex() throws {
        let sink = try Self.sitemap(pages: 50_000)
        let index = sink.text("sitemap.xml") ?? ""
        #expect(index.contains("<sitemapindex"))
        #expect(
            Self.locs(index) == [
                "https://xinyong.test.example/sitemap-1.xml", "https://xinyong.test.example/sitemap-2.xml",
            ])
        let first = Self.locs(sink.text("sitemap-1.xml"))
        let second = Self.locs(sink.text("sitemap-2.xml"))
        #expect(first.count == 50_000)
        #expect(second.count == 1)
        #expect(Set(first + second).count == 50_001)
        #expect(try XMLParsing.wellFormed(sink.text("sitemap-2.xml") ?? ""))
    }
}
