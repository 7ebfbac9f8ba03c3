import Foundation
import GongshiModel

/// Escaping for the text Gongshi writes outside templates: XML feeds, sitemap, OPML, JSON-in-HTML.
public enum Escape {
    /// Escapes `& < > " '` for XML and HTML text and attributes.
    public static func xml(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 || $0 < 32 }) else {
            return s
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 64)
        appendXML(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` escaped as ``xml(_:)`` escapes it, in one pass that copies the runs between the
    /// bytes it escapes or drops.
    static func appendXML(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendXML($0, to: &out) }
    }

    static func appendXML(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Bytes, not scalars: every character escaped or dropped is ASCII, so a UTF-8 sequence passes whole.
        var run = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            // Above `>` nothing is escaped: letters and every byte of a Chinese character.
            if b > 62 || (b >= 32 && b != 38 && b != 60 && b != 62 && b != 34 && b != 39) { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            run = i + 1
            // Control characters but tab and line ends are not allowed in XML 1.0.
            if !appendEntity(b, to: &out), b == 10 || b == 9 || b == 13 { out.append(b) }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// Appends `s` with `& < > " '` as entities and every other byte as it is (the escaping of
    /// ``FastHTMLEscaping`` and the compiled templates), copying the runs between them.
    static func appendHTML(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b > 62 || (b != 38 && b != 60 && b != 62 && b != 34 && b != 39) { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                _ = appendEntity(b, to: &out)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    /// Appends the entity of `b` when it is one of `& < > " '` (the ones HTML and XML text and
    /// attributes need escaped) and says whether it did.
    @inline(__always)
    static func appendEntity(_ b: UInt8, to out: inout [UInt8]) -> Bool {
        switch b {
        case 38: out.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
        case 60: out.append(contentsOf: [38, 108, 116, 59])  // &lt;
        case 62: out.append(contentsOf: [38, 103, 116, 59])  // &gt;
        case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
        case 39: out.append(contentsOf: [38, 35, 51, 57, 59])  // &#39;
        default: return false
        }
        return true
    }

    /// A JSON string literal (quotes, backslashes and control characters escaped).
    public static func json(_ s: String) -> String {
        // Most values need no escaping at all: check the bytes first.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C }) { return "\"" + s + "\"" }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        appendJSON(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON string literal of `s` (as ``json(_:)`` makes it), in one pass that copies the
    /// runs between the bytes it escapes.
    static func appendJSON(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendJSON($0, to: &out) }
    }

    static func appendJSON(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(34)
        var run = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            // Above `\` nothing is escaped: letters and every byte of a Chinese character.
            if b > 92 || (b >= 32 && b != 34 && b != 60 && b != 92) { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            run = i + 1
            switch b {
            case 34: out.append(contentsOf: [92, 34])  // \"
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, 110])  // \n
            case 13: out.append(contentsOf: [92, 114])  // \r
            case 9: out.append(contentsOf: [92, 116])  // \t
            case 60: out.append(contentsOf: [92, 117, 48, 48, 51, 99])  // \u003c: safe to embed in HTML
            default: out.append(contentsOf: [92, 117, 48, 48, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        out.append(34)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Escapes a CSV field for the open data (quoted when needed), as the ledger is written. A value
    /// that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`) is opened by an
    /// apostrophe, so that Excel, which the open data is made for (SPEC §5.4), shows it as text; a
    /// signed number (-5, +0.5) is left as it is. JSON and the workbook carry every value as written.
    public static func csv(_ s: String) -> String {
        var s = s
        if let first = s.utf8.first, formulaStart(first, s.utf8.dropFirst()) { s = "'" + s }
        // Most values hold none of the bytes that can need quoting: skip csvQuoted's scan by Character.
        guard s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return s }
        return csvQuoted(s)
    }

    /// Whether a CSV field opening with `first` (then `rest`) would be read as a formula: `=` or `@`, a
    /// tab or a carriage return, or `+` / `-` before anything but a number.
    private static func formulaStart(_ first: UInt8, _ rest: Substring.UTF8View.SubSequence) -> Bool {
        switch first {
        case 0x3D, 0x40, 0x09, 0x0D: return true
        case 0x2B, 0x2D:
            return !rest.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2C || $0 == 0x20 }
        default: return false
        }
    }
}
