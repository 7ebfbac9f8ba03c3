import Foundation
import GongshiModel

/// Escaping for the text Gongshi writes outside templates: XML feeds, sitemap, OPML, JSON-in-HTML.
public enum Escape {
    /// Escapes `& < > " '` for XML and HTML text and attributes.
    public static func xml(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 || $0 < 32 }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t", "\r": out.unicodeScalars.append(ch)
            default:
                // Control characters are not allowed in XML 1.0.
                if ch.value < 32 { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A JSON string literal (quotes, backslashes and control characters escaped).
    public static func json(_ s: String) -> String {
        // Most values need no escaping at all: check the bytes first.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C }) { return "\"" + s + "\"" }
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe to embed in HTML
            default:
                if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }

    /// Escapes a CSV field for the open data (quoted when needed), as the ledger is written.
    public static func csv(_ s: String) -> String { csvQuoted(s) }
}
