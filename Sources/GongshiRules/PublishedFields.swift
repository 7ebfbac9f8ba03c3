import GongshiModel

/// The fields of a record or list entry as the site publishes them, and the texts beside them.
extension Publisher {
    /// A text as published: personal numbers masked (``PersonalData/scrub(_:)``), and a natural person's
    /// full name, where the text repeats it (被告马大浩于…), masked as the name is shown (马*浩).
    static func scrubbed(_ v: String, _ r: RecordContext, _ category: SubjectCategory) -> String {
        let text = PersonalData.scrub(v).text
        guard category == .naturalPerson else { return text }
        return PersonalData.maskingName(r.entityName, in: text).text
    }

    /// Whether field `f`, one of the entity's other code columns, holds a person's ID number in `v`:
    /// never published (``ResidentIDNumber/isHeldInCode(_:person:)``), and said by `personal-data`.
    static func holdsPersonalID(_ f: Field, _ v: String, category: SubjectCategory?) -> Bool {
        Field.otherEntityCodes.contains(f) && ResidentIDNumber.isHeldInCode(v, person: category != .organization)
    }

    /// Every column but the secret ones, as published: dates normalised, codes of enumerated fields
    /// published as names, personal data in free text masked, natural persons' names masked.
    static func publishedFields(_ r: RecordContext, category: SubjectCategory, env: RuleEnvironment) -> [PublishedField]
    {
        var out: [PublishedField] = []
        let schema = r.schema
        let statusInEffect = r.statusText.isEmpty || (r.statusDate.map { $0 <= env.date } ?? true)
        // An end beyond the legal maximum is shown as the maximum (publicity-too-long).
        let period = r.kind == .xzxk ? nil : PublicityEnded.period(r, env)
        let capped = period?.cappedFrom == nil ? nil : period?.end
        let cappedField: Field = r.kind == .mingdan ? .validUntil : .publicityEnd
        let authorityCodeFilled = r.authorityCodeFromDepartments
        out.reserveCapacity(schema.fields.count)
        let roles = schema.roles
        let values = r.source.values
        for (i, f) in schema.fields.enumerated() where roles[i] != .secret {
            var v = values[i]
            switch roles[i] {
            case .date:
                if let end = capped, f == cappedField {
                    v = end.description
                } else if let d = r.dates[i] {
                    v = d.description
                } else if !v.isEmpty, let period, f == cappedField {
                    // A word (长期), a placeholder or an impossible date: the end in effect is shown, as
                    // the page's 公示至 says, not the words beside it.
                    v = period.end?.description ?? ""
                } else if !v.isEmpty, let d = LocalDate(parsing: v), d < RecordContext.placeholderBefore,
                    r.dateFields.end.contains(i)
                {
                    v = ""  // a placeholder for "no end", not a date to show
                } else if v.contains(where: \.isNumber) {
                    // A date that is none (2026-02-30, 0000-00-00): bad-value says it is ignored, and shown it
                    // would read as a day. Words and marks (长期, 至今, /) stay as written, as every build before
                    // this one published them (a changed value would be an 更新 of every such record).
                    v = ""
                }
            case .code:
                // The entity's codes as read by shape: only valid ones, each in its own column (SPEC §8.4).
                switch f {
                case .creditCode: v = r.identity.uscc
                case .registrationNumber: v = r.identity.registrationNumber
                case .organizationCode: v = r.identity.organizationCode
                default:
                    if f == authorityCodeFilled {
                        v = r.department?.uscc ?? ""
                    } else if UnifiedSocialCreditCode.isNone(v) {
                        v = ""
                    } else if f == .dataSourceCode && !UnifiedSocialCreditCode.isValid(v) {
                        v = ""  // authority-code: 1.137E+17 is no code to show
                    } else if holdsPersonalID(f, v, category: category) {
                        v = ""  // a person's ID number (personal-data): never published
                    }
                }
            case .secret:
                break
            case .status:
                if !statusInEffect { v = "" }
                if let d = r.dates[i] { v = statusInEffect ? d.description : "" }
                if f == .status && !v.isEmpty {
                    // `v` is the status as read (in effect): parsed once by the context.
                    if r.kind == .mingdan {
                        v = r.givenListStatus?.rawValue ?? v
                    } else {
                        v = r.givenRecordStatus?.rawValue ?? v
                    }
                }
                if f == .statusNote { v = scrubbed(v, r, category) }
            case .text:
                switch f {
                case .severity: v = r.severity.rawValue
                case .entityCategory, .subjectCategory: v = category.rawValue
                case .licenceCategory: v = LicenceCategory(parsing: v)?.rawValue ?? PersonalData.scrub(v).text
                // Published as the list it names (守信激励名单 as 红名单); an unknown one is withheld.
                case .listType: v = r.listType?.rawValue ?? v
                default:
                    if category == .naturalPerson && f == r.kind.entityNameField {
                        v = PersonalData.maskName(v)
                    } else {
                        v = scrubbed(v, r, category)
                    }
                }
            }
            out.append(PublishedField(field: f, value: v))
        }
        return out
    }
}
