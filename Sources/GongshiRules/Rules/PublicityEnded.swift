import GongshiModel

/// `publicity-ended`: the record's time on the site is over. Holds the publicity periods of NDRC
/// Order No. 36 and the five-year cap of 山东省社会信用条例 Art.38, which the pages and
/// `publicity-too-long` use too.
public enum PublicityEnded: RecordRule {
    public static let info = RuleInfo(
        id: "publicity-ended", title: "公示期已届满", severity: .info, withholds: "该记录",
        summary:
            "公示期已满：处罚自决定日期起按失信严重程度公示（轻微不公示，一般 3–12 个月，严重 12–36 个月，按 site.yml 设置；公示截止期优先，但不超过该严重程度的上限），许可超过有效期至，已信用修复（自状态日期起），名单已移出或超过有效期至；黑名单未写有效期至的最长公示36个月，任何失信信息不超过60个月",
        example: "2025-03-10 作出的一般失信处罚，公示12个月，2026-03-10 为最后一天",
        basis: "《信用修复管理办法》（国家发展改革委令第36号）公示期限；《山东省社会信用条例》第三十八条（披露期限最长不超过五年）")

    /// The longest any 失信 information is disclosed (山东省社会信用条例 Art.38).
    static let absoluteMonths = 60
    /// A black-list entry without 有效期至 (Order 36: 严重失信信息 at most 3 years).
    static let blackListMonths = 36

    /// The publicity of a decision: its last day (nil: open-ended), whether it is never shown, why it
    /// ends, and whether an explicit end was cut to the legal maximum.
    struct Period {
        var end: LocalDate?
        var never = false
        /// Why it ends, as its parts: ``reason`` words it only for a record that is withheld (the period
        /// of every record is asked several times a build, and is almost always still running).
        var why = Why.none
        var cappedFrom: LocalDate?

        enum Why {
            case none
            case licenceValidity
            case penaltyCapped(Severity, months: Int)
            case publicityEnd
            case penaltyNever(Severity, inferred: Bool)
            case penaltyMonths(Severity, inferred: Bool, months: Int)
            case listValidity
            case blackListCapped
            case blackListDefault
            /// 有效期至 holds words (长期) or no readable date: the default period, said with what was written.
            case blackListNoEnd(String)
        }

        /// What a list entry's page says beside 有效期至 when the date is not the department's: the date
        /// they gave, cut to the legal maximum, or none given and the default period counted.
        var shownNote: String {
            switch why {
            case .blackListCapped:
                return "认定部门报送 \(cappedFrom?.description ?? "")，依法最长公示 \(PublicityEnded.absoluteMonths) 个月"
            case .blackListDefault: return "未报送有效期，按 \(PublicityEnded.blackListMonths) 个月计"
            case .blackListNoEnd(let written):
                return "报送为「\(written)」，按 \(PublicityEnded.blackListMonths) 个月计"
            default: return ""
            }
        }

        /// Why the record's publicity is over, in the words of the `publicity-ended` finding.
        var reason: String {
            let endText = end?.description ?? ""
            switch why {
            case .none: return ""
            case .licenceValidity: return "许可有效期至 \(endText)，已过期，不再公示"
            case .penaltyCapped(let severity, let months):
                return "\(severity.rawValue)失信信息最长公示 \(months) 个月，已于 \(endText) 届满，不再公示"
            case .publicityEnd: return "公示截止期 \(endText) 已过，不再公示"
            case .penaltyNever(let severity, let inferred):
                return "失信严重程度为「\(severity.rawValue)」\(Period.inferred(inferred))，按公示期限设置（0个月）不予公示"
            case .penaltyMonths(let severity, let inferred, let months):
                return "\(severity.rawValue)失信\(Period.inferred(inferred))的公示期为 \(months) 个月，已于 \(endText) 届满，不再公示"
            case .listValidity: return "名单有效期至 \(endText)，已届满，不再公示"
            case .blackListCapped: return "黑名单最长公示 \(absoluteMonths) 个月，已于 \(endText) 届满，不再公示"
            case .blackListDefault:
                return "黑名单未写有效期至，自列入日期起最长公示 \(blackListMonths) 个月，已于 \(endText) 届满，不再公示"
            case .blackListNoEnd(let written):
                return "黑名单有效期至写作「\(written)」，自列入日期起最长公示 \(blackListMonths) 个月，已于 \(endText) 届满，不再公示"
            }
        }

        static func inferred(_ inferred: Bool) -> String { inferred ? "（根据处罚类别推定）" : "" }
    }

    static func period(_ r: RecordContext, _ env: RuleEnvironment) -> Period {
        guard let decided = r.primaryDate else { return Period() }
        if r.kind == .mingdan { return listPeriod(r, listed: decided) }
        if r.kind == .xzxk { return Period(end: r.date(.validUntil), why: .licenceValidity) }
        let severity = r.severity
        let maxMonths = min(severity.allowedMonths.upperBound, absoluteMonths)
        let maxEnd = decided.adding(months: maxMonths)
        if let explicit = r.date(.publicityEnd) {
            if explicit > maxEnd {
                return Period(end: maxEnd, why: .penaltyCapped(severity, months: maxMonths), cappedFrom: explicit)
            }
            return Period(end: explicit, why: .publicityEnd)
        }
        let months = env.settings.penaltyPublicityMonths[severity] ?? 12
        if months == 0 { return Period(never: true, why: .penaltyNever(severity, inferred: r.severityInferred)) }
        return Period(
            end: decided.adding(months: months),
            why: .penaltyMonths(severity, inferred: r.severityInferred, months: months))
    }

    /// A list entry's last day: 有效期至; for a black list at most 60 months, and 36 months without it.
    static func listPeriod(_ r: RecordContext, listed: LocalDate) -> Period {
        let until = r.date(.validUntil)
        guard !r.isRedList else { return Period(end: until, why: .listValidity) }
        let cap = listed.adding(months: absoluteMonths)
        if let u = until, u > cap { return Period(end: cap, why: .blackListCapped, cappedFrom: u) }
        if let u = until { return Period(end: u, why: .listValidity) }
        let written = DisplayText.cut(r[.validUntil], to: 20)
        let why: Period.Why = written.isEmpty ? .blackListDefault : .blackListNoEnd(written)
        return Period(end: listed.adding(months: blackListMonths), why: why)
    }

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic else { return .none }
        let date = env.date
        if r.kind == .mingdan {
            if let removed = r.date(.removedOn), removed <= date {
                return Decision(withholding: finding(r, "已于 \(removed) 移出名单，不再公示"))
            }
            if r.listStatus(on: date) == .removed {
                return Decision(withholding: finding(r, "当前状态为「移出」\(r.statusDate.map { "（\($0)）" } ?? "")，不再公示"))
            }
        } else if r.recordStatus(on: date) == .repaired {
            let when = r.statusDate.map { "自 \($0) 起" } ?? ""
            return Decision(withholding: finding(r, "已完成信用修复，\(when)终止公示"))
        }
        let p = period(r, env)
        if p.never || p.end.map({ date > $0 }) == true {
            return Decision(withholding: finding(r, p.reason))
        }
        return .none
    }
}
