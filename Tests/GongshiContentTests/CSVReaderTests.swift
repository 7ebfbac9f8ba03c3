import Foundation
import Testing

@testable import GongshiContent

@Suite("CSVReader")
struct CSVReaderTests {
    /// Reads a file and returns its rows.
    func rows(_ path: String) throws -> (rows: [CSVRow], encoding: TextEncoding) {
        var out: [CSVRow] = []
        let enc = try CSVReader.read(path: path) { out.append($0) }
        return (out, enc)
    }

    @Test("plain rows, header is row 1")
    func plain() throws {
        let dir = TempDir()
        let (r, enc) = try rows(dir.write("a.csv", "名称,代码\n周村区某某商行,91512081MA62K0260E\n甲,乙\n"))
        #expect(enc == .utf8)
        #expect(r.map(\.line) == [1, 2, 3])
        #expect(r[0].fields == ["名称", "代码"])
        #expect(r[1].fields == ["周村区某某商行", "91512081MA62K0260E"])
        #expect(r[2].fields == ["甲", "乙"])
        #expect(r.allSatisfy { $0.problem == nil })
    }

    @Test("quoted fields with commas, doubled quotes and line breaks count as one row each")
    func quoted() throws {
        let dir = TempDir()
        let text =
            "a,b,c\n"
            + "1,\"甲,乙\",x\n"
            + "2,\"他说\"\"你好\"\"\",y\n"
            + "3,\"第一行\n第二行\n第三行\",z\n"
            + "4,\"\",\n"
            + "5,\"\"\"\",w\n"
        let (r, _) = try rows(dir.write("q.csv", text))
        #expect(r.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(r[1].fields == ["1", "甲,乙", "x"])
        #expect(r[2].fields == ["2", "他说\"你好\"", "y"])
        #expect(r[3].fields == ["3", "第一行\n第二行\n第三行", "z"])
        #expect(r[4].fields == ["4", "", ""])
        #expect(r[5].fields == ["5", "\"", "w"])
        #expect(r.allSatisfy { $0.problem == nil })
    }

    @Test("blank lines are counted but not delivered")
    func blankLines() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("b.csv", "a,b\n\n1,2\n\n\n3,\"x\ny\"\n\n4,5"))
        #expect(r.map(\.line) == [1, 3, 6, 8])
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "x\ny"], ["4", "5"]])
    }

    @Test("a row of only commas is a row of empty fields, not a blank line")
    func commasOnly() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("c.csv", "a,b\n,\n1,2\n"))
        #expect(r.map(\.line) == [1, 2, 3])
        #expect(r[1].fields == ["", ""])
    }

    @Test("CRLF line ends; CRLF inside a quoted field becomes LF")
    func crlf() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("crlf.csv", "a,b\r\n1,\"x\r\ny\"\r\n\r\n2,3\r\n"))
        #expect(r.map(\.line) == [1, 2, 4])
        #expect(r.map(\.fields) == [["a", "b"], ["1", "x\ny"], ["2", "3"]])
    }

    @Test("a lone CR ends a line")
    func loneCR() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("cr.csv", "a,b\r1,2\r"))
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(r.map(\.line) == [1, 2])
    }

    @Test("UTF-8 with BOM: the BOM is not part of the first header")
    func bom() throws {
        let dir = TempDir()
        let (r, enc) = try rows(dir.write("bom.csv", data: Data([0xEF, 0xBB, 0xBF]) + Data("名称,代码\n甲,1\n".utf8)))
        #expect(enc == .utf8BOM)
        #expect(r[0].fields == ["名称", "代码"])
        #expect(r[0].fields[0].unicodeScalars.first == "名")
        #expect(r[1].fields == ["甲", "1"])
        #expect(r.map(\.line) == [1, 2])
    }

    @Test("GB18030 is detected and decoded")
    func gb() throws {
        let dir = TempDir()
        let text = "行政相对人名称,处罚机关\n周村区某某商行,\"区市场监管局,淄博\"\n㐀𠀀€,乙\n"
        let data = try #require(text.data(using: gb18030))
        #expect(data != Data(text.utf8))
        let (r, enc) = try rows(dir.write("gb.csv", data: data))
        #expect(enc == .gb18030)
        #expect(r.map(\.fields) == [["行政相对人名称", "处罚机关"], ["周村区某某商行", "区市场监管局,淄博"], ["㐀𠀀€", "乙"]])
    }

    @Test("a file without a final line break delivers its last row")
    func noFinalNewline() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("n.csv", "a,b\n1,2"))
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test("an empty file delivers nothing")
    func empty() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("e.csv", ""))
        #expect(r.isEmpty)
    }

    @Test("an unterminated quote at the end of the file is a row with a problem")
    func unterminatedQuote() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("u.csv", "a,b\n1,2\n周村区某某商行,\"法人及非法人组织\n3,4\n"))
        #expect(r.count == 3)
        #expect(r[1].problem == nil)
        #expect(r[2].line == 3)
        let problem = try #require(r[2].problem)
        #expect(problem.contains("引号"))
    }

    @Test("text after a closing quote is a problem of that row only")
    func textAfterQuote() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("t.csv", "a,b\n\"甲\"乙,2\n3,4\n"))
        #expect(r.count == 3)
        #expect(r[1].line == 2)
        #expect(r[1].problem != nil)
        #expect(r[2].fields == ["3", "4"])
        #expect(r[2].problem == nil)
    }

    @Test("a stray quote inside an unquoted field is kept as text")
    func strayQuote() throws {
        let dir = TempDir()
        let (r, _) = try rows(dir.write("s.csv", "a,b\n5\"寸,2\n"))
        #expect(r[1].fields == ["5\"寸", "2"])
        #expect(r[1].problem == nil)
    }

    @Test("a missing file throws CSVFileError")
    func missingFile() throws {
        let dir = TempDir()
        #expect(throws: CSVFileError.self) { try CSVReader.read(path: dir.file("nope.csv")) { _ in } }
    }

    @Test("bytes that are no text: that row has a problem, every other row is read with its line number")
    func undecodable() throws {
        let dir = TempDir()
        let path = dir.write(
            "bad.csv", data: Data("a,b\n1,".utf8) + Data([0xFF, 0xFF, 0x80]) + Data("\n2,x\n".utf8))
        let rows = try rows(path).rows
        #expect(rows.map(\.line) == [1, 2, 3])
        #expect(rows[1].problem?.contains("无法识别的字节") == true)
        #expect(rows[0].problem == nil && rows[2].problem == nil)
        #expect(rows[2].fields == ["2", "x"])
    }

    @Test("one damaged character in a UTF-8 export: only its row is lost, and it is said at its line")
    func damagedUTF8() throws {
        let dir = TempDir()
        var data = Data("编号,内容\n".utf8)
        for i in 1...100 {
            var line = Array("\(i),销售食品\n".utf8)
            // Row 51 (line 52): the first two bytes of 售 only, as a cut export leaves them.
            if i == 51 { line = Array("\(i),销".utf8) + Array("售".utf8).prefix(2) + Array("食品\n".utf8) }
            data += Data(line)
        }
        let (rows, encoding) = try rows(dir.write("cut.csv", data: data))
        #expect(encoding == .utf8)
        #expect(rows.count == 101)
        #expect(rows.filter { $0.problem != nil }.map(\.line) == [52])
        #expect(rows[50].fields == ["50", "销售食品"] && rows[100].fields == ["100", "销售食品"])
        #expect(rows[51].fields.first == "51")
    }

    @Test("a GB18030 export with one line that is not GB18030: only that row is lost")
    func damagedGB18030() throws {
        let dir = TempDir()
        let head = try #require("编号,内容\n1,销售食品\n".data(using: gb18030))
        let tail = try #require("3,销售食品\n".data(using: gb18030))
        let (rows, encoding) = try rows(
            dir.write("gbk.csv", data: head + Data("2,".utf8) + Data([0x81, 0x20]) + Data("\n".utf8) + tail))
        #expect(encoding == .gb18030)
        #expect(rows.map(\.line) == [1, 2, 3, 4])
        #expect(rows.filter { $0.problem != nil }.map(\.line) == [3])
        #expect(rows[1].fields == ["1", "销售食品"] && rows[3].fields == ["3", "销售食品"])
    }

    @Test("the first invalid byte of UTF-8 and of GB18030 is found")
    func firstInvalid() {
        #expect(TextEncoding.firstInvalidUTF8(Array("ab销售".utf8)[...]) == nil)
        #expect(TextEncoding.firstInvalidUTF8((Array("ab".utf8) + [0xE9, 0x94] + Array("x".utf8))[...]) == 2)
        #expect(TextEncoding.firstInvalidUTF8([0xED, 0xA0, 0x80][...]) == 0)  // a UTF-16 surrogate
        #expect(TextEncoding.firstInvalidGB18030([0x41, 0xCF, 0xFA, 0x81, 0x30, 0x81, 0x30][...]) == nil)
        #expect(TextEncoding.firstInvalidGB18030([0x41, 0xFF][...]) == 1)
        #expect(TextEncoding.firstInvalidGB18030([0x41, 0xCF][...]) == 1)
    }

    /// A file over ``CSVReader/chunkSize`` whose quoted, multi-line fields and multi-byte characters
    /// straddle the chunk boundary.
    func bigFile(records: Int) -> (text: String, rows: [[String]]) {
        var text = "序号,名称,违法事实\n"
        var expected: [[String]] = [["序号", "名称", "违法事实"]]
        for i in 0..<records {
            let name = "周村区第\(i)号商行,有限公司"
            let fact = "经查，当事人\"第\(i)次\"销售过期食品。\n第二行：罚款\(i)元。\r\n第三行，结束。"
            text += "\(i),\"\(name)\",\"\(fact.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
            expected.append(["\(i)", name, fact.replacingOccurrences(of: "\r\n", with: "\n")])
        }
        return (text, expected)
    }

    @Test("a file bigger than chunkSize with multi-line quoted fields across the boundary (UTF-8)")
    func bigUTF8() throws {
        let (text, expected) = bigFile(records: 20_000)
        let data = Data(text.utf8)
        #expect(data.count > 2 * CSVReader.chunkSize)
        let dir = TempDir()
        let (r, enc) = try rows(dir.write("big.csv", data: data))
        #expect(enc == .utf8)
        #expect(r.count == expected.count)
        #expect(r.map(\.fields) == expected)
        #expect(r.map(\.line) == Array(1...expected.count))
        #expect(r.allSatisfy { $0.problem == nil })
    }

    @Test("a chunk boundary inside a quoted field (the last line feed of the chunk is inside quotes)")
    func boundaryInsideQuotes() throws {
        // Pad so that a quoted field opens before the boundary, has a line feed just before it, and
        // continues with multi-byte characters across it.
        let n = CSVReader.chunkSize
        var text = "a,b\n"
        var count = 0
        while text.utf8.count < n - 200 {
            text += "\(count),填充\n"
            count += 1
        }
        let inside = String(repeating: "甲", count: 40)  // 120 bytes: from before to after the boundary
        let field = "开始\n" + String(repeating: "x", count: n - 100 - text.utf8.count) + "\n" + inside + inside
        text += "last,\"\(field)\"\nend,1\n"
        let bytes = Array(text.utf8)
        let lastLF = bytes[..<n].lastIndex(of: 0x0A)!
        let opening = bytes.firstIndex(of: 0x22)!
        let closing = bytes.lastIndex(of: 0x22)!
        #expect(opening < n && closing > n)
        #expect(lastLF > opening && lastLF < closing, "the chunk's last line feed lies inside the quoted field")
        let dir = TempDir()
        let (r, _) = try rows(dir.write("edge.csv", data: Data(bytes)))
        #expect(r.count == count + 3)
        let last = r[r.count - 2]
        #expect(last.fields == ["last", field])
        #expect(last.line == count + 2)
        #expect(r[r.count - 1].fields == ["end", "1"])
        #expect(r[r.count - 1].line == count + 3)
    }

    @Test("a GB18030 file bigger than chunkSize with multi-line quoted fields")
    func bigGB18030() throws {
        let (text, expected) = bigFile(records: 20_000)
        let data = try #require(text.data(using: gb18030))
        #expect(data.count > CSVReader.chunkSize)
        let dir = TempDir()
        let (r, enc) = try rows(dir.write("big-gb.csv", data: data))
        #expect(enc == .gb18030)
        #expect(r.count == expected.count)
        #expect(r.map(\.fields) == expected)
        #expect(r.last?.line == expected.count)
    }

    @Test("errors thrown by the row callback propagate")
    func callbackErrors() throws {
        struct Stop: Error {}
        let dir = TempDir()
        let path = dir.write("x.csv", "a\n1\n2\n")
        var seen = 0
        #expect(throws: Stop.self) {
            try CSVReader.read(path: path) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}
