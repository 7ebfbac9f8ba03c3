import GongshiModel
import GongshiRules

/// Fingerprints of what pages are made from, rather than of the pages' contexts: an incremental build
/// tells an unchanged page from these without building its context (see ``Renderer/keyedPage``).
///
/// Each covers every stored value of its type that a page, feed or data file can show, so that two
/// equal fingerprints mean equal inputs. `InputFingerprintTests` fails when a stored property is added
/// to one of these types without being added here (or named as one that never reaches the output).
extension FingerprintBuffer {
    mutating func add(_ d: LocalDate) { add(d.dayNumber) }

    mutating func add(_ d: LocalDate?) {
        add(d != nil)
        if let d { add(d.dayNumber) }
    }

    mutating func add(department d: Department) {
        add(d.code)
        add(d.name)
        add(d.uscc)
        add(d.website)
        add(d.aliases.count)
        for a in d.aliases { add(a) }
    }

    /// A published record: everything but where it was read from (file, line, sheet: the preview's).
    mutating func add(record r: PublishedRecord) {
        add(r.kind.rawValue)
        add(r.key)
        add(r.id)
        add(department: r.department)
        add(r.entityCode)
        add(r.category.rawValue)
        add(r.decisionDate)
        add(r.publicityEnd)
        add(r.deadline)
        add(r.firstPublished)
        add(r.lastUpdated)
        add(r.lateWorkdays ?? -1)
        add(r.publishWorkdays ?? -1)
        add(r.isLate)
        add(r.underObjection)
        add(r.statusNote)
        let values = r.values
        add(values.count)
        for i in 0..<values.count { add(values[i]) }
        add(r.digest)
        add(r.timelinessJudged)
        add(r.previousSystem)
        add(r.severityInferred)
        add(r.registrationNumber)
        add(r.organizationCode)
    }

    /// A published list entry: everything but where it was read from.
    mutating func add(entry e: PublishedListEntry) {
        add(e.key)
        add(e.id)
        add(e.idHidesName)
        add(e.isRed)
        add(e.listName)
        add(e.listID)
        add(department: e.department)
        add(e.entityName)
        add(e.entityCode)
        add(e.category.rawValue)
        add(e.listedOn)
        add(e.validUntil)
        add(e.validUntilNote)
        add(e.reason)
        add(e.basis)
        add(e.memorandum != nil)
        if let m = e.memorandum {
            for s in [m.number, m.title, m.documentNumber, m.type] { add(s) }
        }
        add(e.underObjection)
        add(e.firstPublished)
        add(e.lastUpdated)
        add(e.fields.count)
        for f in e.fields {
            add(f.name)
            add(f.value)
        }
        add(e.digest)
        add(e.registrationNumber)
        add(e.organizationCode)
        add(e.document)
        add(e.previousSystem)
    }

    /// A withdrawal notice: everything but where it was read from.
    mutating func add(notice n: WithdrawalNotice) {
        add(n.kind.rawValue)
        add(n.key)
        add(n.id)
        add(department: n.department)
        for s in [n.entityName, n.documentNumber, n.title] { add(s) }
        add(n.decisionDate)
        add(n.revokedOn)
        add(n.withdrawnOn)
        add(n.reason)
        add(n.until)
        add(n.digest)
        add(n.action)
        add(n.entityCode)
        add(n.wasShown)
    }

    /// The site's settings that any output can show or depend on.
    mutating func add(settings s: SiteSettings) {
        for v in [s.title, s.baseURL, s.region, s.language] { add(v) }
        add(s.deadlineWorkdays)
        add(s.withdrawWorkdays)
        add(s.naturalPersons.rawValue)
        add(s.naturalPersonLists.count)
        for l in s.naturalPersonLists { add(l) }
        add(s.adoptedOn)
        for severity in s.penaltyPublicityMonths.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            add(severity.rawValue)
            add(s.penaltyPublicityMonths[severity] ?? 0)
        }
        add(s.feedItems)
        add(s.pagination)
        let f = s.footer
        for v in [
            f.sponsor, f.organizer, f.contact, f.siteCode, f.icp, f.psb, f.partyMarkImage, f.partyMarkLink,
            f.correction,
        ] {
            add(v)
        }
    }
}

/// The fingerprints of a publication's records and list entries, made once per incremental build (on
/// every core) and shared by the pages, feeds and data files that show them.
struct InputFingerprints: Sendable {
    /// Everything every output shares: the theme, the settings, the date, the standing pages the
    /// footer links, the departments (feed titles name them).
    let site: Fingerprint
    /// The same without the build date, for outputs that never show it (record, notice and entity pages,
    /// entity feeds, filter shards): the date decides which records are public, and each record's own
    /// fingerprint says the rest.
    let undatedSite: Fingerprint
    /// By index into `publication.records` and `publication.listEntries`.
    let records: [Fingerprint]
    let entries: [Fingerprint]

    init(_ r: Renderer) {
        let p = r.publication
        var b = FingerprintBuffer(tag: "site")
        b.add(r.templates.fingerprint)
        b.add(settings: r.context.settings)
        b.add(r.context.preview != nil)
        b.add(object: ["links": r.standingPageLinks])
        b.add(p.departments.count)
        for d in p.departments { b.add(department: d) }
        undatedSite = b.finish()
        var dated = FingerprintBuffer(tag: "dated-site")
        dated.add(undatedSite)
        dated.add(r.context.date)
        dated.add(p.date)
        site = dated.finish()
        records = ParallelMap.chunked(p.records, chunk: 1024) { r in
            var b = FingerprintBuffer(tag: "record")
            b.add(record: r)
            return b.finish()
        }
        entries = ParallelMap.chunked(p.listEntries, chunk: 1024) { e in
            var b = FingerprintBuffer(tag: "entry")
            b.add(entry: e)
            return b.finish()
        }
    }
}
