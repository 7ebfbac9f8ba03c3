import Foundation
import Testing

@testable import GongshiContent

@Suite("The XML tokenizer of workbook parts")
struct XMLStreamTests {
    /// What the tokenizer reported, one line per token: tags with their attribute `a`, texts.
    struct Log: XMLStreamHandler {
        var log: [String] = []
        mutating func start(_ name: Substring, _ tag: XMLTag, selfClosing: Bool) throws {
            log.append("<\(name) a=\(tag.attribute("a") ?? "-")")
        }
        mutating func end(_ name: Substring) throws { log.append("</\(name)") }
        mutating func text(_ text: String) throws { log.append(text) }
    }

    /// `xml` fed in chunks of `size` bytes (whole when nil).
    func tokens(_ xml: String, chunks size: Int? = nil) throws -> Log {
        var log = Log()
        var stream = XMLStream()
        let bytes = Array(xml.utf8)
        let size = size ?? max(bytes.count, 1)
        for start in stride(from: 0, to: bytes.count, by: size) {
            try stream.feed(Data(bytes[start..<min(start + size, bytes.count)]), &log)
        }
        try stream.finish(&log)
        return log
    }

    @Test("entities, CDATA, comments, tags split across chunks")
    func tokenizer() throws {
        let xml =
            "<?xml version=\"1.0\"?><x:r a=\"1&gt;2\"><!-- c --><t>a&amp;b&#x4E2D;&#25991;</t><![CDATA[<raw>]]><e a='q'/></x:r>"
        let whole = try tokens(xml)
        #expect(whole.log == ["<r a=1>2", "<t a=-", "a&b中文", "</t", "<raw>", "<e a=q", "</e", "</r"])
        #expect(try tokens(xml, chunks: 1).log.joined() == whole.log.joined())
    }

    @Test("an unfinished token is looked through once, and resumed right in any chunking")
    func resumes() throws {
        let long = String(repeating: "长", count: 5000)
        let xml = "<r><f a=\"x>y '\" c='>'/><!-- a -- b --><t>\(long)</t><![CDATA[]]]]><?p q?></r>"
        let whole = try tokens(xml)
        #expect(whole.log == ["<r a=-", "<f a=x>y '", "</f", "<t a=-", long, "</t", "]]", "</r"])
        for size in [1, 2, 3, 7, 4096] {
            #expect(try tokens(xml, chunks: size).log.joined() == whole.log.joined(), "chunks of \(size)")
        }
    }
}
