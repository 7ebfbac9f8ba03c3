import Foundation
import GongshiModel

/// What reading one data file gives: its rows as records, the findings of reading it, and the number
/// of data rows read (malformed ones included).
public struct ParsedFile: Sendable {
    public var records: [SourceRecord]
    public var findings: [Finding]
    public var rows: Int

    public init(records: [SourceRecord], findings: [Finding], rows: Int) {
        self.records = records
        self.findings = findings
        self.rows = rows
    }
}

/// Keeps parsed data files between builds (the build cache of `GongshiBuild`): returns the parse of a
/// file whose inputs are unchanged, or calls `read` and keeps what it returns.
public protocol ParsedFileCache: Sendable {
    /// - Parameters:
    ///   - inputs: the files whose bytes the parse depends on (the data file, its sidecar).
    ///   - context: everything else it depends on (kind, relative path, `columns:` map, sidecar order).
    func parsed(inputs: [String], context: String, read: () -> ParsedFile) -> ParsedFile
}

extension RecordFileReader {
    /// Reads a data file whole, through `cache` when there is one.
    static func readWhole(
        kind: RecordKind, path: String, file: String, columns: [String: Field], cache: (any ParsedFileCache)?
    ) -> ParsedFile {
        func read() -> ParsedFile {
            var recs: [SourceRecord] = []
            let r = RecordFileReader.read(kind: kind, path: path, file: file, columns: columns) { recs.append($0) }
            return ParsedFile(records: recs, findings: r.findings, rows: r.rows)
        }
        guard let cache else { return read() }
        var inputs = [path]
        var context = "\(kind.rawValue)\n\(file)\n"
        if let side = SidecarReader.locate(path: path, file: file) {
            inputs.append(side.path)
            context += "sidecar \(side.file) \(isFirstSibling(path: path))\n"
        }
        for (k, v) in columns.sorted(by: { $0.key < $1.key }) { context += "column \(k)\t\(v.rawValue)\n" }
        return cache.parsed(inputs: inputs, context: context, read: read)
    }
}
