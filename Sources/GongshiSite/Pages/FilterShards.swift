import GongshiModel
import GongshiRules

/// The data behind the filters of `/xzxk/`, `/xzcf/` and the department pages: with no server, the
/// browser filters by department, 许可类别 / 处罚类别, 失信严重程度 and month of decision, and sorts by
/// decision date, fetching only a small part of the records.
///
/// Records are cut into shards by department and month of decision (`xzcf/shaixuan/<编码>/<YYYY-MM>.json`).
/// The index (`xzcf/shaixuan/index.json`) lists every shard with how many of its records have each
/// combination of categories and severity, so the browser knows the exact count of any filter and
/// which shards hold a given page of results before it fetches a single row. A shard holds one
/// department's decisions of one month, so a filtered page downloads the index and the few shards of
/// the months it shows — at 100 000 records a small part of the data.
enum FilterShards {
    /// The folder of a kind's filter data.
    static func folder(_ kind: RecordKind) -> String { "\(kind.rawValue)/shaixuan/" }

    /// What a record is filtered by.
    struct Facets: Hashable {
        let categories: [String]
        let severity: String
    }

    static let unspecified = "未注明"

    /// 处罚类别 may name several penalties (罚款；没收违法所得): each is a category of the record.
    static func categories(_ r: PublishedRecord) -> [String] { categories(of: categoryValue(r)) }

    /// The value the categories are read from: 处罚类别 of a penalty, 许可类别 of a licence.
    static func categoryValue(_ r: PublishedRecord) -> String {
        r.value(r.kind == .xzcf ? .penaltyKinds : .licenceCategory)
    }

    /// ``categories(_:)`` of a 处罚类别 or 许可类别 value.
    static func categories(of value: String) -> [String] {
        let parts = value.split(whereSeparator: { "；;、，,/".contains($0) })
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        var seen = Set<String>()
        let unique = parts.filter { seen.insert($0).inserted }
        return unique.isEmpty ? [unspecified] : unique
    }

    /// 失信严重程度 as published (codes 1 and 3 as their names); licences have none.
    static func severity(_ r: PublishedRecord) -> String {
        guard r.kind == .xzcf else { return "" }
        let v = r.value(.severity).trimmingWhitespace()
        switch v {
        case "": return unspecified
        case "1": return Severity.ordinary.rawValue
        case "3": return Severity.serious.rawValue
        default: return v
        }
    }

    /// The index and shard files of one kind, the records `ids` of `records`: each (path, UTF-8 text) is
    /// handed to `emit` as it is made (a province's shards are hundreds of MB of text), the index last.
    static func files(
        kind: RecordKind, ids: [Int], of records: [PublishedRecord], departments: [Department],
        emit: (String, [UInt8]) throws -> Void
    ) rethrows {
        try records.withUnsafeBufferPointer { records in
            try files(kind: kind, ids: ids, of: records, departments: departments, emit: emit)
        }
    }

    /// ``files(kind:ids:of:departments:emit:)`` with the records read where they lie: a copy of a
    /// record retained and released each of its strings.
    static func files(
        kind: RecordKind, ids: [Int], of records: UnsafeBufferPointer<PublishedRecord>, departments: [Department],
        emit: (String, [UInt8]) throws -> Void
    ) rethrows {
        let base = folder(kind)
        var combos: [Facets] = []
        var comboIndex: [Facets: Int] = [:]
        // Positions in `records`, not copies of the records.
        var shards: [String: [(record: Int, combo: Int)]] = [:]
        // A kind's records have a few dozen category values: each is split once, not once per record.
        var categoriesOf: [String: [String]] = [:]
        for i in ids {
            let r = records[i]
            let value = categoryValue(r)
            let categories = categoriesOf[value] ?? categories(of: value)
            categoriesOf[value] = categories
            let f = Facets(categories: categories, severity: severity(r))
            let c: Int
            if let i = comboIndex[f] {
                c = i
            } else {
                c = combos.count
                comboIndex[f] = c
                combos.append(f)
            }
            shards[r.department.code + "/" + r.decisionDate.monthString, default: []].append((i, c))
        }
        let categories = Array(Set(combos.flatMap(\.categories))).sorted { order($0, $1) }
        let severities = Array(Set(combos.map(\.severity).filter { !$0.isEmpty })).sorted {
            severityRank($0) < severityRank($1)
        }
        let catIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        let sevIndex = Dictionary(uniqueKeysWithValues: severities.enumerated().map { ($1, $0) })
        // Departments in the registry's order; one that is not in it (it cannot be, but a shard must
        // never be dropped silently) after them.
        var depts = departments.filter { d in shards.keys.contains { $0.hasPrefix(d.code + "/") } }
        for i in ids where !depts.contains(where: { $0.code == records[i].department.code }) {
            depts.append(records[i].department)
        }
        let deptIndex = Dictionary(uniqueKeysWithValues: depts.enumerated().map { ($1.code, $0) })

        var shardLines: [String] = []
        // Newest month first, then by department: the order the browser reads them in.
        let keys = shards.keys.sorted { a, b in
            let (da, ma) = split(a)
            let (db, mb) = split(b)
            return ma != mb ? ma > mb : (deptIndex[da] ?? 0, da) < (deptIndex[db] ?? 0, db)
        }
        for key in keys {
            let (dept, month) = split(key)
            guard let d = deptIndex[dept], let rows = shards[key] else { continue }
            var counts: [Int: Int] = [:]
            for row in rows { counts[row.combo, default: 0] += 1 }
            let countJSON = counts.sorted { $0.key < $1.key }.map { "[\($0.key),\($0.value)]" }.joined(separator: ",")
            shardLines.append("[\(d),\"\(month)\",[\(countJSON)]]")
            // Each record's id is unpacked once, not at every comparison of the sort.
            let sortKeys = rows.map { (date: records[$0.record].decisionDate, id: records[$0.record].id) }
            let order = rows.indices.sorted {
                (sortKeys[$0].date, sortKeys[$1].id) > (sortKeys[$1].date, sortKeys[$0].id)
            }
            var text: [UInt8] = Array("[\n".utf8)
            for (n, k) in order.enumerated() {
                let r = records[rows[k].record]
                // The code shown under the name: the 统一社会信用代码, else the other code as the listing shows it.
                let code =
                    r.entityCode.isEmpty
                    ? Views.otherCode(r.registrationNumber, r.organizationCode) ?? "" : r.entityCode
                text += n == 0 ? "[".utf8 : ",\n[".utf8
                for value in [
                    sortKeys[k].id, r.entityName, code, r.title, r.documentNumber, r.decisionDate.description,
                    Views.published(r),
                ] {
                    Escape.appendJSON(value, to: &text)
                    text.append(44)  // ,
                }
                text += String(rows[k].combo).utf8
                text += r.underObjection ? ",1]".utf8 : ",0]".utf8
            }
            text += "\n]\n".utf8
            try emit(base + key + ".json", text)
        }
        let comboJSON = combos.map { f in
            "[[\(f.categories.compactMap { catIndex[$0] }.map(String.init).joined(separator: ","))],\(f.severity.isEmpty ? -1 : sevIndex[f.severity] ?? -1)]"
        }
        var index = "{\n\"kind\": \(Escape.json(kind.rawValue)),\n\"title\": \(Escape.json(kind.title)),\n"
        index +=
            "\"departments\": ["
            + depts.map { "[\(Escape.json($0.code)),\(Escape.json($0.name))]" }.joined(separator: ",") + "],\n"
        index += "\"categories\": [" + categories.map(Escape.json).joined(separator: ",") + "],\n"
        index += "\"severities\": [" + severities.map(Escape.json).joined(separator: ",") + "],\n"
        index += "\"combos\": [" + comboJSON.joined(separator: ",") + "],\n"
        index += "\"shards\": [\n" + shardLines.joined(separator: ",\n") + "\n]\n}\n"
        try emit(base + "index.json", Array(index.utf8))
    }

    static func split(_ key: String) -> (String, String) {
        guard let slash = key.lastIndex(of: "/") else { return (key, "") }
        return (String(key[..<slash]), String(key[key.index(after: slash)...]))
    }

    /// Categories alphabetically, 未注明 last.
    static func order(_ a: String, _ b: String) -> Bool {
        (a == unspecified ? 1 : 0, a) < (b == unspecified ? 1 : 0, b)
    }

    static func severityRank(_ s: String) -> (Int, String) {
        switch s {
        case Severity.serious.rawValue: return (0, s)
        case Severity.ordinary.rawValue: return (1, s)
        case Severity.minor.rawValue: return (2, s)
        case unspecified: return (4, s)
        default: return (3, s)
        }
    }
}

extension Renderer {
    /// One job per kind, writing its filter index and shards.
    func filterShardJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        [RecordKind.xzxk, .xzcf].map { kind in
            {
                let ids = index.byKind[kind] ?? []
                // Made of the kind's records and the departments: when none changed, the files are taken
                // whole, found by their paths (one per department and month) without making them.
                // The files never say the build date: the next day's build takes them when no record changed.
                let fingerprint = self.inputKey("filter-shards", FilterShards.folder(kind), index, dated: false) {
                    $0.add(records: ids, index)
                }
                if let fingerprint, out.mayTake {
                    var shards = Set<String>()
                    for i in ids {
                        let r = self.publication.records[i]
                        shards.insert(r.department.code + "/" + r.decisionDate.monthString)
                    }
                    let paths = shards.sorted().map { FilterShards.folder(kind) + $0 + ".json" }
                    if try self.reuseAll(paths + [FilterShards.folder(kind) + "index.json"], fingerprint, out) {
                        return
                    }
                }
                try FilterShards.files(
                    kind: kind, ids: ids, of: self.publication.records, departments: self.publication.departments
                ) { path, text in
                    try out.write(path, text, fingerprint: fingerprint)
                }
            }
        }
    }
}
