import Foundation
import GongshiModel

#if canImport(Glibc)
    import Glibc
#endif

/// The ledger as read from disk: its events, and how its bytes are written (encoding, line ending),
/// so that a build appends in the file's own encoding.
public struct LedgerFile: Sendable {
    public var events: [LedgerEvent]
    public var encoding: TextEncoding
    /// "\n", or "\r\n" for a ledger re-saved by Excel.
    public var lineEnding: String
    /// The file's bytes as read (empty for a missing ledger).
    public var bytes: [UInt8]
    /// The text of a GB18030 file in UTF-8, as decoded once when it was read.
    var decoded: ArraySlice<UInt8>?

    public static let empty = LedgerFile(events: [], encoding: .utf8, lineEnding: "\n", bytes: [])

    public init(events: [LedgerEvent], encoding: TextEncoding, lineEnding: String, bytes: [UInt8]) {
        self.events = events
        self.encoding = encoding
        self.lineEnding = lineEnding
        self.bytes = bytes
    }

    /// The bytes of the whole file after appending `events`, in the file's encoding and line ending
    /// (a new ledger starts with the header). Nil when an event cannot be encoded that way.
    public func appending(_ new: [LedgerEvent]) -> [UInt8]? {
        appendix(new).map { bytes + $0 }
    }

    /// The file's text as Gongshi writes a ledger (UTF-8 without BOM, LF line ends): what a ledger
    /// re-saved by Excel in GB18030, with a BOM or with CRLF still says. Nil when it is already so.
    public var asWritten: [UInt8]? {
        guard encoding != .utf8 || lineEnding != "\n",
            var text = (decoded ?? LedgerReader.utf8(of: bytes, in: encoding)).map(Array.init)
        else { return nil }
        if lineEnding == "\r\n" {
            var lf: [UInt8] = []
            lf.reserveCapacity(text.count)
            for (i, b) in text.enumerated() where !(b == 0x0D && i + 1 < text.count && text[i + 1] == 0x0A) {
                lf.append(b)
            }
            text = lf
        }
        return text
    }

    /// How the file was re-saved, as a message says it (「GB18030 编码、Windows 换行」); nil when it is as
    /// Gongshi writes it.
    public var resaving: String? {
        var how: [String] = []
        if encoding == .gb18030 { how.append("GB18030 编码") }
        if encoding == .utf8BOM { how.append("带 BOM 的 UTF-8") }
        if lineEnding == "\r\n" { how.append("Windows 换行（CRLF）") }
        return how.isEmpty ? nil : how.joined(separator: "、")
    }

    /// The bytes `appending(_:)` adds after the file's own, nil when an event cannot be encoded.
    public func appendix(_ new: [LedgerEvent]) -> [UInt8]? {
        var text = ""
        if bytes.isEmpty {
            text += LedgerReader.header + lineEnding
        } else if bytes.last != 0x0A && bytes.last != 0x0D {
            text += lineEnding
        }
        for e in new { text += e.csvLine + lineEnding }
        switch encoding {
        case .utf8, .utf8BOM:
            return Array(text.utf8)
        case .gb18030:
            guard let data = text.data(using: TextEncoding.foundationGB18030),
                String(data: data, encoding: TextEncoding.foundationGB18030) == text
            else { return nil }
            return [UInt8](data)
        }
    }
}

/// Reads `Content/ledger.csv` (`日期,事件,类型,记录键,摘要`). A missing ledger is an empty history.
///
/// The ledger is the proof of when each record was disclosed, so nothing in it is ever skipped or
/// guessed: a file that cannot be read or decoded, or any malformed line, throws a ``SiteError`` with
/// the file and line (exit status 2), and the build writes nothing. UTF-8 (with or without BOM) is
/// read; a ledger whose header line is not UTF-8 is read as GB18030 (Excel's "CSV" re-save) and
/// appended to in GB18030, CRLF kept.
public enum LedgerReader {
    public static let header = "日期,事件,类型,记录键,摘要"

    public static func read(path: String, file: String) throws(SiteError) -> LedgerFile {
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT { return .empty }
            let why = errno == EACCES ? "没有权限访问它所在的文件夹" : errno == ENAMETOOLONG ? "路径太长" : "系统错误 \(errno)"
            throw SiteError(file: file, message: "无法读取台账（\(why)）。请检查该文件和文件夹的权限；台账未改动，构建已停止。")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw SiteError(file: file, message: "台账应是一个普通文件。请把它恢复为 CSV 文件；构建已停止。")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let why = access(path, R_OK) != 0 ? "没有读取权限，请检查该文件的权限" : "读取出错，请检查磁盘"
            throw SiteError(file: file, message: "无法读取台账：\(why)。台账未改动，构建已停止。")
        }
        return try parse(bytes: [UInt8](data), file: file)
    }

    /// Parses the bytes of a ledger file, cut into about `pieces` runs of rows parsed on every core.
    public static func parse(
        bytes: [UInt8], file: String, pieces: Int = 2 * ProcessInfo.processInfo.activeProcessorCount
    ) throws(SiteError) -> LedgerFile {
        if bytes.isEmpty { return .empty }
        let firstLineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
        let lineEnding = firstLineEnd > 0 && bytes[firstLineEnd - 1] == 0x0D ? "\r\n" : "\n"
        var encoding = TextEncoding.utf8
        var utf8: ArraySlice<UInt8> = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8BOM
            utf8 = Self.utf8(of: bytes, in: .utf8BOM) ?? utf8
        }
        if let bad = firstInvalidUTF8Line(utf8) {
            if bad == 1 && encoding == .utf8 {
                // The header itself is not UTF-8: an Excel re-save in GB18030, or nothing we can read.
                guard let text = Self.utf8(of: bytes, in: .gb18030) else {
                    throw SiteError(
                        file: file, line: 1, message: "台账既不是 UTF-8 也不是 GB18030 编码，无法读取。请从备份恢复台账；台账未改动，构建已停止。")
                }
                encoding = .gb18030
                utf8 = text
            } else {
                throw SiteError(
                    file: file, line: bad, message: "台账此行有无效的 UTF-8 字节（文件可能已损坏或被其他编码另存）。请从备份恢复或修正此行；台账未改动，构建已停止。")
            }
        }
        let events = try parseEvents(utf8, file: file, pieces: pieces)
        var ledger = LedgerFile(events: events, encoding: encoding, lineEnding: lineEnding, bytes: bytes)
        if encoding == .gb18030 { ledger.decoded = utf8 }
        return ledger
    }

    /// The UTF-8 text of a ledger's bytes in `encoding`: without its BOM, or decoded from GB18030 (nil
    /// when they are not GB18030).
    static func utf8(of bytes: [UInt8], in encoding: TextEncoding) -> ArraySlice<UInt8>? {
        switch encoding {
        case .utf8: return bytes[...]
        case .utf8BOM: return bytes.dropFirst(3)
        case .gb18030:
            return String(data: Data(bytes), encoding: TextEncoding.foundationGB18030).map { Array($0.utf8)[...] }
        }
    }

    /// The 1-based physical line of the first invalid UTF-8 byte, or nil when all of it is valid.
    static func firstInvalidUTF8Line(_ bytes: ArraySlice<UInt8>) -> Int? {
        if TextEncoding.isValidUTF8(bytes) { return nil }
        var line = 1
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            if !TextEncoding.isValidUTF8(bytes[start..<end]) { return line }
            line += 1
            start = end == bytes.endIndex ? end : end + 1
        }
        return line
    }

    /// The events of the ledger's text, its pieces parsed on every core: a province's ledger has
    /// millions of lines, and every build reads it whole. The first problem in the file's order stops
    /// it, with its line, as a reading from the top would.
    private static func parseEvents(_ utf8: ArraySlice<UInt8>, file: String, pieces: Int) throws(SiteError)
        -> [LedgerEvent]
    {
        let parsed = ParallelMap.map(rowPieces(utf8, count: pieces)) { range in
            parsePiece(utf8[range], first: range.lowerBound == utf8.startIndex)
        }
        var events: [LedgerEvent] = []
        events.reserveCapacity(parsed.reduce(0) { $0 + $1.events.count })
        var linesBefore = 0
        for piece in parsed {
            if let problem = piece.problem {
                let line = problem.line == 0 ? 0 : problem.line + linesBefore
                throw SiteError(
                    file: file, line: line,
                    message: problem.message + "。台账是公示时间的证明，不能跳过有问题的行：请修正此行或从备份恢复；台账未改动，构建已停止。")
            }
            events += piece.events
            linesBefore += piece.lines
        }
        return events
    }

    /// What one piece of the ledger's text holds: its events and rows (blank ones counted), or its first
    /// problem with its row counted from the piece's start (0: not tied to a row).
    private struct Piece: Sendable {
        var events: [LedgerEvent] = []
        var lines = 0
        var problem: (line: Int, message: String)?
    }

    /// Cuts `bytes` into about `count` runs of whole rows: each cut follows a line feed outside quotes
    /// (a quoted field may hold line breaks).
    /// A text under `minimumPiece` bytes is one piece.
    static func rowPieces(_ bytes: ArraySlice<UInt8>, count: Int, minimumPiece: Int = 1 << 15) -> [Range<Int>] {
        let size = bytes.count
        guard count > 1, size >= 2 * minimumPiece else { return [bytes.startIndex..<bytes.endIndex] }
        var cuts = [bytes.startIndex]
        var quoted = false
        var next = bytes.startIndex + size / count
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x22 {
                    quoted.toggle()
                } else if c == 0x0A && !quoted && bytes.startIndex + i >= next {
                    cuts.append(bytes.startIndex + i + 1)
                    next = bytes.startIndex + i + 1 + size / count
                }
                i += 1
            }
        }
        cuts.append(bytes.endIndex)
        return zip(cuts, cuts.dropFirst()).compactMap { $0 < $1 ? $0..<$1 : nil }
    }

    /// Parses one run of whole rows; `first`: the run the file starts with (its header row is skipped).
    private static func parsePiece(_ utf8: ArraySlice<UInt8>, first: Bool) -> Piece {
        var piece = Piece()
        var atHeader = first
        var parser = CSVParser()
        struct Problem: Error {
            let line: Int
            let message: String
        }
        let handle: (CSVRow) throws -> Void = { row in
            func fail(_ message: String) -> Problem { Problem(line: row.line, message: message) }
            if atHeader {
                atHeader = false
                let first = row.fields.first?.trimmingWhitespace() ?? ""
                if first == "日期" { return }
                // A header renamed (date,event,…): said as such, not as a bad date.
                if LocalDate(parsing: first) == nil && row.fields.count >= 4 && !first.contains(where: \.isNumber) {
                    throw fail("台账第1行应为表头「\(LedgerReader.header)」，实为「\(row.fields.joined(separator: ","))」")
                }
            }
            if let p = row.problem { throw fail("台账此行 CSV 格式错误：\(p)") }
            let f = row.fields.map { $0.trimmingWhitespace() }
            guard f.count == 4 || f.count == 5 else {
                throw fail("台账行应有 5 列：日期,事件,类型,记录键,摘要（此行有 \(f.count) 列）")
            }
            guard let date = LocalDate(parsing: f[0]) else { throw fail("台账日期「\(f[0])」无效，应为 YYYY-MM-DD") }
            guard let ev = LedgerEvent.Kind(rawValue: f[1]) else { throw fail("台账事件「\(f[1])」无法识别") }
            guard let kind = RecordKind(rawValue: f[2]) else { throw fail("台账类型「\(f[2])」应为 xzxk、xzcf 或 mingdan") }
            guard !f[3].isEmpty else { throw fail("台账记录键为空") }
            // A key names its kind first (xzcf:区市场监管局:…): the two must agree. Read without a string
            // made per line: a province's ledger has a million.
            let named = f[3].prefix { $0 != ":" }
            if named != f[3], named != kind.rawValue, RecordKind(rawValue: String(named)) != nil {
                throw fail("台账类型「\(f[2])」与记录键的类型「\(named)」不一致")
            }
            piece.events.append(
                LedgerEvent(date: date, event: ev, kind: kind, key: f[3], digest: f.count > 4 ? f[4] : ""))
        }
        do {
            try parser.feed(utf8, handle)
            if let row = parser.finish() { try handle(row) }
        } catch let p as Problem {
            piece.problem = (p.line, p.message)
        } catch {
            piece.problem = (0, "读取台账出错")
        }
        piece.lines = parser.currentLine - 1
        return piece
    }
}
