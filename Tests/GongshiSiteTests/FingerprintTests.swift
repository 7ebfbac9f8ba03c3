import Foundation
import Testing

@testable import GongshiSite

/// Keeps the fingerprint of every file, and on a later render takes those whose fingerprint is
/// unchanged (as the build's staging folder takes them from the live site).
final class ReusingSink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    var previous: [String: Fingerprint] = [:]
    private(set) var made: [String: Fingerprint] = [:]
    /// Files made by their template or writer this time.
    private(set) var rendered: Set<String> = []
    private(set) var reused: Set<String> = []
    /// The bytes of the files made by their template or writer this time.
    private(set) var bytes: [String: [UInt8]] = [:]

    var reuses: Bool { true }

    func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard previous[path] == fingerprint else { return false }
        made[path] = fingerprint
        reused.insert(path)
        return true
    }

    func write(_ path: String, _ bytes: [UInt8], fingerprint: Fingerprint) throws {
        lock.lock()
        defer { lock.unlock() }
        made[path] = fingerprint
        rendered.insert(path)
        self.bytes[path] = bytes
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        lock.lock()
        defer { lock.unlock() }
        made[path] = Fingerprint.content(bytes)
        rendered.insert(path)
        self.bytes[path] = bytes
    }

    /// A sink for the next render, knowing this one's fingerprints.
    func next() -> ReusingSink {
        let s = ReusingSink()
        s.previous = made
        return s
    }
}

@Suite("Fingerprints of output files")
struct FingerprintTests {
    static func fixture(_ amount: String = "1") -> SiteFixture {
        var f = SiteFixture()
        f.penalties = [
            SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号", amount: amount),
            SiteFixture.penalty("淄博周村腾威货运有限公司", code: "91370306MA344MKC33", number: "周市监罚〔2026〕3号"),
        ]
        return f
    }

    @Test func valuesOfDifferentTypesOrOrderNeverMeet() {
        func fp(_ v: TemplateValue) -> Fingerprint {
            var b = FingerprintBuffer(tag: "t")
            b.add(value: v)
            return b.finish()
        }
        let a: TemplateObject = ["x": "1", "y": "2"]
        let b: TemplateObject = ["y": "2", "x": "1"]
        #expect(fp(.object(a)) == fp(.object(b)))
        #expect(fp(.text("1")) != fp(.number(1)))
        #expect(fp(.number(1)) != fp(.flag(true)))
        #expect(fp(.list([.text("a"), .text("bc")])) != fp(.list([.text("ab"), .text("c")])))
        #expect(fp(.object(["k": "a"])) != fp(.list([.text("k"), .text("a")])))
        let f = Fingerprint.content(Array("abc".utf8))
        #expect(Fingerprint(hex: Substring(f.description)) == f)
        #expect(Fingerprint(hex: "xyz") == nil)
    }

    @Test func anUnchangedSiteIsTakenWholeAndNothingIsRendered() throws {
        let first = ReusingSink()
        try Self.fixture().render(to: first)
        #expect(!first.made.isEmpty)
        let second = first.next()
        try Self.fixture().render(to: second)
        #expect(Set(second.made.keys) == Set(first.made.keys))
        // Every page and every feed has a fingerprint made before rendering: none is rendered again.
        let renderedPages = second.rendered.filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
            .filter { !$0.hasPrefix("sitemap") }
        #expect(renderedPages.isEmpty, "\(renderedPages.sorted().prefix(5))")
        #expect(second.reused.contains("index.html"))
        #expect(second.made == first.made)
    }

    @Test func aChangedRecordMakesItsOwnPageAgainNotTheOthers() throws {
        let first = ReusingSink()
        try Self.fixture().render(to: first)
        let second = first.next()
        try Self.fixture("2").render(to: second)
        let records = second.made.keys.filter { $0.hasPrefix("xzcf/") && $0.hasSuffix("/index.html") }
            .filter { $0.split(separator: "/").count == 3 && !$0.hasPrefix("xzcf/page/") }
        #expect(records.count == 2)
        let remade = records.filter { second.rendered.contains($0) }
        #expect(remade.count == 1)
        #expect(records.filter { second.reused.contains($0) }.count == 1)
    }

    @Test func aNewDateMakesAgainThePagesThatSayItOnly() throws {
        // Built on the 25th (its ledger says so), then on the 26th: the pages that say the date (数据截至,
        // listings, home) are made again; record and entity pages, which say only their records' own
        // dates, are taken as they are.
        let site = try Self.fixture().published(on: "2026-11-25")
        let first = ReusingSink()
        try site.render(date: "2026-11-25", to: first)
        let second = first.next()
        try site.render(date: "2026-11-26", to: second)
        #expect(second.rendered.contains("xzcf/index.html"))
        #expect(second.rendered.contains("index.html"))
        let kept = second.made.keys.filter {
            ($0.hasPrefix("xzcf/") || $0.hasPrefix("zhuti/")) && $0.split(separator: "/").count == 3
                && !$0.contains("/page/") && !$0.hasSuffix(".json")
        }
        #expect(kept.count >= 4)
        for path in kept { #expect(second.reused.contains(path), "\(path) was made again") }
    }

    @Test func recordAndEntityPagesDoNotSayTheBuildDate() throws {
        let sink = ReusingSink()
        try Self.fixture().render(to: sink)
        let pages = sink.made.keys.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 }
            .filter { $0.hasPrefix("xzcf/") || $0.hasPrefix("zhuti/") }.filter { !$0.contains("/page/") }
        #expect(pages.contains { $0.hasPrefix("zhuti/") } && pages.contains { $0.hasPrefix("xzcf/") })
        for path in pages {
            let text = String(decoding: sink.bytes[path] ?? [], as: UTF8.self)
            #expect(text.contains("本站依据"), "\(path) has no footer")
            #expect(!text.contains("数据截至") && !text.contains("2026年11月25日"), "\(path) says the build date")
        }
        let listing = String(decoding: sink.bytes["xzcf/index.html"] ?? [], as: UTF8.self)
        #expect(listing.contains("数据截至 2026年11月25日"))
    }
}
