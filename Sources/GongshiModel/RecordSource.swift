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

    /// The rows are in memory already; see the default in the extension.
    var holdsRows: Bool { get }
}

extension RecordSource {
    /// The rows are held in memory (not read from their files again for each pass): the judge may then
    /// keep what it worked out of each row in its first pass for the second. Sources say so themselves.
    public var holdsRows: Bool { false }

    /// The rows in batches of 8 192.
    @discardableResult
    public func recordBatches(_ body: ([SourceRecord]) -> Void) -> (findings: [Finding], rows: Int) {
        recordBatches(size: 8192, body)
    }
}
