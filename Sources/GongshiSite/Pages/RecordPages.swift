import GongshiModel
import GongshiRules

extension Renderer {
    /// One page per public record, and one per withdrawal notice of a revoked one, in chunks.
    func recordJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        let notices = publication.withdrawals
        return Self.chunks(publication.records.count) { try self.renderRecord($0, index, out) }
            + Self.chunks(notices.count) { try self.renderNotice(notices[$0], index, out) }
    }

    /// Jobs of 200 items each, `render` called with each item's index.
    static func chunks(_ count: Int, _ render: @escaping @Sendable (Int) throws -> Void) -> [Job] {
        stride(from: 0, to: count, by: 200).map { start in
            { for i in start..<min(start + 200, count) { try render(i) } }
        }
    }

    /// The page of a withdrawal notice: made of the notice alone, like a record's, so that a build on
    /// another day (or with more records) takes it from the live output as it is.
    func renderNotice(_ n: WithdrawalNotice, _ index: SiteIndex, _ out: CountingSink) throws {
        let path = Views.noticePath(n) + "index.html"
        try keyedPage(
            "withdrawal", to: path, index, out, sitemap: false, dated: false, key: { $0.add(notice: n) },
            context: {
                var ctx = context.page(
                    path: path, title: "撤回说明：\(n.entityName) \(n.documentNumber)", section: n.kind.rawValue + "/",
                    dated: false)
                ctx["notice"] =
                    [
                        "kindTitle": n.kind.title, "entityName": n.entityName, "documentNumber": n.documentNumber,
                        "title": n.title,
                        "decisionDate": n.decisionDate.description, "revokedOn": n.revokedOn?.description ?? "",
                        "withdrawnOn": n.withdrawnOn.description, "reason": n.reason,
                        "until": n.until?.description ?? "",
                        "department": n.department.name, "departmentPath": Views.departmentPath(n.department.code),
                        "sectionPath": n.kind.rawValue + "/", "action": n.action, "wasShown": n.wasShown,
                    ] as TemplateObject
                ctx["robots"] = "noindex"
                return ctx
            })
    }

    /// The page of `publication.records[i]`: made of the record alone (and what every page shares but
    /// the build date: the page says the record's own dates, and the next day's build takes it as it is).
    func renderRecord(_ i: Int, _ index: SiteIndex, _ out: CountingSink) throws {
        // The record is read where it lies: a copy retained and released each of its strings.
        try publication.records.withUnsafeBufferPointer { records in
            let path = Views.recordPath(records[i]) + "index.html"
            try keyedPage(
                "record", to: path, index, out, dated: false, key: { $0.add(record: i, index) },
                context: { recordContext(records[i], path) })
        }
    }

    func recordContext(_ r: PublishedRecord, _ path: String) -> TemplateObject {
        // Unpacked once each: every read of a packed text decodes and allocates it again.
        let name = r.entityName
        let title = r.title
        let number = r.documentNumber
        let section = r.kind.rawValue + "/"
        var ctx = context.page(
            path: path, title: "\(name) \(number)", section: section,
            description: "\(r.kind.title)：\(name)，\(title)，\(r.department.name) \(r.decisionDate.chinese)", dated: false
        )
        var rec: TemplateObject = [
            "kind": r.kind.rawValue, "kindTitle": r.kind.title, "sectionPath": section,
            "entityName": name, "title": title, "documentNumber": number,
            "department": r.department.name, "departmentPath": Views.departmentPath(r.department.code),
            "decisionDate": r.decisionDate.description, "published": Views.published(r),
            "deadline": r.deadline.description, "publicityEnd": r.publicityEnd?.description ?? "",
            "updated": r.lastUpdated?.description ?? "", "objection": r.underObjection, "statusNote": r.statusNote,
            "isPenalty": r.kind == .xzcf,
            // Set (empty) in every build: the template's `empty()` test treats a missing key as not empty.
            "previewDeadline": "",
        ]
        let (fields, masked) = Views.fieldRows(r)
        rec["fields"] = fields
        if masked || Views.showsMask(name) { rec["masked"] = true }
        if !r.timelinessJudged {
            rec["notJudged"] =
                r.previousSystem
                ? "日期不详；本站自 \(r.firstPublished) 起公示，未评价是否按时" : "缺少节假日安排，未评价是否按时"
        }
        if r.severityInferred { rec["inferredSeverity"] = r.fields.value(of: .severity) ?? "" }
        if r.isLate {
            rec["late"] =
                switch r.lateWorkdays {
                case nil: "逾期公示（缺少节假日安排，逾期的工作日数无法计算）"
                case 0?: "在最迟公示日期后公示"
                case let n?: "逾期 \(n) 个工作日公示"
                }
        }
        let code = r.entityCode
        if !code.isEmpty {
            rec["entityPath"] = Views.entityPath(code)
            rec["entityCode"] = code
        }
        if context.preview != nil {
            rec["previewDeadline"] = deadlineText(decided: r.decisionDate) ?? ""
            // Not in the ledger yet: the preview shows what a build today would do, not a past fact.
            if publishedNow.contains(r.key) { rec["published"] = "尚未公示（今天构建时将首次公示）" }
        }
        ctx["record"] = rec
        if let extra = findingRows(r.key) {
            ctx["findings"] = extra
            ctx["hasFindings"] = true
        }
        return ctx
    }
}

/// A render failure that is not the data's fault (a sink that cannot write).
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
