import GongshiModel

/// What the judge's first pass over the data gathers before any row is judged: the keys (for duplicates),
/// the identities (for codes given in one row and not another), the list keys of older builds, and which
/// department each row and file belongs to.
struct RowIndex {
    var duplicates = DuplicateIndex()
    var rowsByDepartment: [String: Int] = [:]
    /// The files that carry each department's records: a clerk sees every problem in them, also those of
    /// rows that have no department yet (unreadable, or an authority that matches none).
    var filesByDepartment: [String: Set<String>] = [:]
    /// Older list keys (without the document) → the current keys that map to them.
    var legacy: [String: Set<String>] = [:]
    var links = IdentityLinks()
    /// A natural person's list keys with the full name, as older builds wrote them → today's keys.
    var formerKeys: [String: String] = [:]
    /// The rows' contexts, kept for the second pass when the source holds its rows in memory anyway.
    var kept: [[RecordContext]] = []
    /// Findings of the reading (a streamed source reports them here, not in `site.findings`).
    var readFindings: [Finding] = []
    var rowsRead = 0

    private var closest: [String: String] = [:]  // authority → 编码 of the closest department ("" for none)
    private var lastFileOfDepartment = (code: "", file: "")

    /// Reads every row of `source` once, working out each row's context on every core while this thread
    /// notes the batch before.
    static func gather(_ source: some RecordSource, departments: DepartmentIndex) -> RowIndex {
        var index = RowIndex()
        for f in source.site.dataFiles {
            if let d = departments.named(inFile: f.file) { index.filesByDepartment[d.code, default: []].insert(f.file) }
        }
        let keepContexts = source.holdsRows
        var pass = Pipeline<[RecordContext]> { contexts in
            if keepContexts { index.kept.append(contexts) }
            for c in contexts { index.note(c, departments: departments) }
        }
        (index.readFindings, index.rowsRead) = source.recordBatches { batch in
            pass.push { ParallelMap.chunked(batch) { RecordContext(source: $0, departments: departments) } }
        }
        pass.finish()
        index.duplicates.finish()
        return index
    }

    /// The older list keys that stand for exactly one of today's keys, other than themselves.
    var legacyListKeys: Set<String> {
        Set(legacy.filter { $0.value.count == 1 && !$0.value.contains($0.key) }.keys)
    }

    private mutating func note(_ c: RecordContext, departments: DepartmentIndex) {
        duplicates.add(c)
        links.add(c.identity, name: c.entityName)
        if !c.formerKeys.isEmpty { formerKeys.merge(c.formerKeys) { a, _ in a } }
        if c.kind == .mingdan && c.hasKey {
            legacy[c.legacyKey ?? c.key, default: []].insert(c.key)
        }
        rowsByDepartment[c.department?.code ?? "", default: 0] += 1
        if let d = c.department {
            // Rows come file by file, mostly of one department: a pair already noted is skipped.
            if d.code != lastFileOfDepartment.code || c.source.file != lastFileOfDepartment.file {
                filesByDepartment[d.code, default: []].insert(c.source.file)
                lastFileOfDepartment = (d.code, c.source.file)
            }
            return
        }
        // No department yet: the closest one to the authority, else to the 数据来源单位.
        let named = c.authority.isEmpty ? c.source[.dataSource] : c.authority
        guard !named.isEmpty else { return }
        if closest[named] == nil {
            closest[named] = (departments.byName[named] ?? departments.closest(to: named))?.code ?? ""
        }
        if let code = closest[named], !code.isEmpty {
            filesByDepartment[code, default: []].insert(c.source.file)
        }
    }
}
