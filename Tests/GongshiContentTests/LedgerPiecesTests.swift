import Foundation
import GongshiModel
import Testing

@testable import GongshiContent

/// A ledger is parsed in pieces on every core: the events and the line of a problem must be those of a
/// reading from the top.
@Suite("LedgerReader pieces")
struct LedgerPiecesTests {
    /// A ledger of `rows` events; row `quotedAt` has a key with a line break and commas inside quotes.
    static func ledger(rows: Int, quotedAt: Int = -1, crlf: Bool = false) -> [UInt8] {
        let end = crlf ? "\r\n" : "\n"
        var text = LedgerReader.header + end
        for i in 0..<rows {
            let key = i == quotedAt ? "\"xzcf:某局:第\(i)号,\(end)续\"" : "xzcf:某局:第\(i)号"
            text += "2026-11-\(10 + i % 10),公示,xzcf,\(key),\(String(i, radix: 16))" + end
        }
        return Array(text.utf8)
    }

    @Test("pieces end after line feeds outside quotes and cover every byte once")
    func cuts() {
        let bytes = Self.ledger(rows: 400, quotedAt: 200)
        let pieces = LedgerReader.rowPieces(bytes[...], count: 16, minimumPiece: 64)
        #expect(pieces.count > 8)
        #expect(pieces.first?.lowerBound == 0)
        #expect(pieces.last?.upperBound == bytes.count)
        for (a, b) in zip(pieces, pieces.dropFirst()) {
            #expect(a.upperBound == b.lowerBound)
            #expect(bytes[a.upperBound - 1] == 0x0A)
        }
        // No cut inside the quoted key: the piece holding its opening quote holds its closing one.
        let quote = bytes.firstIndex(of: 0x22)!
        let piece = pieces.first { $0.contains(quote) }!
        #expect(bytes[piece].filter { $0 == 0x22 }.count == 2)
        #expect(LedgerReader.rowPieces(bytes[...], count: 1).count == 1)
        #expect(LedgerReader.rowPieces(Array(bytes.prefix(100))[...], count: 16).count == 1)
    }

    @Test("a ledger read in many pieces has the events of one read whole", arguments: [false, true])
    func sameEvents(crlf: Bool) throws {
        let bytes = Self.ledger(rows: 3000, quotedAt: 1500, crlf: crlf)
        let whole = try LedgerReader.parse(bytes: bytes, file: "Content/ledger.csv", pieces: 1)
        let pieces = try LedgerReader.parse(bytes: bytes, file: "Content/ledger.csv", pieces: 7)
        #expect(whole.events.count == 3000)
        #expect(pieces.events == whole.events)
        #expect(
            pieces.events[1500].key
                == "xzcf:某局:第1500号,\(crlf ? "\r\n" : "\n")续".replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test("a problem far into a ledger read in pieces is reported at its own line")
    func problemLine() throws {
        var lines = String(decoding: Self.ledger(rows: 3000, quotedAt: 10), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Line 12 of the file holds the quoted key's second half; a blank line is counted too.
        lines.insert("", at: 20)
        lines[2500] = "2026-13-01,公示,xzcf,xzcf:某局:坏日期,00"
        lines[2800] = "2026-11-20,公示,xzcf,,00"
        let bytes = Array(lines.joined(separator: "\n").utf8)
        for pieces in [1, 3, 8] {
            #expect(throws: SiteError.self) {
                try LedgerReader.parse(bytes: bytes, file: "Content/ledger.csv", pieces: pieces)
            }
            do {
                _ = try LedgerReader.parse(bytes: bytes, file: "Content/ledger.csv", pieces: pieces)
            } catch {
                #expect(error.line == 2500)
                #expect(error.message.contains("2026-13-01"))
            }
        }
    }
}
