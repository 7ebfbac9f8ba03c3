import Crypto
import GongshiContent
import GongshiModel

/// The ledger as a build holds it from reading to committing: its mark and what appending to it needs
/// (encoding, line ending, how the file ends), not its bytes. A province's ledger is about 100 MB; the
/// commit reads it again, checks it is still the ledger that was judged, and appends.
struct HeldLedger {
    /// Size and SHA-256 of the ledger as read.
    let before: LedgerMark
    /// The file's encoding and line ending, and its last byte: all that ``LedgerFile/appendix(_:)`` reads.
    private let format: LedgerFile
    /// SHA-256 fed the ledger's bytes, to be continued over what the build appends.
    private let hasher: SHA256
    /// For a ledger re-saved in another form: the size of its text as Gongshi writes it (UTF-8, LF) and
    /// a SHA-256 fed that text (see ``LedgerMark/text``).
    private let text: (bytes: Int, hasher: SHA256)?

    init(_ file: LedgerFile) {
        var h = SHA256()
        h.update(data: file.bytes)
        hasher = h
        text = file.asWritten.map { written in
            var t = SHA256()
            t.update(data: written)
            return (written.count, t)
        }
        before = LedgerMark(
            bytes: file.bytes.count, sha256: LedgerStore.hex(h.finalize()),
            text: text.map { LedgerMark.Text(bytes: $0.bytes, sha256: LedgerStore.hex($0.hasher.finalize())) })
        format = LedgerFile(
            events: [], encoding: file.encoding, lineEnding: file.lineEnding, bytes: Array(file.bytes.suffix(1)))
    }

    /// The bytes that appending `events` adds after the ledger's, or a refusal when its encoding cannot
    /// hold them.
    func appendix(_ events: [LedgerEvent]) throws(SiteError) -> [UInt8] {
        guard let bytes = format.appendix(events) else {
            throw SiteError(
                file: LedgerStore.file,
                message: "台账是 \(format.encoding.rawValue) 编码，无法用同一编码追加新事件。请把台账另存为 UTF-8 后重新构建；台账未改动。")
        }
        return bytes
    }

    /// The mark of the ledger with `appendix` after its bytes.
    func mark(appending appendix: [UInt8]) -> LedgerMark {
        guard !appendix.isEmpty else { return before }
        var h = hasher
        h.update(data: appendix)
        var mark = LedgerMark(bytes: before.bytes + appendix.count, sha256: LedgerStore.hex(h.finalize()))
        if let text {
            // The appended lines as Gongshi writes them: they hold whole lines, so they convert alone.
            // A BOM stands only at the start of the file, not of what is appended.
            let encoding: TextEncoding = format.encoding == .utf8BOM ? .utf8 : format.encoding
            let added =
                LedgerFile(events: [], encoding: encoding, lineEnding: format.lineEnding, bytes: appendix).asWritten
                ?? appendix
            var t = text.hasher
            t.update(data: added)
            mark.text = LedgerMark.Text(bytes: text.bytes + added.count, sha256: LedgerStore.hex(t.finalize()))
        }
        return mark
    }
}
