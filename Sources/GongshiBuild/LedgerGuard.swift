import Crypto
import GongshiContent
import GongshiModel

/// Keeps a build from writing the ledger out of order. The ledger is the proof of when each record was
/// disclosed (SPEC §1.9): it only grows, one date after another. A build dated before its last event
/// does not write it (it would record as published on an earlier day what the ledger already dates
/// later); a build that writes it must start from a ledger that still continues the one the live site
/// was built with (a ledger lost, emptied, cut short or rewritten would have every record published
/// again, as if for the first time).
enum LedgerGuard {
    /// What a build dated `date` says when the ledger's last event (`last`) is later: it builds the site
    /// of that day without writing the ledger, as with `--no-ledger`. Nil when it may write it.
    static func backdated(last: LocalDate?, date: LocalDate) -> String? {
        guard let last, last > date else { return nil }
        return "注意：台账中已有 \(last) 的事件，晚于构建日期 \(date)：本次构建未写入台账（否则会把已记录的公示补写为更早的日期），网站按 \(date) 的情况生成。"
    }

    /// Refuses a build that writes the ledger when the ledger does not continue the one the live site
    /// at `out` was built with.
    static func check(_ file: LedgerFile, held: HeldLedger, out: String) throws(SiteError) {
        guard let (marked, what) = divergence(file, held: held, out: out) else { return }
        throw SiteError(
            file: LedgerStore.file,
            message:
                "台账与网站 \(out) 上次构建时不一致：当时台账有 \(marked.bytes) 字节，\(what)。台账是公示时间的证明，只能追加，不能删除、截短或改写：请从备份恢复台账后再构建。如确要以现在的台账为准，请先删除 \(out)/\(OutputFolder.markerName) 再构建。台账和网站未改动。"
        )
    }

    /// For a build that does not write the ledger (`--no-ledger`, back-dated): when the ledger does not
    /// continue the one the live site was built with, the ledger state its marker keeps (the live one, so
    /// that the next build that writes the ledger is still refused) and what it says on stderr.
    static func keptMark(_ file: LedgerFile, held: HeldLedger, out: String) -> (mark: LedgerMark, note: String)? {
        guard let (marked, what) = divergence(file, held: held, out: out) else { return nil }
        return (
            marked,
            "注意：台账与网站 \(out) 上次写入台账的构建时不一致（当时台账有 \(marked.bytes) 字节，\(what)）。本次构建未写入台账；写入台账的构建会被拒绝，直到从备份恢复台账。"
        )
    }

    /// The ledger state marked in the live site at `out` and how today's ledger differs from it; nil when
    /// today's ledger continues it (equal, or grown by appending) or the site has no mark.
    private static func divergence(_ file: LedgerFile, held: HeldLedger, out: String) -> (LedgerMark, String)? {
        guard let marked = OutputFolder.markedLedger(out), marked.bytes > 0 else { return nil }
        let now = held.before
        guard !continues(file.bytes, now, marked) else { return nil }
        // Opened and saved again by Excel: the same events in GB18030, with a BOM or CRLF. It continues the
        // ledger when its text does, and is appended to in its own encoding.
        let written = file.asWritten
        if let written, continues(written, held.before.ofText, marked) { return nil }
        // Re-saved again, in another form than at the last build: its text continues the text then.
        if let markedText = marked.ofText, continues(written ?? file.bytes, held.before.ofText ?? now, markedText) {
            return nil
        }
        let what =
            now.bytes == 0 ? "现在为空或不存在" : now.bytes < marked.bytes ? "现在只有 \(now.bytes) 字节" : "前面的内容已被改动"
        guard let resaving = file.resaving else { return (marked, what) }
        return (marked, "\(what)：它已被另存为\(resaving)，另存时内容也被改写（如 Excel 改写了日期或引号）")
    }

    /// Whether `bytes` (whose length and hash `now` already has, when known) begin with the marked ledger.
    private static func continues(_ bytes: [UInt8], _ now: LedgerMark?, _ marked: LedgerMark) -> Bool {
        if bytes.count == marked.bytes, let now { return now.sha256 == marked.sha256 }
        guard bytes.count >= marked.bytes else { return false }
        return LedgerStore.hex(SHA256.hash(data: bytes[..<marked.bytes])) == marked.sha256
    }

    /// A site with data but no department registry would withhold every record as of no department and
    /// record each public one as withdrawn: it is not built (check still says what is wrong).
    static func checkDepartments(_ site: Site) throws(SiteError) {
        guard site.departments.isEmpty, !site.dataFiles.isEmpty else { return }
        throw SiteError(
            file: "Content/departments.csv",
            message:
                "部门名录为空或找不到（Content/departments.csv）：所有记录都无法对应到部门，构建已停止，台账和网站未改动。请恢复部门名录；gongshi check 会列出其中的问题。"
        )
    }
}
