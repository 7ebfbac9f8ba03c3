import GongshiModel

/// Shapes a record the rules left public (or withdrew) into what the pages show: fields as published,
/// publicity end, deadline and timeliness. It decides nothing: every "whether" is a rule's.
enum Publisher {
    static func record(
        _ r: RecordContext, department: Department, decided: LocalDate, category: SubjectCategory,
        env: RuleEnvironment
    ) -> (PublishedRecord, UpcomingDeadline?, Int?) {
        let date = env.date
        let status = r.recordStatus(on: date)
        let period = PublicityEnded.period(r, env)
        let fields = publishedFields(r, category: category, env: env)
        let state = r.ledger
        let first = state?.firstPublished
        var t: LateDisclosure.Timeliness
        do {
            t = try LateDisclosure.timeliness(r, decided: decided, env: env)
        } catch {
            // No calendar for the deadline's days: publish it, its timeliness neither late nor on time.
            t = LateDisclosure.Timeliness(
                deadline: decided.addingWeekdays(env.settings.deadlineWorkdays), published: first ?? date)
            t.judged = false
            t.missingYear = error.year
        }
        var upcoming: UpcomingDeadline?
        if first == nil, t.judged, t.deadline >= date {
            upcoming = UpcomingDeadline(
                key: r.key, department: department.code, deadline: t.deadline,
                file: r.source.file, line: r.source.line)
            upcoming?.entity = r.displayName
            upcoming?.document = r[r.kind.documentField]
        }
        let code = env.links.uscc(of: r.identity, name: r.entityName)
        var record = PublishedRecord(
            kind: r.kind, key: r.key, id: ContentDigest.id(for: r.key, prefix: department.code), department: department,
            entityCode: code, category: category, decisionDate: decided,
            publicityEnd: period.end, deadline: t.deadline, firstPublished: t.published,
            lastUpdated: state?.lastUpdated,
            lateWorkdays: t.lateWorkdays, publishWorkdays: t.publishWorkdays,
            isLate: t.judged && t.published > t.deadline,
            underObjection: status == .objection,
            statusNote: status == .normal ? "" : scrubbed(r[.statusNote], r, category),
            fields: fields, digest: ContentDigest.digest(fields), file: r.source.file, line: r.source.line,
            sheet: r.source.sheet, timelinessJudged: t.judged, severityInferred: r.kind == .xzcf && r.severityInferred,
            registrationNumber: r.identity.registrationNumber, organizationCode: r.identity.organizationCode,
            table: env.values)
        record.previousSystem =
            state?.firstImported == true || LateDisclosure.publishedBeforeAdoption(r, decided: decided, env: env)
        // Only a record whose timeliness is not judged is counted as such (its days alone may be uncounted).
        return (record, upcoming, t.judged ? nil : t.missingYear)
    }

    /// The publicity a withdrawn decision would have had, while it lasts (its notice is shown until its
    /// end); nil when it is over or there is none.
    static func shownPeriod(_ r: RecordContext, _ env: RuleEnvironment) -> PublicityEnded.Period? {
        let period = PublicityEnded.period(r, env)
        guard !period.never, period.end.map({ env.date <= $0 }) ?? true else { return nil }
        return period
    }

    /// The withdrawal notice of a decision 撤销, 变更, 确认违法 or 确认无效, while the publicity it would
    /// have had lasts.
    static func notice(
        _ r: RecordContext, action: RecordStatus, department: Department, decided: LocalDate,
        category: SubjectCategory, env: RuleEnvironment
    ) -> WithdrawalNotice? {
        guard let period = shownPeriod(r, env) else { return nil }
        let fields = publishedFields(r, category: category, env: env)
        let state = r.ledger
        let withdrawnOn = (state?.lastEvent == .withdrawn ? state?.lastWithdrawn : nil) ?? env.date
        var notice = WithdrawalNotice(
            kind: r.kind, key: r.key, id: ContentDigest.id(for: r.key, prefix: department.code),
            department: department, entityName: value(fields, .entityName, else: r.entityName),
            documentNumber: value(fields, r.kind.documentField), title: value(fields, titleField(r.kind)),
            decisionDate: decided, revokedOn: r.statusDate, withdrawnOn: withdrawnOn,
            reason: scrubbed(r[.statusNote], r, category), until: period.end,
            digest: ContentDigest.digest(fields), file: r.source.file, line: r.source.line, action: action.rawValue)
        notice.sheet = r.source.sheet
        notice.entityCode = env.links.uscc(of: r.identity, name: r.entityName)
        notice.wasShown =
            state?.firstPublished != nil || LateDisclosure.publishedBeforeAdoption(r, decided: decided, env: env)
        return notice
    }

    static func listEntry(
        _ r: RecordContext, department: Department, listed: LocalDate, category: SubjectCategory,
        env: RuleEnvironment
    ) -> PublishedListEntry {
        let fields = publishedFields(r, category: category, env: env)
        let key = ledgerKey(r, env)
        let state = key == r.key ? r.ledger : env.history[key]
        let listName = r[.listName]
        let shownName = value(fields, .subjectName, else: r.entityName)
        let period = PublicityEnded.listPeriod(r, listed: listed)
        var entry = PublishedListEntry(
            key: key, id: listEntryID(key, r, shownName: shownName), isRed: r.isRedList, listName: listName,
            listID: ListID.id(for: listName), department: department, entityName: shownName,
            entityCode: env.links.uscc(of: r.identity, name: r.entityName), category: category, listedOn: listed,
            validUntil: period.end,
            reason: scrubbed(r[.listingReason], r, category),
            basis: scrubbed(r[.listingBasis], r, category),
            memorandum: env.memoranda.memorandum(citedIn: r[.listingBasis]),
            underObjection: r.listStatus(on: env.date) == .objection, firstPublished: state?.firstPublished ?? env.date,
            lastUpdated: state?.lastUpdated, fields: fields, digest: ContentDigest.digest(fields),
            file: r.source.file, line: r.source.line)
        entry.sheet = r.source.sheet
        entry.validUntilNote = period.shownNote
        entry.idHidesName = keyHoldsName(key, r)
        entry.registrationNumber = r.identity.registrationNumber
        entry.organizationCode = r.identity.organizationCode
        entry.document = scrubbed(RecordContext.listDocument(r.source), r, category)
        entry.previousSystem =
            state?.firstImported == true
            || (state?.firstPublished == nil && !env.builtSinceAdoption
                && env.settings.adoptedOn.map { listed < $0 } == true)
        return entry
    }

    /// The URL id of a list entry (`ContentDigest.id` of its key). A natural person known by name has
    /// in the key a hash of the full name, which anyone could try names against once the page shows the
    /// masked one (赵*柱: a few thousand guesses): their id is made from the key with that part replaced
    /// by the name as shown, so that it tells nothing the page does not (SPEC §8.1). Two such entries
    /// may share an id: ``separateSharedIDs(_:)`` tells them apart.
    static func listEntryID(_ key: String, _ r: RecordContext, shownName: String) -> String {
        let part = RecordContext.personKeyPart(r.entityName)
        guard keyHoldsName(key, r) else { return ContentDigest.id(for: key, prefix: "") }
        return ContentDigest.id(for: key.replacingOccurrences(of: part, with: "自然人:" + shownName), prefix: "")
    }

    /// Whether `key` holds the hash of a natural person's full name (``RecordContext/personKeyPart(_:)``).
    static func keyHoldsName(_ key: String, _ r: RecordContext) -> Bool {
        r.isNaturalPerson && key.contains(RecordContext.personKeyPart(r.entityName))
    }

    /// Entries whose ids are made from a masked name (``listEntryID(_:_:shownName:)``) can share one:
    /// two 张*伟 listed on one list on one day without a document. Each after the first, in the order of
    /// their keys, takes `-2`, `-3` …
    static func separateSharedIDs(_ entries: inout [PublishedListEntry]) {
        var byID: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() { byID[e.id, default: []].append(i) }
        for indices in byID.values where indices.count > 1 {
            for (rank, i) in indices.sorted(by: { entries[$0].key < entries[$1].key }).enumerated() where rank > 0 {
                entries[i].id += "-\(rank + 1)"
            }
        }
    }

    /// The key a list entry is published and recorded under. Since its document joined the key (SPEC
    /// §8.4), an entry the ledger knows by its older key (名单名称:代码或名称:列入日期) keeps that key, so
    /// it is neither withdrawn nor published again, and its link stays; unless two entries of today
    /// would share the older key (two documents of one entity on one day): then each takes its new key.
    static func ledgerKey(_ r: RecordContext, _ env: RuleEnvironment) -> String {
        guard let legacy = r.legacyKey, r.ledger == nil, env.history[legacy] != nil,
            env.legacyListKeys.contains(legacy)
        else { return r.key }
        return legacy
    }

    /// What a listing shows as a record's title.
    static func titleField(_ kind: RecordKind) -> Field { kind == .xzxk ? .licenceDocumentName : .violationType }

    /// A field's value as published (personal data masked).
    static func value(_ fields: [PublishedField], _ field: Field, else fallback: String = "") -> String {
        fields.first { $0.field == field }?.value ?? fallback
    }
}

extension LocalDate {
    /// The `n`-th Monday–Friday after this date: the estimate used where no holiday calendar exists.
    public func addingWeekdays(_ n: Int) -> LocalDate {
        var d = self
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if !d.isWeekend { left -= 1 }
        }
        return d
    }

    /// The `n`-th Monday–Friday before this date.
    public func subtractingWeekdays(_ n: Int) -> LocalDate {
        var d = self
        var left = n
        while left > 0 {
            d = d.adding(days: -1)
            if !d.isWeekend { left -= 1 }
        }
        return d
    }
}
