import GongshiModel

/// What the rules decide about one data row.
struct Evaluation: Sendable {
    var findings: [Finding] = []
    var record: PublishedRecord?
    var notice: WithdrawalNotice?
    /// A list entry that passed its own rules; the red/black conflict is decided afterwards.
    var entry: PublishedListEntry?
    var withheldRule: String?
    var upcoming: UpcomingDeadline?
    var calendarError: MissingCalendarYear?
}

/// Applies the per-record rules to one row.
enum Evaluator {
    static func evaluate(_ r: RecordContext, duplicate: Bool, env: Judge.Environment) -> Evaluation {
        var e = Evaluation()
        e.findings += MissingField.check(r)
        e.findings += BadDate.check(r)
        e.findings += FutureDate.check(r, date: env.date)
        e.findings += InvalidUSCC.check(r)
        e.findings += InvalidIDNumber.check(r)
        e.findings += UnknownDepartment.check(r)
        e.findings += UnknownMemorandum.check(r, memoranda: env.memoranda)
        if let firstError = e.findings.first(where: { $0.severity == .error }) {
            e.withheldRule = firstError.rule
            return e
        }
        if duplicate { e.withheldRule = DuplicateRecord.info.id; return e }
        guard let department = r.department, let decided = r.primaryDate, let category = r.category else {
            // Unreachable once the field rules passed; withhold rather than guess.
            e.withheldRule = MissingField.info.id
            return e
        }
        if r.isNaturalPerson && env.settings.naturalPersons == .withhold {
            e.findings += NaturalPersonWithheld.check(r, policy: env.settings.naturalPersons)
            e.withheldRule = NaturalPersonWithheld.info.id
            return e
        }
        do {
            if r.kind == .mingdan {
                try evaluateListEntry(r, department: department, listed: decided, category: category, env: env, into: &e)
            } else {
                try evaluateDecision(r, department: department, decided: decided, category: category, env: env, into: &e)
            }
        } catch {
            e.calendarError = error
        }
        return e
    }

    // MARK: licensing and penalties

    static func evaluateDecision(_ r: RecordContext, department: Department, decided: LocalDate, category: SubjectCategory,
                                 env: Judge.Environment, into e: inout Evaluation) throws(MissingCalendarYear) {
        let date = env.date
        let status = RecordStatus(parsing: r.statusInEffect(on: date)) ?? .other
        // The last day shown, and whether the policy never shows it.
        var end: LocalDate?
        var never = false
        var endReason = ""
        if r.kind == .xzxk {
            end = r.date("有效期至")
            endReason = "许可有效期至 \(end?.description ?? "")，已过期，不再公示"
        } else if let explicit = r.date("公示截止期") {
            end = explicit
            endReason = "公示截止期 \(explicit) 已过，不再公示"
        } else {
            let severity = Severity(rawValue: r["失信严重程度"]) ?? .ordinary
            let months = env.settings.penaltyPublicityMonths[severity] ?? 12
            if months == 0 {
                never = true
                endReason = "失信严重程度为「\(severity.rawValue)」，按公示期限设置（0个月）不予公示"
            } else {
                end = decided.adding(months: months)
                endReason = "\(severity.rawValue)失信的公示期为 \(months) 个月，已于 \(end!) 届满，不再公示"
            }
        }
        let docField = r.kind == .xzxk ? "行政许可决定文书号" : "行政处罚决定书文号"
        let titleField = r.kind == .xzxk ? "行政许可决定文书名称" : "违法行为类型"
        let id = ContentDigest.id(for: r.key, prefix: department.code)

        switch status {
        case .repaired:
            let when = r.statusDate.map { "自 \($0) 起" } ?? ""
            e.findings += PublicityEnded.check(r, "已完成信用修复，\(when)终止公示")
            e.withheldRule = PublicityEnded.info.id
            return
        case .revoked:
            e.findings += Revoked.check(r, statusDate: r.statusDate)
            e.withheldRule = Revoked.info.id
            let state = env.history[r.key]
            let withdrawnOn = (state?.lastEvent == .withdrawn ? state?.lastWithdrawn : nil) ?? date
            if let sd = r.statusDate {
                e.findings += try LateWithdrawal.check(r, statusDate: sd, withdrawn: withdrawnOn,
                                                       workdays: env.settings.withdrawWorkdays, calendar: env.calendar)
            }
            if !never, end.map({ date <= $0 }) ?? true {
                let (fields, _) = publishedFields(r, category: category, env: env)
                let name = fields.first { $0.name == "行政相对人名称" }?.value ?? r.entityName
                let reason = PersonalData.scrub(r["状态说明"]).text
                e.notice = WithdrawalNotice(kind: r.kind, key: r.key, id: id, department: department, entityName: name,
                                            documentNumber: value(fields, docField), title: value(fields, titleField), decisionDate: decided,
                                            revokedOn: r.statusDate, withdrawnOn: withdrawnOn, reason: reason, until: end,
                                            digest: ContentDigest.digest(fields), file: r.source.file, line: r.source.line)
            }
            return
        case .normal, .objection, .other:
            break
        }
        if never || end.map({ date > $0 }) == true {
            e.findings += PublicityEnded.check(r, endReason)
            e.withheldRule = PublicityEnded.info.id
            return
        }
        if status == .objection { e.findings += UnderObjection.check(r, suspended: false) }

        let (fields, masked) = publishedFields(r, category: category, env: env)
        e.findings += PersonalDataInText.check(r, maskedFields: masked)
        let digest = ContentDigest.digest(fields)
        let deadline = try env.calendar.addingWorkdays(env.settings.deadlineWorkdays, to: decided)
        let state = env.history[r.key]
        let first = state?.firstPublished
        let published = first ?? date
        let late = try env.calendar.workdays(after: deadline, through: published)
        e.findings += LateDisclosure.check(r, deadline: deadline, published: published, lateWorkdays: late)
        if first == nil {
            e.findings += try DueSoon.check(r, deadline: deadline, date: date, calendar: env.calendar)
            if deadline >= date {
                e.upcoming = UpcomingDeadline(key: r.key, department: department.code, deadline: deadline,
                                              file: r.source.file, line: r.source.line)
            }
        }
        let name = fields.first { $0.name == "行政相对人名称" }?.value ?? r.entityName
        let code = r.entityCode
        e.record = PublishedRecord(
            kind: r.kind, key: r.key, id: id, department: department, entityName: name,
            entityCode: UnifiedSocialCreditCode.isValid(code) ? code : "", category: category,
            documentNumber: value(fields, docField), title: value(fields, titleField), decisionDate: decided, publicityEnd: end,
            deadline: deadline, firstPublished: published, lastUpdated: state?.lastUpdated, lateWorkdays: late,
            publishWorkdays: try env.calendar.workdays(after: decided, through: published),
            isLate: published > deadline, underObjection: status == .objection,
            statusNote: status == .normal ? "" : PersonalData.scrub(r["状态说明"]).text,
            fields: fields, digest: digest, file: r.source.file, line: r.source.line)
    }

    // MARK: lists

    static func evaluateListEntry(_ r: RecordContext, department: Department, listed: LocalDate, category: SubjectCategory,
                                  env: Judge.Environment, into e: inout Evaluation) throws(MissingCalendarYear) {
        let date = env.date
        let status = ListStatus(parsing: r.statusInEffect(on: date)) ?? .normal
        let isRed = r["名单类型"].contains("红")
        if let removed = r.date("移出日期"), removed <= date {
            e.findings += PublicityEnded.check(r, "已于 \(removed) 移出名单，不再公示")
            e.withheldRule = PublicityEnded.info.id
            return
        }
        if status == .removed {
            e.findings += PublicityEnded.check(r, "当前状态为「移出」\(r.statusDate.map { "（\($0)）" } ?? "")，不再公示")
            e.withheldRule = PublicityEnded.info.id
            return
        }
        if let until = r.date("有效期至"), date > until {
            e.findings += PublicityEnded.check(r, "名单有效期至 \(until)，已届满，不再公示")
            e.withheldRule = PublicityEnded.info.id
            return
        }
        if status == .objection {
            e.findings += UnderObjection.check(r, suspended: !isRed)
            if !isRed { e.withheldRule = UnderObjection.info.id; return }
        }
        let (fields, masked) = publishedFields(r, category: category, env: env)
        e.findings += PersonalDataInText.check(r, maskedFields: masked)
        let state = env.history[r.key]
        let name = fields.first { $0.name == "主体名称" }?.value ?? r.entityName
        let code = r.entityCode
        let listName = r["名单名称"]
        e.entry = PublishedListEntry(
            key: r.key, id: ContentDigest.id(for: r.key, prefix: ""), isRed: isRed, listName: listName,
            listID: ListID.id(for: listName), department: department, entityName: name,
            entityCode: UnifiedSocialCreditCode.isValid(code) ? code : "", category: category, listedOn: listed,
            validUntil: r.date("有效期至"), reason: PersonalData.scrub(r["列入事由"]).text,
            basis: PersonalData.scrub(r["认定依据"]).text, memorandum: env.memoranda.memorandum(citedIn: r["认定依据"]),
            underObjection: status == .objection, firstPublished: state?.firstPublished ?? date,
            lastUpdated: state?.lastUpdated, fields: fields, digest: ContentDigest.digest(fields),
            file: r.source.file, line: r.source.line)
    }

    // MARK: fields

    /// A field's value as published (personal data masked).
    static func value(_ fields: [PublishedField], _ name: String) -> String {
        fields.first { $0.name == name }?.value ?? ""
    }

    /// Every column but the secret ones, as published: dates normalised, personal data in free text
    /// masked, natural persons' names masked; and the names of the fields that needed masking.
    static func publishedFields(_ r: RecordContext, category: SubjectCategory, env: Judge.Environment) -> ([PublishedField], [String]) {
        var out: [PublishedField] = []
        var masked: [String] = []
        let schema = r.schema
        let statusInEffect = r.statusText.isEmpty || (r.statusDate.map { $0 <= env.date } ?? true)
        out.reserveCapacity(schema.fields.count)
        for (i, f) in schema.fields.enumerated() where f.role != .secret {
            var v = r.source.values[i]
            switch f.role {
            case .date:
                if let d = r.dates[i] { v = d.description }
            case .code, .secret:
                break
            case .status:
                if !statusInEffect { v = "" }
                if let d = r.dates[i] { v = statusInEffect ? d.description : "" }
                if f.name == "当前状态" && !v.isEmpty {
                    if r.kind == .mingdan { v = ListStatus(parsing: v)?.rawValue ?? v } else { v = RecordStatus(parsing: v)?.rawValue ?? v }
                }
                if f.name == "状态说明" {
                    let s = PersonalData.scrub(v)
                    if s.found { masked.append(f.name); v = s.text }
                }
            case .text:
                if f.name == "失信严重程度" && v.isEmpty { v = Severity.ordinary.rawValue }
                if category == .naturalPerson && (f.name == "行政相对人名称" || f.name == "主体名称") {
                    v = PersonalData.maskName(v)
                } else {
                    let s = PersonalData.scrub(v)
                    if s.found { masked.append(f.name); v = s.text }
                }
            }
            out.append(PublishedField(name: f.name, value: v, role: f.role))
        }
        return (out, masked)
    }
}
