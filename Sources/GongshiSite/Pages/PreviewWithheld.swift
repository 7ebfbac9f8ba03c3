import GongshiModel
import GongshiRules

/// Where the preview shows a withheld record, and the record.
typealias WithheldPage = (path: String, record: WithheldRecord)

extension Renderer {
    /// The path the preview shows a withheld record at: its own URL for licensing and penalty records
    /// (where the public page will be once it is fixed), `yulan/mingdan/<id>/` for a list entry.
    static func withheldPath(_ w: WithheldRecord) -> String {
        w.kind == .mingdan ? "yulan/mingdan/\(w.id)/" : "\(w.kind.rawValue)/\(w.id)/"
    }

    /// Paths of the withheld records that get a preview page, by key: one per id, and none where a
    /// public page of the same key exists (a published first copy of a duplicate).
    func withheldPages() -> [String: WithheldPage] {
        let p = publication
        var shown = Set(p.records.map(\.key))
        shown.formUnion(p.withdrawals.map(\.key))
        var byKey: [String: (String, WithheldRecord)] = [:]
        var ids = Set<String>()
        for w in p.withheld where !w.id.isEmpty && !shown.contains(w.key) && byKey[w.key] == nil && !ids.contains(w.id)
        {
            ids.insert(w.id)
            byKey[w.key] = (Renderer.withheldPath(w), w)
        }
        return byKey
    }

    /// Preview pages of withheld records: why each is withheld, what to fix, its deadline and the row
    /// as read. Never part of a public build.
    func renderWithheldPreviews(_ pages: [String: WithheldPage], _ out: CountingSink) throws {
        for (path, w) in pages.values.sorted(by: { $0.path < $1.path }) {
            let file = path + "index.html"
            // An ID number typed as the name or the document number (part of the key) stays masked here too.
            let name = w.entity.isEmpty ? "（无名称）" : Views.masked(w.entity)
            var ctx = context.page(
                path: file, title: "未公示：\(name)", section: w.kind == .mingdan ? "" : w.kind.rawValue + "/")
            ctx["robots"] = "noindex"
            var rec: TemplateObject = [
                "kindTitle": w.kind.title, "entityName": name, "key": Views.masked(w.key),
                "file": Finding.place(file: w.file, sheet: w.sheet),
                "line": w.line > 0 ? "第\(w.line)行" : "", "ruleTitle": RuleTitles.title(w.rule), "rule": w.rule,
                "isError": w.isError, "fields": w.row.map { ["name": $0.name, "value": $0.value] as TemplateObject },
                "hasFields": !w.row.isEmpty, "dateLabel": w.kind == .mingdan ? Field.listedOn.name : "决定日期",
                "publishedAt": w.kind == .mingdan ? "更正后将在名单中公示" : "更正后将在这个地址公示",
            ]
            if let d = w.decided { rec["decided"] = d.description }
            if w.kind != .mingdan, let decided = w.decided { rec["deadline"] = deadlineText(decided: decided) }
            ctx["withheld"] = rec
            if let extra = findingRows(w.key) {
                ctx["findings"] = extra
                ctx["hasFindings"] = true
            }
            try page("withheld", ctx, to: file, out, sitemap: false)
        }
    }

    /// 最迟公示日期 with the working days left (or past), for the preview; nil without the calendar.
    func deadlineText(decided: LocalDate) -> String? {
        let p = publication
        guard let deadline = try? p.calendar.addingWorkdays(settings.deadlineWorkdays, to: decided) else {
            return "无法计算（缺少节假日安排）"
        }
        if deadline >= p.date {
            let left = (try? p.calendar.workdays(after: p.date, through: deadline)) ?? 0
            return deadline == p.date ? "\(deadline)（今天）" : "\(deadline)（还有 \(left) 个工作日）"
        }
        let past = (try? p.calendar.workdays(after: deadline, through: p.date)) ?? 0
        return "\(deadline)（已过 \(past) 个工作日）"
    }
}
