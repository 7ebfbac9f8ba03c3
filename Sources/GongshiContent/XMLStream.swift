import Foundation

/// What ``XMLStream`` reports to the code that reads a workbook part.
protocol XMLStreamHandler {
    /// An opening (or self-closing, then `selfClosing` is true) tag; `name` without namespace prefix.
    mutating func start(_ name: Substring, _ tag: XMLTag, selfClosing: Bool) throws
    mutating func end(_ name: Substring) throws
    /// Character data between tags, entities decoded; may arrive in several pieces.
    mutating func text(_ text: String) throws
}

/// The attributes of one opening tag, parsed on demand (most tags of a worksheet are never asked).
struct XMLTag {
    let raw: String

    /// The value of attribute `name` (matched without namespace prefix), entities decoded.
    func attribute(_ name: String) -> String? {
        let bytes = Array(raw.utf8)
        let want = Array(name.utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            let keyStart = i
            var localStart = i
            while i < n, bytes[i] != 0x3D, bytes[i] != 0x20 {
                if bytes[i] == 0x3A { localStart = i + 1 }
                i += 1
            }
            let keyEnd = i
            while i < n, bytes[i] != 0x3D { i += 1 }
            i += 1
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            guard i < n, bytes[i] == 0x22 || bytes[i] == 0x27 else { return nil }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < n, bytes[i] != quote { i += 1 }
            guard i < n else { return nil }
            if bytes[localStart..<keyEnd].elementsEqual(want) || bytes[keyStart..<keyEnd].elementsEqual(want) {
                return bytes[valueStart..<i].withUnsafeBufferPointer { XMLStream.decodeEntities(bytes: $0) }
            }
            i += 1
        }
        return nil
    }
}

/// Why a workbook part is not well-formed enough to read.
struct XMLStreamError: Error {
    let message: String
}

/// A small push tokenizer for the XML of spreadsheet parts, fed in chunks as they come out of the
/// ZIP archive, so a worksheet of a gigabyte is read holding one chunk and one row.
///
/// Foundation's `XMLParser` can only pull from a stream on Linux, while ZIPFoundation pushes
/// decompressed chunks to a closure; joining the two needs a thread or a temporary file of the whole
/// part. SpreadsheetML uses a small, regular subset of XML (no DTDs, few entities), which this covers:
/// tags with quoted attributes, character data with the five named and numeric entities, CDATA,
/// comments and processing instructions (skipped).
struct XMLStream {
    private var pending: [UInt8] = []
    /// Where the last scan stopped looking for the end of the unfinished token `pending` starts with,
    /// and the quote it was inside: a text or tag longer than a chunk is looked through once, not again
    /// with every chunk (a cell of 60 MB took 50 s).
    private var resume = Resume()
    /// Guards against a part that never closes a tag: more than this unconsumed is not a spreadsheet.
    static let maxToken = 64 << 20

    struct Resume {
        var at = 0
        var quote: UInt8 = 0
    }

    mutating func feed<H: XMLStreamHandler>(_ chunk: Data, _ handler: inout H) throws {
        pending.append(contentsOf: chunk)
        let (used, next) = try scan(&handler, final: false)
        pending.removeFirst(used)
        resume = next
        if pending.count > XMLStream.maxToken { throw XMLStreamError(message: "XML 标记过长") }
    }

    mutating func finish<H: XMLStreamHandler>(_ handler: inout H) throws {
        let (used, _) = try scan(&handler, final: true)
        pending.removeFirst(used)
        resume = Resume()
    }

    /// Consumes complete tokens from `pending`; returns how many bytes were used, and where to resume
    /// looking for the end of the unfinished token after them.
    private func scan<H: XMLStreamHandler>(_ handler: inout H, final: Bool) throws -> (Int, Resume) {
        let resume = resume
        return try pending.withUnsafeBufferPointer { buf -> (Int, Resume) in
            let n = buf.count
            var i = 0
            /// Unfinished at `i`, looked through to `j`.
            func unfinished(_ j: Int, quote: UInt8 = 0) -> (Int, Resume) { (i, Resume(at: j - i, quote: quote)) }
            while i < n {
                // The first token's search goes on where the last scan's stopped (3 bytes back, for a
                // pattern such as "-->" split across the two).
                let from = i == 0 ? max(0, resume.at - 2) : 0
                if buf[i] != 0x3C {  // text up to the next '<'
                    var j = max(i, from)
                    while j < n, buf[j] != 0x3C { j += 1 }
                    if j == n && !final { return unfinished(j) }
                    try handler.text(XMLStream.decodeEntities(bytes: UnsafeBufferPointer(rebasing: buf[i..<j])))
                    i = j
                    continue
                }
                // buf[i] == '<'
                if XMLStream.matches(buf, i, "<!--") {
                    guard let e = XMLStream.find(buf, from: max(i + 4, from), "-->") else {
                        return final ? (n, Resume()) : unfinished(n)
                    }
                    i = e + 3
                } else if XMLStream.matches(buf, i, "<![CDATA[") {
                    guard let e = XMLStream.find(buf, from: max(i + 9, from), "]]>") else {
                        return final ? (n, Resume()) : unfinished(n)
                    }
                    try handler.text(String(decoding: UnsafeBufferPointer(rebasing: buf[(i + 9)..<e]), as: UTF8.self))
                    i = e + 3
                } else if i + 1 < n, buf[i + 1] == 0x3F || buf[i + 1] == 0x21 {  // <? … ?> and <!DOCTYPE …>
                    guard let e = XMLStream.find(buf, from: max(i + 2, from), ">") else {
                        return final ? (n, Resume()) : unfinished(n)
                    }
                    i = e + 1
                } else {
                    // A tag: find its '>' outside quoted attribute values (resumed exactly, quote and all).
                    var j = i == 0 && resume.at > 1 ? resume.at : i + 1
                    var quote: UInt8 = i == 0 && resume.at > 1 ? resume.quote : 0
                    while j < n {
                        let b = buf[j]
                        if quote != 0 {
                            if b == quote { quote = 0 }
                        } else if b == 0x22 || b == 0x27 {
                            quote = b
                        } else if b == 0x3E {
                            break
                        }
                        j += 1
                    }
                    guard j < n else {
                        if final { throw XMLStreamError(message: "XML 在标记中途结束") }
                        return unfinished(j, quote: quote)
                    }
                    try XMLStream.tag(UnsafeBufferPointer(rebasing: buf[(i + 1)..<j]), &handler)
                    i = j + 1
                }
            }
            return (n, Resume())
        }
    }

    /// One tag's bytes between `<` and `>`. Names and the attribute text of spreadsheet tags are
    /// short enough for Swift's small strings, so a cell costs no heap allocation here.
    private static func tag<H: XMLStreamHandler>(_ body: UnsafeBufferPointer<UInt8>, _ handler: inout H) throws {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var end = body.count
        while end > 0, isSpace(body[end - 1]) { end -= 1 }
        guard end > 0 else { return }
        let closing = body[0] == 0x2F
        var start = closing ? 1 : 0
        let selfClosing = !closing && body[end - 1] == 0x2F
        if selfClosing { end -= 1 }
        while start < end, isSpace(body[start]) { start += 1 }
        var nameEnd = start
        var nameStart = start
        while nameEnd < end, !isSpace(body[nameEnd]) {
            if body[nameEnd] == 0x3A { nameStart = nameEnd + 1 }  // drop a namespace prefix
            nameEnd += 1
        }
        let name = Substring(String(decoding: UnsafeBufferPointer(rebasing: body[nameStart..<nameEnd]), as: UTF8.self))
        if closing {
            try handler.end(name)
            return
        }
        let raw =
            nameEnd < end ? String(decoding: UnsafeBufferPointer(rebasing: body[nameEnd..<end]), as: UTF8.self) : ""
        try handler.start(name, XMLTag(raw: raw), selfClosing: selfClosing)
        if selfClosing { try handler.end(name) }
    }

    private static func matches(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= buf.count else { return false }
        let p = s.utf8Start
        for k in 0..<count where buf[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ buf: UnsafeBufferPointer<UInt8>, from: Int, _ s: StaticString) -> Int? {
        var i = from
        while i < buf.count {
            if matches(buf, i, s) { return i }
            i += 1
        }
        return nil
    }

    static func decodeEntities(bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(0x26) ? decodeEntities(Substring(s)) : s
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#NN;` `&#xHH;`; anything else is kept as written.
    static func decodeEntities(_ s: Substring) -> String {
        guard s.contains("&") else { return String(s) }
        var out = ""
        var rest = s
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    if let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                        decoded = String(Character(u))
                    }
                } else if name.hasPrefix("#") {
                    if let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { decoded = String(Character(u)) }
                }
            }
            if let d = decoded {
                out += d
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }
}
