import GongshiModel

/// `late-disclosure`: first published after the deadline (7 working days after the decision). Holds
/// the deadline law the pages and `due-soon` use.
public enum LateDisclosure: RecordRule {
    public static let info = RuleInfo(
        id: "late-disclosure", title: "逾期公示", severity: .error, withholds: "—（仍然公示）",
        summary:
            "行政许可、行政处罚的首次公示（台账中的「公示」，或本次构建日期）晚于决定日期后第 deadlineWorkdays（默认7）个工作日（决定当日不计）。评价的是部门，不影响公示；缺少所需年份的节假日安排时不评价",
        example: "2026-11-20（周五）作出的处罚，截止日为 2026-12-01（周二），2026-12-02 才首次公示",
        basis: "国办发〔2015〕51号、国发〔2016〕33号（自作出行政决定之日起7个工作日内上网公开）；周政发〔2017〕72号；工作日按《中华人民共和国行政处罚法》第八十五条、《中华人民共和国行政许可法》第八十二条"
    )

    /// When a decision was due and published, in working days.
    struct Timeliness {
        let deadline: LocalDate
        let published: LocalDate
        /// Working days from the deadline to the publication (0 when timely, or on a rest day right after
        /// it); nil when a year they fall in has no calendar (the lateness itself is still known).
        var lateWorkdays: Int? = 0
        /// Working days from the decision to the publication; nil as above.
        var publishWorkdays: Int? = 0
        var judged = true
        /// The year without a calendar that left the record unjudged, or only its counts unknown.
        var missingYear: Int?
    }

    /// Throws only when the deadline itself falls where no calendar is: a publication after a known
    /// deadline is late whatever the calendar of the days between (SPEC §8.1 exempts only what cannot
    /// be judged), and only the count of working days late is then unknown.
    static func timeliness(_ r: RecordContext, decided: LocalDate, env: RuleEnvironment) throws(MissingCalendarYear)
        -> Timeliness
    {
        let deadline = try env.calendar.addingWorkdays(env.settings.deadlineWorkdays, to: decided)
        let published = r.ledger?.firstPublished ?? env.date
        var t = Timeliness(deadline: deadline, published: published)
        // Published by the previous system on a date no one recorded: neither late nor on time.
        if publishedBeforeAdoption(r, decided: decided, env: env) {
            t.judged = false
            return t
        }
        do {
            t.lateWorkdays = try env.calendar.workdays(after: deadline, through: published)
            t.publishWorkdays = try env.calendar.workdays(after: decided, through: published)
        } catch {
            t.lateWorkdays = nil
            t.publishWorkdays = nil
            t.missingYear = error.year
        }
        return t
    }

    /// SPEC §8.3: a record decided before `disclosure.adoptedOn` that the ledger does not know on the
    /// site's first build, or knows only from the 导入 that build recorded (dated on or after that day),
    /// was published by the previous system on a date not known. An 导入 with the previous system's own
    /// date (from `gongshi ledger import`, before `adoptedOn`) is judged like any publication, and so is
    /// a record that first comes after the first build (``RuleEnvironment/builtSinceAdoption``): the
    /// previous system did not hand it over.
    static func publishedBeforeAdoption(_ r: RecordContext, decided: LocalDate, env: RuleEnvironment) -> Bool {
        guard let adopted = env.settings.adoptedOn, decided < adopted else { return false }
        guard let s = r.ledger, let first = s.firstPublished else { return !env.builtSinceAdoption }
        return s.firstImported && first >= adopted
    }

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic, r.kind != .mingdan, let decided = r.primaryDate else { return .none }
        do {
            let t = try timeliness(r, decided: decided, env: env)
            guard t.judged, t.published > t.deadline else { return .none }
            let late =
                switch t.lateWorkdays {
                case nil: "逾期的工作日数因缺少 \(t.missingYear ?? t.published.year) 年的节假日安排无法计算"
                case 0?: "在最迟公示日期后的休息日公示"
                case let n?: "逾期 \(n) 个工作日"
                }
            // A record the ledger does not know yet is published by this build: say so, not that it was.
            let when =
                r.ledger?.firstPublished == nil
                ? "尚未公示，今天（\(t.published)）公示时" : "首次公示于 \(t.published)，"
            // Judged, though its days are not counted: not among the records missing-calendar counts as
            // unjudged (the build date's year is reported whatever the records need).
            return Decision(findings: [finding(r, "\(when)最迟公示日期为 \(t.deadline)，\(late)（仍然公示）")])
        } catch {
            var d = Decision()
            d.missingYear = error.year
            return d
        }
    }
}
