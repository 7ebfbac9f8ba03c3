/// Where the judge takes a site from: its data rows a batch at a time, and everything else as plain
/// values. The readers implement it (rows held in memory, or streamed from their files when the
/// judge asks); a cache of parsed inputs can too. The judge never reads a file itself.
public protocol RecordSource: Sendable {
    /// Every input but the data rows.
    var site: Site { get }

    /// Calls `body` with the data rows in order (files in byte order, rows in file order), at most
    /// `size` at a time, and returns the findings of reading rows that were not in ``site``'s findings
    /// and the number of data rows read, malformed ones included. The judge calls it twice (two passes):
    /// both calls must deliver the same rows.
    @discardableResult
    func recordBatches(size: Int, _ body: ([SourceRecord]) -> Void) -> (findings: [Finding], rows: Int)
}

extension RecordSource {
    /// The rows in batches of 8 192.
    @discardableResult
    public func recordBatches(_ body: ([SourceRecord]) -> Void) -> (findings: [Finding], rows: Int) {
        recordBatches(size: 8192, body)
    }
}
