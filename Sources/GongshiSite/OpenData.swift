import Foundation
import GongshiModel
import GongshiRules

extension Renderer {
    /// `/data/xzxk.csv|json`, `/data/xzcf.*`, `/data/mingdan.*`: what is public, masked as on the
    /// pages, national column names plus 页面. CSV in UTF-8 with BOM so that Excel opens it.
    func renderOpenData(_ index: SiteIndex, _ out: CountingSink) throws {
        for kind in RecordKind.allCases {
            let columns = kind.schema.fields.filter { $0.role != .secret }.map(\.name)
            var rows: [([PublishedField], String)] = []
            if kind == .mingdan {
                rows = publication.listEntries.map { ($0.fields, context.url(Views.listPath(isRed: $0.isRed, id: $0.listID) + "#" + $0.id)) }
            } else {
                rows = (index.byKind[kind] ?? []).map { publication.records[$0] }.map { ($0.fields, context.url(Views.recordPath($0))) }
            }
            var csv = "\u{FEFF}" + (columns + ["页面"]).map(Escape.csv).joined(separator: ",") + "\r\n"
            var json = "[\n"
            for (n, (fields, url)) in rows.enumerated() {
                let values = fields.map(\.value) + [url]
                csv += values.map(Escape.csv).joined(separator: ",") + "\r\n"
                json += "  {" + zip(columns + ["页面"], values).map { "\(jsonString($0)): \(jsonString($1))" }.joined(separator: ", ")
                json += n == rows.count - 1 ? "}\n" : "},\n"
            }
            json += "]\n"
            try out.write("data/\(kind.rawValue).csv", csv)
            try out.write("data/\(kind.rawValue).json", json)
        }
    }
}

/// A JSON string literal (quotes, backslashes and control characters escaped).
func jsonString(_ s: String) -> String {
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
