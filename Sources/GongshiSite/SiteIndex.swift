import GongshiModel
import GongshiRules

/// The Publication grouped the ways pages list it, with each record's listing row built once.
public struct SiteIndex: @unchecked Sendable {
    public let publication: Publication
    /// Indices into `publication.records`, per kind, newest first.
    let byKind: [RecordKind: [Int]]
    /// Listing rows of records and list entries, made when a page asks for them: held for every
    /// record at once they were the largest part of memory after the records themselves (about 2 KB
    /// each), and a row is shown on only two or three pages.
    let rows: LazyRows
    let entryRows: LazyRows
    /// Lists in display order: (id, name, isRed, entry indices).
    let lists: [ListGroup]
    let byEntity: [String: (records: [Int], entries: [Int])]
    /// The entities with a page: those with a public record or entry, and those with a withdrawal notice.
    let entityOrder: [String]
    /// The withdrawal notices of each entity (its feed announces them).
    let noticesByEntity: [String: [Int]]
    let byDepartment: [String: (records: [Int], entries: [Int])]
    /// Where each list entry is shown: its list's page (`heimingdan/shixin-beizhixing/page/2/#id`).
    let entryPaths: [String]
    let articles: [Article]
    let honghei: [Article]
    let pages: [Article]
    /// Set in an incremental build: what records and entries are made of, to tell unchanged outputs.
    var inputs: InputFingerprints?

    struct ListGroup: Sendable {
        let id: String
        let name: String
        let isRed: Bool
        let department: String
        let entries: [Int]
        /// The entities its entries are of (an entity may have several entries: two cases, two documents).
        let entities: Int
    }

    /// How many entities `entries` are of: by the code each is known by; an entry without one (a natural
    /// person known by a masked name) is an entity of its own.
    static func entityCount(_ entries: some Sequence<Int>, _ all: [PublishedListEntry]) -> Int {
        var codes = Set<String>()
        var uncoded = 0
        for i in entries {
            let code = all[i].identityCode
            if code.isEmpty { uncoded += 1 } else { codes.insert(code) }
        }
        return codes.count + uncoded
    }

    init(_ p: Publication) {
        publication = p
        // The records' two groupings at once, each on a core: this runs before any page is made.
        let (entities, kinds) = ParallelMap.both(
            { Self.byEntity(p.records) }, { Self.byKindAndDepartment(p.records) })
        var (byEntity, entityOrder) = entities
        let byKind = kinds.0
        var byDepartment = kinds.1
        var listOrder: [String] = []
        var listMembers: [String: [Int]] = [:]
        var listMeta: [String: (String, Bool, [String])] = [:]
        for (i, e) in p.listEntries.enumerated() {
            let lk = (e.isRed ? "r:" : "b:") + e.listID
            if listMembers[lk] == nil {
                listOrder.append(lk)
                listMeta[lk] = (e.listName, e.isRed, [])
            }
            if !listMeta[lk]!.2.contains(e.department.name) { listMeta[lk]!.2.append(e.department.name) }
            listMembers[lk, default: []].append(i)
            if !e.entityCode.isEmpty {
                if byEntity[e.entityCode] == nil {
                    entityOrder.append(e.entityCode)
                    byEntity[e.entityCode] = ([], [])
                }
                byEntity[e.entityCode]!.entries.append(i)
            }
            byDepartment[e.department.code, default: ([], [])].entries.append(i)
        }
        lists = listOrder.map { k in
            let m = listMeta[k]!
            let members = listMembers[k] ?? []
            return ListGroup(
                id: String(k.dropFirst(2)), name: m.0, isRed: m.1, department: m.2.joined(separator: "、"),
                entries: members, entities: Self.entityCount(members, p.listEntries))
        }.sorted { ($0.isRed ? 0 : 1, $0.name) < ($1.isRed ? 0 : 1, $1.name) }
        var entryPaths = [String](repeating: "", count: p.listEntries.count)
        for g in lists {
            for (pos, i) in g.entries.enumerated() {
                let e = p.listEntries[i]
                entryPaths[i] =
                    Format.pagePath(Views.listPath(isRed: e.isRed, id: e.listID), pos / p.settings.pagination + 1) + "#"
                    + e.id
            }
        }
        self.entryPaths = entryPaths
        self.byKind = byKind
        self.byEntity = byEntity
        var noticesByEntity: [String: [Int]] = [:]
        for (i, n) in p.withdrawals.enumerated() where !n.entityCode.isEmpty {
            noticesByEntity[n.entityCode, default: []].append(i)
        }
        self.noticesByEntity = noticesByEntity
        // An entity all of whose shown records were withdrawn keeps its page and feeds while a notice
        // lasts, so that its subscribers learn of the withdrawal (行政处罚法 Art.48) instead of finding the
        // feed gone. A decision never shown gives its entity no page: that would make it public.
        let withdrawnOnly = noticesByEntity.filter { code, notices in
            byEntity[code] == nil && notices.contains { p.withdrawals[$0].wasShown }
        }
        self.entityOrder = (entityOrder + withdrawnOnly.keys).sorted()
        self.byDepartment = byDepartment
        let records = p.records
        let entries = p.listEntries
        // The record is read where it lies, not copied (a copy retained each of its strings).
        rows = LazyRows { i in records.withUnsafeBufferPointer { Views.row($0[i]) } }
        entryRows = LazyRows { Views.entryRow(entries[$0]) }
        let visible = p.articles.filter { $0.date.map { $0 <= p.date } ?? true }
        articles = visible.filter { $0.section == .xinwen }.sorted {
            ($0.date ?? p.date, $0.slug) > ($1.date ?? p.date, $1.slug)
        }
        honghei = articles.filter(\.isHonghei)
        pages = visible.filter { $0.section == .pages }.sorted { $0.slug < $1.slug }
    }

    typealias Groups = [String: (records: [Int], entries: [Int])]

    /// The records of each entity with a 统一社会信用代码, and the codes in the order first met. Read
    /// where they lie, each packed code unpacked once.
    static func byEntity(_ records: [PublishedRecord]) -> (Groups, [String]) {
        var groups: Groups = [:]
        var order: [String] = []
        records.withUnsafeBufferPointer { records in
            for i in records.indices {
                let code = records[i].entityCode
                guard !code.isEmpty else { continue }
                if groups[code] == nil { order.append(code) }
                groups[code, default: ([], [])].records.append(i)
            }
        }
        return (groups, order)
    }

    /// The records of each kind, and of each department (by 编码).
    static func byKindAndDepartment(_ records: [PublishedRecord]) -> ([RecordKind: [Int]], Groups) {
        var byKind: [RecordKind: [Int]] = [.xzxk: [], .xzcf: []]
        var byDepartment: Groups = [:]
        records.withUnsafeBufferPointer { records in
            // Records of one department mostly come in runs: a run is added to its list at once.
            var run: (code: String, records: [Int]) = ("", [])
            for i in records.indices {
                byKind[records[i].kind, default: []].append(i)
                let department = records[i].department.code
                if department != run.code {
                    if !run.records.isEmpty { byDepartment[run.code, default: ([], [])].records += run.records }
                    run = (department, [])
                }
                run.records.append(i)
            }
            if !run.records.isEmpty { byDepartment[run.code, default: ([], [])].records += run.records }
        }
        return (byKind, byDepartment)
    }
}

/// The template values of the `i`-th row of a listing, made on each use.
struct LazyRows: Sendable {
    let make: @Sendable (Int) -> TemplateObject
    subscript(_ i: Int) -> TemplateObject { make(i) }
}
