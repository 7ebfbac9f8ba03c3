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
        // Rows are made one at a time as each file is written (three times: CSV, JSON, workbook) rather
        // than held: at a million records the tables would be gigabytes.
        let count: Int
        let row: (Int) -> [String]
        if kind == .mingdan {
            count = publication.listEntries.count
            row = { n in
                self.publication.listEntries[n].fields.map(\.value) + [self.context.url(index.entryPaths[n])]
            }
        } else {
            let ids = index.byKind[kind] ?? []
            count = ids.count
            row = { n in
                let r = self.publication.records[ids[n]]
                return r.fields.map(\.value) + [self.context.url(Views.recordPath(r))]
            }
        }
        let names = ["csv", "json", "xlsx"].map { "data/\(kind.rawValue).\($0)" }
        // The three files are made from these rows alone: taken from the previous output when they match.
        // Made of the kind's records (or the entries and where their lists show them), in order.
        let fingerprint = inputKey("open-data", names[0], index) { b in
            for c in columns { b.add(c) }
            if kind == .mingdan {
                b.add(entries: Array(self.publication.listEntries.indices), index)
            } else {
                b.add(records: index.byKind[kind] ?? [], index)
            }
        }
        if let fingerprint, try reuseAll(names, fingerprint, out) { return }
        try out.stream(names[0], fingerprint: fingerprint) { emit in
            try withoutActuallyEscaping(emit) { emit in
                var buffer = ChunkBuffer(emit: emit)
                try buffer.append("\u{FEFF}" + columns.map(Escape.csv).joined(separator: ",") + "\r\n")
                for n in 0..<count { try buffer.append(row(n).map(Escape.csv).joined(separator: ",") + "\r\n") }
                try buffer.flush()
            }
        }
        let keys = columns.map(Escape.json)
        try out.stream(names[1], fingerprint: fingerprint) { emit in
            try withoutActuallyEscaping(emit) { emit in
                var buffer = ChunkBuffer(emit: emit)
                try buffer.append("[\n")
                for n in 0..<count {
                    var object = "  {"
                    for (i, v) in row(n).enumerated() {
                        if i > 0 { object += ", " }
                        object += keys[i] + ": " + Escape.json(v)
                    }
                    try buffer.append(object + (n == count - 1 ? "}\n" : "},\n"))
                }
                try buffer.append("]\n")
                try buffer.flush()
            }
        }
        // Amounts are numbers so that a journalist can sum them; every other cell is text.
        let numeric = Set(columns.indices.filter { columns[$0].hasSuffix("（万元）") })
        try out.write(
            names[2],
            XLSXWriter.workbook(sheet: kind.title, header: columns, count: count, row: row, numericColumns: numeric),
            fingerprint: fingerprint)
    }
}
