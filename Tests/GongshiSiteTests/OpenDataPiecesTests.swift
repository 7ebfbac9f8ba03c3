import Foundation
import Testing
import ZIPFoundation

@testable import GongshiSite

@Suite("open data in pieces")
struct OpenDataPiecesTests {
    func keys(_ range: Range<Int>, _ prefix: String = "k") -> [String] { range.map { "\(prefix)\($0)" } }

    @Test(
        "pieces cover every row in order, none longer than the most, and new rows before them leave them as they were")
    func cutIsStableUnderInsertion() {
        let old = keys(0..<2000)
        let a = OpenDataPieces.cut(old.count) { old[$0] }
        #expect(a.first?.lowerBound == 0 && a.last?.upperBound == old.count)
        #expect(zip(a, a.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(a.allSatisfy { !$0.isEmpty && $0.count <= OpenDataPieces.most })
        #expect(a.count > 10 && a.count < 100)
        let new = keys(0..<70, "new") + old
        let b = OpenDataPieces.cut(new.count) { new[$0] }
        let pieces = { (rows: [String], cut: [Range<Int>]) in cut.map { Array(rows[$0]) } }
        let before = pieces(old, a)
        let after = pieces(new, b)
        // All but the pieces the new rows fall in (and the one they end) are kept.
        let kept = after.filter { before.contains($0) }
        #expect(kept.count >= before.count - 2)
        #expect(OpenDataPieces.cut(0) { _ in "" }.isEmpty)
    }

    @Test("the index reads back what it wrote, and nothing else")
    func indexRoundTrip() throws {
        var index = OpenDataIndex(fingerprint: Fingerprint(high: 1, low: 2))
        index.pieces[Fingerprint(high: 3, low: 4)] = .init(
            csv: 10..<20, json: 20..<45, sheet: 300..<333, crc: 0xDEAD_BEEF, rawCount: 999)
        index.pieces[Fingerprint(high: 5, low: 6)] = .init(csv: 0..<0, json: 1..<2, sheet: 3..<4, crc: 0, rawCount: 0)
        let bytes = index.encode()
        let back = try #require(OpenDataIndex(decoding: bytes))
        #expect(back.fingerprint == index.fingerprint)
        #expect(back.pieces.count == 2)
        #expect(back.pieces[Fingerprint(high: 3, low: 4)]?.sheet == 300..<333)
        #expect(back.pieces[Fingerprint(high: 3, low: 4)]?.crc == 0xDEAD_BEEF)
        #expect(OpenDataIndex(decoding: Array(bytes.dropLast())) == nil)
        #expect(OpenDataIndex(decoding: bytes + [0]) == nil)
        #expect(OpenDataIndex(decoding: Array("gongshi-opendata 2\n".utf8) + bytes.dropFirst(19)) == nil)
    }

    func extract(_ bytes: [UInt8], _ path: String) throws -> [UInt8] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive[path])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return [UInt8](out)
    }

    @Test("pieces deflated apart join into one entry")
    func joinedPieces() throws {
        let text = (0..<5000).map { "<row>第\($0)行 \($0 * 7919 % 1000)</row>" }.joined()
        let whole = Array(text.utf8)
        let cuts = [0, 1, 40_000, 40_001, whole.count]
        let pieces = try zip(cuts, cuts.dropFirst()).map { try DeflatedPiece(compressing: Array(whole[$0..<$1])) }
        let entries = [try ZIPFile.Entry("a.txt", Array("甲".utf8)), ZIPFile.Entry("b/sheet.xml", pieces: pieces)]
        let archive = try ZIPFile.bytes(entries)
        #expect(try extract(archive, "b/sheet.xml") == whole)
        #expect(try extract(archive, "a.txt") == Array("甲".utf8))
        // Where the pieces start: their bytes are found there.
        var out: [UInt8] = []
        let starts = try ZIPFile.write(entries) { out += $0 }
        for (p, at) in zip(pieces, starts[1]) { #expect(Array(out[at..<(at + p.bytes.count)]) == p.bytes) }
        #expect(
            try DeflatedPiece(compressing: whole).crc
                == pieces.dropFirst().reduce(pieces[0].crc) {
                    DeflatedPiece.combine($0, $1.crc, $1.rawCount)
                })
    }
}
