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

    /// The three files of `kind`, made in pieces of rows (``OpenDataPieces``): each row's cells are
    /// made once for the three, and an incremental build copies the pieces of unchanged rows from the
    /// previous build's files. The files are streamed, never whole in memory (gigabytes at a million
    /// records); the workbook holds its compressed sheet until it is written.
    func renderOpenData(_ kind: RecordKind, _ index: SiteIndex, _ out: CountingSink) throws {
        let published = kind.schema.fields.filter { $0.role != .secret }
        let columns = published.map(\.name) + ["页面"]
        // Dates are Excel dates in the workbook (filters and sorting by date work); text in CSV and JSON.
        let dates = Set(
            published.indices.filter {
                published[$0].role == .date || published[$0] == .statusDate || published[$0] == .removedOn
            })
        // An empty 当前状态 is 正常 (SPEC §8.2, as 0 is): written so, a filter on 正常 finds every such row.
        let status = published.firstIndex(of: .status)
        let count: Int
        let cells: (Int) -> [String]
        let rowKey: (Int) -> String
        // What a row is made of beyond the settings' base URL (its piece's fingerprint).
        let rowInputs: (Int, inout FingerprintBuffer) -> Void
        if kind == .mingdan {
            let entries = publication.listEntries
            count = entries.count
            cells = { n in
                Self.statusShown(entries[n].fields.map(\.value), at: status) + [self.context.url(index.entryPaths[n])]
            }
            rowKey = { entries[$0].key }
            rowInputs = { n, b in
                b.add(entries: [n], index)
            }
        } else {
            let ids = index.byKind[kind] ?? []
            let records = publication.records
            count = ids.count
            cells = { n in
                let r = records[ids[n]]
                return Self.statusShown(r.fields.map(\.value), at: status) + [self.context.url(Views.recordPath(r))]
            }
            rowKey = { records[ids[$0]].key }
            rowInputs = { n, b in b.add(records: [ids[n]], index) }
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

        // Amounts are numbers so that a journalist can sum them; every other cell is text.
        let numeric = Set(columns.indices.filter { columns[$0].hasSuffix("（万元）") })
        let jsonKeys = columns.map(Escape.json)
        let pieces = OpenDataPieces.cut(count, key: rowKey)
        // An incremental build: each piece's fingerprint, and the previous build's pieces and files.
        let store = index.inputs == nil ? nil : openDataStore
        let indexName = "opendata-\(kind.rawValue)"
        var keys: [Fingerprint] = []
        var previous: (index: OpenDataIndex, files: [any PreviousFile])?
        if let store {
            keys = pieces.map { rows in
                var b = FingerprintBuffer(tag: "open-data-piece")
                b.add(kind.rawValue)
                for c in columns { b.add(c) }
                b.add(settings.baseURL)
                b.add(DeflatedPiece.zlibVersion)
                b.add(Int(DeflatedPiece.level))
                for n in rows { rowInputs(n, &b) }
                return b.finish()
            }
            if let bytes = store.index(indexName), let old = OpenDataIndex(decoding: bytes) {
                let files = names.compactMap { store.previous($0, fingerprint: old.fingerprint) }
                if files.count == 3 { previous = (old, files) }
            }
        }

        let made = fingerprint.map { OpenDataIndex(fingerprint: $0) }
        var sheet: [DeflatedPiece] = []
        sheet.reserveCapacity(pieces.count)
        var spans: [(csv: Range<Int>, json: Range<Int>)] = []
        try out.stream(names[0], fingerprint: fingerprint) { emitCSV in
            try out.stream(names[1], fingerprint: fingerprint) { emitJSON in
                let head = Array(("\u{FEFF}" + columns.map(Escape.csv).joined(separator: ",") + "\r\n").utf8)
                try emitCSV(head)
                try emitJSON(Array("[\n".utf8))
                var csvAt = head.count
                var jsonAt = 2
                for (p, rows) in pieces.enumerated() {
                    var piece: OpenDataPieces.Piece
                    if let previous, let l = previous.index.pieces[keys[p]],
                        let csv = previous.files[0].read(l.csv), let json = previous.files[1].read(l.json),
                        let deflated = previous.files[2].read(l.sheet)
                    {
                        piece = .init(
                            csv: csv, json: json,
                            sheet: DeflatedPiece(bytes: deflated, crc: l.crc, rawCount: l.rawCount))
                    } else {
                        piece = try OpenDataPieces.make(
                            rows, columns: columns.count, jsonKeys: jsonKeys, numericColumns: numeric,
                            dateColumns: dates, cells: cells)
                    }
                    try emitCSV(piece.csv)
                    // The last object of the array has no comma after it.
                    if p == pieces.count - 1 { piece.json.replaceSubrange((piece.json.count - 2)..., with: [10]) }
                    try emitJSON(piece.json)
                    spans.append((csvAt..<(csvAt + piece.csv.count), jsonAt..<(jsonAt + piece.json.count)))
                    csvAt += piece.csv.count
                    jsonAt += piece.json.count
                    sheet.append(piece.sheet)
                }
                try emitJSON(Array("]\n".utf8))
            }
        }
        var starts: [[Int]] = []
        try out.stream(names[2], fingerprint: fingerprint) { emit in
            let entries = try XLSXWriter.entries(
                sheet: kind.title, header: columns, numericColumns: numeric, dateColumns: dates, rows: sheet)
            starts = try ZIPFile.write(entries, emit: emit)
        }
        // Where this build's pieces lie, for the next; the last piece's JSON lost its comma, so it is
        // not kept (the next build makes its rows again).
        guard let store, var made, let sheetStarts = starts.last else { return }
        for p in pieces.indices.dropLast() {
            let s = sheet[p]
            // The sheet's first piece is its head and header row.
            let at = sheetStarts[p + 1]
            made.pieces[keys[p]] = OpenDataIndex.Location(
                csv: spans[p].csv, json: spans[p].json, sheet: at..<(at + s.bytes.count), crc: s.crc,
                rawCount: s.rawCount)
        }
        store.save(indexName, made.encode())
    }

    /// A row's cells with an empty 当前状态 (at `status`) written 正常.
    static func statusShown(_ values: [String], at status: Int?) -> [String] {
        guard let status, values[status].isEmpty else { return values }
        var values = values
        values[status] = RecordStatus.normal.rawValue
        return values
    }
}
