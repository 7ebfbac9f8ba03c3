import Foundation
import Testing

@testable import GongshiSite

/// The browser finds a token's bucket with the JavaScript of `Templates/assets/search.js`; the index is
/// written with ``SearchIndexPart/bucket(_:_:)`` and ``SearchTokens``. This runs the functions of the
/// real search.js under node (skipped when node is not installed) and compares them with Swift.
@Suite("search.js and Swift agree on folding, tokens and buckets")
struct SearchBucketTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let queries = [
        "淄博成创食品有限公司", "周村 食品", "周村　食品", "ABC", "abc１２３", "ＡＢｃ 12", "91370306MA3RX7K2XU", "9137",
        "周市监罚〔2026〕12号", "周环罚字[2025]3号", "罚（２０２６）12", "【2025】", "鲁ICP备12345678号-1", " 前后 空格 ",
        "O'Brien & Co.", "😀表情", "a",
        // A rare character written with its ideographic variation selector (as 生僻字 in names are), a
        // letter and its combining accent, a character outside the BMP: tokens are of code points.
        "葛\u{E0100}根五金店", "Cafe\u{301}咖啡", "𠮷野家餐饮店", "👨\u{200D}👩\u{200D}👧店",
    ]

    /// The named function's text, from `function name(` to its closing brace.
    static func function(_ name: String, in source: String) -> String? {
        guard let start = source.range(of: "function \(name)(") else { return nil }
        var depth = 0
        var i = start.lowerBound
        var opened = false
        while i < source.endIndex {
            let c = source[i]
            if c == "{" {
                depth += 1
                opened = true
            } else if c == "}" {
                depth -= 1
                if opened && depth == 0 { return String(source[start.lowerBound...i]) }
            }
            i = source.index(after: i)
        }
        return nil
    }

    struct Answer: Decodable {
        let q: String
        let normalized: String
        let document: String
        let names: [String]
        let codes: [String]
        let documents: [String]
        let buckets: [String: Int]
    }

    @Test(.enabled(if: node != nil, "node is not installed"))
    func theBrowserComputesWhatTheIndexWasWrittenWith() throws {
        let js = try String(
            contentsOf: SiteFixture.repo.appendingPathComponent("Templates/assets/search.js"), encoding: .utf8)
        let names = ["bucketOf", "normalize", "normalizeDocument", "grams"]
        let functions = try names.map { try #require(Self.function($0, in: js), "search.js has no function \($0)") }
        let bucketCount = 97
        let script =
            "var buckets = \(bucketCount);\n" + functions.joined(separator: "\n") + "\n"
                + """
                var queries = JSON.parse(require('fs').readFileSync(0, 'utf8'));
                console.log(JSON.stringify(queries.map(function (q) {
                  var n = normalize(q), d = normalizeDocument(q);
                  var names = grams(n, 2, ''), codes = grams(n, 4, '#');
                  var documents = d.length > 0 ? ['=' + d].concat(grams(d, 4, '%')) : [];
                  var buckets = {};
                  names.concat(codes, documents, [q, '']).forEach(function (t) { buckets[t] = bucketOf(t); });
                  return { q: q, normalized: n, document: d, names: names, codes: codes, documents: documents, buckets: buckets };
                })));
                """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("check.js")
        try script.write(to: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.node))
        process.arguments = [file.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(Self.queries))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let answers = try JSONDecoder().decode([Answer].self, from: data)
        #expect(answers.count == Self.queries.count)

        for a in answers {
            #expect(SearchTokens.normalize(a.q) == a.normalized, "normalize \(a.q)")
            #expect(SearchTokens.normalizeDocument(a.q) == a.document, "normalizeDocument \(a.q)")
            #expect(SearchTokens.nameTokens(a.q) == Set(a.names), "name tokens \(a.q)")
            #expect(SearchTokens.codeTokens(a.q) == Set(a.codes), "code tokens \(a.q)")
            #expect(SearchTokens.documentTokens(a.q) == Set(a.documents), "document tokens \(a.q)")
            for (token, bucket) in a.buckets {
                #expect(SearchIndexPart.bucket(token, bucketCount) == bucket, "bucket of \(token)")
            }
        }
        // The buckets spread: a hash that put everything in one bucket would pass the comparison.
        #expect(Set(answers.flatMap(\.buckets.values)).count > 20)
    }
}
