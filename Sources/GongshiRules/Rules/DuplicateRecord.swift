import GongshiModel

/// `duplicate-record`: two rows with one key. Different content: error at every later copy, every
/// copy withheld. Identical content: warning at every later copy, the first one published.
public enum DuplicateRecord: RecordRule {
    public static let info = RuleInfo(
        id: "duplicate-record", title: "重复记录", severity: .error, withholds: "内容不同：所有副本；内容相同：—（只公示第一条）",
        summary:
            "同一记录键（类型 + 机关（部门的别名按该部门计） + 文书号（括号〔〕、[]、（）、【】按同一种计）；名单为名单名称 + 代码或名称 + 列入日期 + 认定文书号（或案号、执行依据文号），代码依次取统一社会信用代码、组织机构代码、工商注册号）出现多次。内容不同为错误，内容相同为警告；在第一条之后的每个副本处报告。只有当前状态、状态日期或状态说明不同的（后来的导出带着撤销等新状态再次报送同一决定），提示只保留一条并在其上填写最新状态：否则已公示的记录被撤下而没有撤回说明",
        example: "两个文件都有「周市监罚〔2026〕12号」，罚款金额不同",
        basis: "本站规则（同一决定只能有一种公示内容）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        switch so.duplicate {
        case .unique, .firstOfIdentical:
            return .none
        case .firstOfConflicting:
            // Reported at the later copies, which name this one.
            return Decision(withholds: true)
        case .laterConflicting(let at, let statusOnly) where statusOnly:
            // A later export carrying the decision again with its new status (撤销 …): withheld whole, the
            // record would leave the site without the withdrawal notice the law asks for.
            return Decision(
                withholding: finding(
                    r,
                    "与 \(at) 是同一决定（键相同）\(spelling(r))，只有当前状态、状态日期或状态说明不同：所有副本均不予公示，已公示的将被撤下而不发布撤回说明。请只保留一条，把最新的状态填在这一条上，删除另一条"
                ))
        case .laterConflicting(let at, _):
            return Decision(
                withholding: finding(r, "与 \(at) 是同一记录（键相同）\(spelling(r))但内容不同，所有副本均不予公示，请删除错误的一条"))
        case .laterIdentical(let at):
            let spelt = spelling(r)
            let copy = spelt.isEmpty ? "完全相同的重复行" : "是同一决定\(spelt)"
            return Decision(withholding: finding(r, "与 \(at) \(copy)，只公示第一条", severity: .warning))
        }
    }

    /// How the row names its authority when that is another name of its department (an alias of
    /// departments.csv), and its document number when it has other brackets than 〔〕: the copies are
    /// one decision spelt two ways (``DocumentSpelling``).
    static func spelling(_ r: RecordContext) -> String {
        guard r.kind != .mingdan else { return "" }
        var said: [String] = []
        if let d = r.department, r.authority != d.name { said.append("机关写作「\(r.authority)」，即「\(d.name)」") }
        let number = r[r.kind.documentField]
        let folded = DocumentSpelling.folded(number)
        if folded != number { said.append("文书号写作「\(number)」，即「\(folded)」") }
        return said.isEmpty ? "" : "（\(said.joined(separator: "；"))，请统一写法）"
    }
}

/// The keys of every row, gathered in a first pass over the data so that duplicates are known before
/// any row is judged, without keeping the rows: only a 128-bit hash of each key (not the key: a
/// million keys would be a hundred megabytes), a hash of its content and where the first copy is.
/// Keys and contents are compared by their UTF-8 bytes, as they are written to the ledger and pages
/// (hashing a String compares canonical forms, a Unicode table lookup per character).
struct DuplicateIndex {
    /// One per key read (a province's million): the counts are 32-bit so that the first copy's sheet
    /// fits in the size the entry had without it.
    struct Entry {
        var firstFile: String
        /// The worksheet of a workbook the first copy is on (empty for CSV).
        var firstSheet: String
        var firstHash: Int
        var firstStatusFreeHash: Int
        var firstLine: Int32
        var copies: Int32
        var seen: Int32 = 0
        var conflicting: Bool
        /// Every copy is the first but for its status fields.
        var statusOnly = true
    }
    /// Two 64-bit hashes of a key's bytes: two different keys sharing both would take 2^64 keys.
    struct KeyHash: Hashable {
        let a: UInt64
        let b: UInt64
        init(a: UInt64, b: UInt64) {
            self.a = a
            self.b = b
        }
        init(_ key: String) {
            var key = key
            (a, b) = key.withUTF8 { u in
                var h1 = Hasher()
                var h2 = Hasher()
                h1.combine(0 as UInt8)
                h2.combine(1 as UInt8)
                h1.combine(bytes: UnsafeRawBufferPointer(u))
                h2.combine(bytes: UnsafeRawBufferPointer(u))
                return (UInt64(bitPattern: Int64(h1.finalize())), UInt64(bitPattern: Int64(h2.finalize())))
            }
        }
    }
    private var entries: [KeyHash: Entry] = [:]

    /// A 64-bit hash of the row's values (each one's length, then its bytes), eight bytes at a time:
    /// only rows of one key are compared by it, and SipHash (Hasher) over every byte of every row
    /// was 7 500 instructions a row.
    static func contentHash(_ values: [String]) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        func mix(_ w: UInt64) {
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        for v in values {
            var v = v
            v.withUTF8 { u in
                mix(UInt64(u.count))
                let raw = UnsafeRawBufferPointer(u)
                var i = 0
                while i + 8 <= u.count {
                    mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    i += 8
                }
                var tail: UInt64 = 0
                var shift: UInt64 = 0
                while i < u.count {
                    tail |= UInt64(u[i]) << shift
                    shift += 8
                    i += 1
                }
                mix(tail)
            }
        }
        return Int(bitPattern: UInt(h))
    }

    /// Pass 1: every row with a key, in file order.
    mutating func add(_ r: RecordContext) {
        guard r.hasKey else { return }
        let hash = r.contentHash
        let key = r.keyHash
        if var e = entries[key] {
            e.copies += 1
            if hash != e.firstHash { e.conflicting = true }
            if r.statusFreeHash != e.firstStatusFreeHash { e.statusOnly = false }
            entries[key] = e
        } else {
            entries[key] = Entry(
                firstFile: r.source.file, firstSheet: r.source.sheet, firstHash: hash,
                firstStatusFreeHash: r.statusFreeHash, firstLine: Int32(clamping: r.source.line), copies: 1,
                conflicting: false)
        }
    }

    /// Keeps only the keys that occur more than once.
    mutating func finish() { entries = entries.filter { $0.value.copies > 1 } }

    /// How pass 1 judges one row's key.
    enum Judgement: Sendable {
        case unique, firstOfIdentical, firstOfConflicting
        /// A later copy; `at` names the first (`file 第N行`); `statusOnly`: the copies differ in their
        /// status fields alone.
        case laterConflicting(at: String, statusOnly: Bool)
        case laterIdentical(at: String)
    }

    /// Pass 2, rows in the same order: whether the row is a copy, and of what.
    mutating func judge(_ r: RecordContext) -> Judgement {
        guard r.hasKey, !entries.isEmpty else { return .unique }
        let key = r.keyHash
        guard var e = entries[key] else { return .unique }
        e.seen += 1
        entries[key] = e
        guard e.seen > 1 else { return e.conflicting ? .firstOfConflicting : .firstOfIdentical }
        let at = Finding.place(file: e.firstFile, sheet: e.firstSheet, line: Int(e.firstLine))
        return e.conflicting ? .laterConflicting(at: at, statusOnly: e.statusOnly) : .laterIdentical(at: at)
    }
}
