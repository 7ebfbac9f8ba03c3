import Foundation

/// One CSV record as read: its row number as Excel shows it (header = 1; a quoted field spanning
/// several physical lines still counts as one row) and its fields, or why the row is malformed.
public struct CSVRow: Sendable {
    public let line: Int
    public let fields: [String]
    /// Set when the row is malformed (text after a closing quote, unterminated quote).
    public let problem: String?
    /// Line breaks inside its quoted fields: the physical lines it spans beyond its first. A quote
    /// left open joins the rows after it into this one, and a reader that withholds it counts them.
    public var extraLines = 0
}

/// Why a whole file could not be read.
public struct CSVFileError: Error, Sendable {
    public let line: Int
    public let message: String
}

/// A streaming RFC 4180 reader for departments' exports: UTF-8 with or without BOM, or GB18030,
/// CRLF or LF, quoted fields with commas, quotes and line breaks.
///
/// It reads the file in chunks and never holds more than one chunk and one row in memory, so a 1 GB
/// export needs a few megabytes. The parser works on UTF-8 bytes: `,` `"` CR and LF are ASCII and
/// never occur inside a multi-byte UTF-8 character, and GB18030 chunks are transcoded first
/// (GB18030 trail bytes are ≥ 0x30, so a chunk cut after LF never splits a character).
public struct CSVReader {
    public static let chunkSize = 1 << 20
    /// The longest record read (a quote left open swallows the rest of the file into one field):
    /// beyond it the file is refused rather than held in memory.
    public static let maxRowBytes = 64 << 20

    /// Reads `path`, calling `onRow` for every record in order, blank lines skipped (but counted).
    /// Throws ``CSVFileError`` when the file cannot be opened (or is not a regular file: a FIFO is
    /// never waited on), is larger than `limit` bytes, or its text cannot be decoded; rows delivered
    /// before a decoding error stay delivered. `chunkSize` is for tests and fuzzing of chunk boundaries.
    @discardableResult
    public static func read(
        path: String, limit: Int64 = InputFile.Limit.data, chunkSize: Int = chunkSize,
        onRow: (CSVRow) throws -> Void
    ) throws -> TextEncoding {
        let fd: Int32
        do { fd = try InputFile.open(path) } catch { throw CSVFileError(line: 0, message: error.message) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var parser = CSVParser()
        var pending: [UInt8] = []
        var encoding: TextEncoding?
        var eof = false
        var total: Int64 = 0
        while !eof {
            let chunk: Data
            do { chunk = try handle.read(upToCount: max(1, chunkSize)) ?? Data() } catch {
                throw CSVFileError(line: 0, message: "读取文件出错（是否为文件夹，或没有读取权限？）")
            }
            if chunk.isEmpty { eof = true }
            total += Int64(chunk.count)
            if total > limit {
                throw CSVFileError(line: 0, message: InputFile.tooLarge(total, limit))
            }
            let searchFrom = pending.count
            pending.append(contentsOf: chunk)
            // Process up to the last line feed; keep the rest for the next chunk. Only the new bytes
            // are searched, so a file without line feeds is not scanned again for every chunk.
            let cut: Int
            if eof {
                cut = pending.count
            } else if let nl = pending[searchFrom...].lastIndex(of: 0x0A) {
                cut = nl + 1
            } else {
                if pending.count > maxRowBytes { throw rowTooLong(parser.currentLine) }
                continue
            }
            let detected: TextEncoding
            let first = encoding == nil
            if let known = encoding {
                detected = known
            } else {
                // Excel's 「Unicode 文本」 is UTF-16: no row of it is text in either encoding.
                if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) {
                    throw CSVFileError(
                        line: 0,
                        message: "文件是 UTF-16 编码（Excel 的「Unicode 文本」），无法读取：请在 Excel 或 WPS 中另存为「CSV UTF-8（逗号分隔）」")
                }
                detected = TextEncoding.detect(Array(pending[..<cut]))
                encoding = detected
                if detected == .utf8BOM {
                    pending.removeFirst(3)
                    try process(&pending, cut - 3, detected, first: true, &parser, onRow)
                    continue
                }
            }
            try process(&pending, cut, detected, first: first, &parser, onRow)
            if parser.rowBytes > maxRowBytes { throw rowTooLong(parser.currentLine) }
        }
        if let row = parser.finish() { try onRow(row) }
        return encoding ?? .utf8
    }

    static func rowTooLong(_ line: Int) -> CSVFileError {
        CSVFileError(line: 0, message: "第\(line)行超过 \(maxRowBytes >> 20) MB（可能是引号未闭合），此后的行未读取")
    }

    /// - Parameter first: the file's first segment, which the encoding was detected from: when most of
    ///   its lines are text in neither encoding, the file is in some other one (a binary file), not an
    ///   export with a few damaged characters, and is refused whole.
    private static func process(
        _ pending: inout [UInt8], _ cut: Int, _ encoding: TextEncoding, first: Bool,
        _ parser: inout CSVParser, _ onRow: (CSVRow) throws -> Void
    ) throws {
        guard cut > 0 else { return }
        let segment = pending[..<cut]
        switch encoding {
        case .utf8, .utf8BOM:
            if TextEncoding.isValidUTF8(segment) {
                try parser.feed(segment, onRow)
            } else {
                try feedLines(segment, encoding, &parser, onRow)
            }
        case .gb18030:
            if let utf8 = TextEncoding.gb18030ToUTF8(segment) {
                try parser.feed(utf8[...], onRow)
            } else {
                // A UTF-8 sample is detected as such only when most of its lines are: asked of GB18030.
                guard !first || TextEncoding.mostLinesAreGB18030(segment) else {
                    throw CSVFileError(
                        line: 0,
                        message: "文件编码无法识别：大部分行既不是 UTF-8 也不是 GB18030（可能是其他编码或不是文本文件），无法读取：请另存为「CSV UTF-8（逗号分隔）」")
                }
                try feedLines(segment, encoding, &parser, onRow)
            }
        }
        pending.removeFirst(cut)
    }

    /// Feeds a segment that does not decode whole, line by line: a line that decodes is read as usual;
    /// in one that does not, what comes before its first bad byte is read, the row the bad byte is in is
    /// marked (a `bad-file` on that row: it is not published) and the rest of the line is read with the
    /// bad bytes replaced, so that every other row keeps its cells and its line number.
    private static func feedLines(
        _ segment: ArraySlice<UInt8>, _ encoding: TextEncoding, _ parser: inout CSVParser,
        _ onRow: (CSVRow) throws -> Void
    ) throws {
        var start = segment.startIndex
        while start < segment.endIndex {
            let end = segment[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? segment.endIndex
            let line = segment[start..<end]
            start = end
            if encoding == .gb18030 {
                if let utf8 = TextEncoding.gb18030ToUTF8(line) {
                    try parser.feed(utf8[...], onRow)
                    continue
                }
                var bad = TextEncoding.firstInvalidGB18030(line) ?? line.startIndex
                var before: [UInt8] = []
                if let decoded = TextEncoding.gb18030ToUTF8(line[..<bad]) {
                    before = decoded
                } else {
                    bad = line.startIndex
                }
                try parser.feed(before[...], onRow)
                parser.noteUndecodable("GB18030")
                // ASCII (the commas, quotes and line break) is kept; every other byte stands for a lost character.
                let rest = line[bad...].flatMap { $0 < 0x80 ? [$0] : [0xEF, 0xBF, 0xBD] }
                try parser.feed(rest[...], onRow)
            } else {
                guard let bad = TextEncoding.firstInvalidUTF8(line) else {
                    try parser.feed(line, onRow)
                    continue
                }
                try parser.feed(line[..<bad], onRow)
                parser.noteUndecodable("UTF-8")
                try parser.feed(Array(String(decoding: line[bad...], as: UTF8.self).utf8)[...], onRow)
            }
        }
    }
}

/// The byte-level state machine behind ``CSVReader``; its state survives across chunks.
struct CSVParser {
    private var fields: [String] = []
    private var fieldsBytes = 0
    private var field: [UInt8] = []
    private var inQuotes = false
    private var wasQuoted = false
    private var afterClosingQuote = false
    private var problem: String?
    private var rowHasContent = false
    private var extraLines = 0
    /// Row number of the record being read.
    private(set) var currentLine = 1
    /// Bytes of the record being read so far.
    var rowBytes: Int { fieldsBytes + field.count }

    mutating func feed(_ bytes: ArraySlice<UInt8>, _ onRow: (CSVRow) throws -> Void) throws {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {  // "
                    if i + 1 < end, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                } else if b == 0x0D, i + 1 < end, bytes[i + 1] == 0x0A {
                    // CRLF inside a quoted field becomes LF.
                } else {
                    if b == 0x0A { extraLines += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x2C:  // ,
                endField()
                rowHasContent = true
            case 0x0A:  // LF
                if let row = endRow() { try onRow(row) }
            case 0x0D:  // CR: part of CRLF or CR CR LF (a CRLF file saved again in text mode), or a lone CR line end
                if i + 2 < end, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { break }
                if !(i + 1 < end && bytes[i + 1] == 0x0A) { if let row = endRow() { try onRow(row) } }
            case 0x22:  // "
                if field.isEmpty && !wasQuoted && !afterClosingQuote {
                    inQuotes = true
                    wasQuoted = true
                    rowHasContent = true
                } else if afterClosingQuote {
                    noteProblem("字段的引号后还有多余的引号")
                } else {
                    field.append(b)  // a stray quote inside an unquoted field is kept as text
                }
            default:
                if afterClosingQuote, b != 0x20, b != 0x09 {
                    noteProblem("字段的结束引号后还有其他字符")
                }
                if !afterClosingQuote { field.append(b) }
                rowHasContent = true
            }
            i += 1
        }
    }

    /// Delivers the last row of a file that does not end with a line break.
    mutating func finish() -> CSVRow? {
        if inQuotes {
            noteProblem("引号未闭合：字段以引号开始，但直到文件末尾都没有结束引号")
            inQuotes = false
            // The file's last line break ends its last line; it joins no further one.
            while field.last == 0x0A || field.last == 0x0D {
                if field.removeLast() == 0x0A { extraLines -= 1 }
            }
            rowHasContent = true
        }
        guard rowHasContent || !field.isEmpty || !fields.isEmpty else { return nil }
        return endRow()
    }

    /// The row being read holds bytes that are not text in the file's encoding.
    mutating func noteUndecodable(_ encoding: String) {
        rowHasContent = true
        noteProblem("含有无法识别的字节（不是有效的 \(encoding) 文字），请改正此行，或将整个文件另存为 UTF-8")
    }

    private mutating func noteProblem(_ message: String) {
        if problem == nil { problem = message }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        fieldsBytes += field.count + 1
        field.removeAll(keepingCapacity: true)
        wasQuoted = false
        afterClosingQuote = false
    }

    private mutating func endRow() -> CSVRow? {
        let line = currentLine
        currentLine += 1
        if !rowHasContent && field.isEmpty && fields.isEmpty {
            problem = nil
            return nil  // a blank line: counted, not delivered
        }
        endField()
        let row = CSVRow(line: line, fields: fields, problem: problem, extraLines: extraLines)
        extraLines = 0
        fields.removeAll(keepingCapacity: true)
        fieldsBytes = 0
        problem = nil
        rowHasContent = false
        return row
    }
}
