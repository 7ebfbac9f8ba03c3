import Foundation
import GongshiModel
import GongshiRules

extension Renderer {
    /// `/data/xzxk.csv|json|xlsx`, `/data/xzcf.*`, `/data/mingdan.*`: what is public, masked as on the
    /// pages, national column names plus 页面. CSV in UTF-8 with BOM so that Excel opens it; the
    /// workbook stores codes as text so that no spreadsheet turns them into numbers.
    func openDataJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        RecordKind.allCases.map { kind in { try self.renderOpenData(kind, index, out) } }
    }

    func renderOpenData(_ kind: RecordKind, _ index: SiteIndex, _ out: CountingSink) throws {
        let columns = kind.schema.fields.filter { $0.role != .secret }.map(\.name) + ["页面"]
        var rows: [([PublishedField], String)] = []
        if kind == .mingdan {
            rows = publication.listEntries.indices.map {
                (publication.listEntries[$0].fields, context.url(index.entryPaths[$0]))
            }
        } else {
            rows = (index.byKind[kind] ?? []).map { publication.records[$0] }.map {
                ($0.fields, context.url(Views.recordPath($0)))
            }
        }
        let names = ["csv", "json", "xlsx"].map { "data/\(kind.rawValue).\($0)" }
        // The three files are made from these rows alone: taken from the previous output when they match.
        var fingerprint: Fingerprint?
        if out.reuses {
            var b = FingerprintBuffer(tag: "open-data")
            b.add(kind.title)
            for c in columns { b.add(c) }
            for (fields, url) in rows {
                b.add(fields.count)
                for f in fields { b.add(f.value) }
                b.add(url)
            }
            let f = b.finish()
            fingerprint = f
            var reused = 0
            for n in names {
                guard try out.reuse(n, fingerprint: f) else { break }
                reused += 1
            }
            if reused == names.count { return }
        }
        let keys = columns.map(Escape.json)
        var csv: [UInt8] =
            Array("\u{FEFF}".utf8) + Array((columns.map(Escape.csv).joined(separator: ",") + "\r\n").utf8)
        var json: [UInt8] = Array("[\n".utf8)
        var table: [[String]] = []
        table.reserveCapacity(rows.count)
        for (n, (fields, url)) in rows.enumerated() {
            table.append(fields.map(\.value) + [url])
            var line = ""
            var object = "  {"
            for (i, v) in (fields.map(\.value) + [url]).enumerated() {
                if i > 0 {
                    line += ","
                    object += ", "
                }
                line += Escape.csv(v)
                object += keys[i] + ": " + Escape.json(v)
            }
            csv += Array((line + "\r\n").utf8)
            json += Array((object + (n == rows.count - 1 ? "}\n" : "},\n")).utf8)
        }
        json += Array("]\n".utf8)
        try out.write(names[0], csv, fingerprint: fingerprint)
        try out.write(names[1], json, fingerprint: fingerprint)
        // Amounts are numbers so that a journalist can sum them; every other cell is text.
        let numeric = Set(columns.indices.filter { columns[$0].hasSuffix("（万元）") })
        try out.write(
            names[2], XLSXWriter.workbook(sheet: kind.title, header: columns, rows: table, numericColumns: numeric),
            fingerprint: fingerprint)
    }
}
