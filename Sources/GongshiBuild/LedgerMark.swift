/// A ledger file's identity at one moment: its size and the SHA-256 of its bytes.
struct LedgerMark: Equatable, Sendable {
    var bytes: Int
    var sha256: String
    /// For a ledger re-saved in another form (GB18030, a BOM, CRLF): the same of its text as Gongshi
    /// writes a ledger (UTF-8, LF), so that a ledger re-saved again in yet another form is still known
    /// to continue it.
    var text: Text?

    init(bytes: Int, sha256: String, text: Text? = nil) {
        self.bytes = bytes
        self.sha256 = sha256
        self.text = text
    }

    /// Size and SHA-256 of a ledger's text in UTF-8 with LF line ends.
    struct Text: Equatable, Sendable {
        var bytes: Int
        var sha256: String
    }

    /// The mark compared as bytes: the text's, as the bytes of a ledger written as Gongshi writes it.
    var ofText: LedgerMark? { text.map { LedgerMark(bytes: $0.bytes, sha256: $0.sha256) } }

    /// Marks of the same bytes (the text's mark follows from them, and a mark read back from a note of
    /// an interrupted commit has none).
    static func == (a: LedgerMark, b: LedgerMark) -> Bool { a.bytes == b.bytes && a.sha256 == b.sha256 }
}
