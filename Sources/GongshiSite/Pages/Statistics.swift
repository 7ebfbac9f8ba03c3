import Foundation
import GongshiModel
import GongshiRules

/// `/tongji/`: per-department timeliness of disclosure, monthly trend and list counts, as inline SVG
/// charts with data tables, and `/tongji/stats.json`.
///
/// Every figure is computed from the Publication (what the pages show, first publication dates from the
/// ledger), so the statistics match the pages: the scope is the decisions public on the build date.
public enum StatisticsPart {
    public static func part(judgement: Judgement) -> RenderPart {
        RenderPart { r, index, out in try r.renderStatistics(index, out) }
    }
}

/// The figures of one department (or of all).
struct DepartmentFigures {
    let code: String
    let name: String
    var licences = 0
    var penalties = 0
    var onTime = 0
    var late = 0
    /// Public decisions whose timeliness could not be judged (a calendar year missing): neither on time nor late.
    var notJudged = 0
    /// Public decisions published by the system the site took over from (SPEC §8.3), counted apart.
    var previousSystem = 0
    var withdrawals = 0
    var entries = 0
    var days: [Int] = []
    var published: Int { licences + penalties }
    var rate: Double? { onTime + late == 0 ? nil : Double(onTime) / Double(onTime + late) }
    var median: Double? {
        guard !days.isEmpty else { return nil }
        let s = days.sorted()
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

struct Statistics {
    let departments: [DepartmentFigures]
    let total: DepartmentFigures
    /// By month of first publication: decisions, those on time, those late; the rest are unjudged (a
    /// calendar year missing, or published by the previous system), neither late nor on time.
    let months: [Month]
    struct Month {
        let month: String
        let published: Int
        let onTime: Int
        let late: Int
        var notJudged: Int { published - onTime - late }
    }
    let lists: [(name: String, isRed: Bool, count: Int)]

    init(_ p: Publication, _ index: SiteIndex) {
        var byDept: [String: DepartmentFigures] = [:]
        for d in p.departments { byDept[d.code] = DepartmentFigures(code: d.code, name: d.name) }
        var total = DepartmentFigures(code: "", name: "合计")
        func add(_ r: PublishedRecord, to f: inout DepartmentFigures) {
            if r.kind == .xzxk { f.licences += 1 } else { f.penalties += 1 }
            if r.previousSystem { f.previousSystem += 1 }
            guard r.timelinessJudged else {
                f.notJudged += 1
                return
            }
            if r.isLate { f.late += 1 } else { f.onTime += 1 }
            if let days = r.publishWorkdays { f.days.append(days) }
        }
        for r in p.records {
            add(
                r,
                to: &byDept[
                    r.department.code, default: DepartmentFigures(code: r.department.code, name: r.department.name)])
            add(r, to: &total)
        }
        for n in p.withdrawals {
            byDept[n.department.code]?.withdrawals += 1
            total.withdrawals += 1
        }
        for e in p.listEntries {
            byDept[e.department.code]?.entries += 1
            total.entries += 1
        }
        departments = p.departments.compactMap { byDept[$0.code] }
        self.total = total

        // The 12 months up to the build date, by month of first publication.
        let first = LocalDate(year: p.date.year, month: p.date.month, day: 1)!.adding(months: -11)
        var counts: [String: (Int, Int, Int)] = [:]
        // The previous system's records were not first published here that month: counted apart.
        for r in p.records where r.firstPublished >= first && !r.previousSystem {
            let m = r.firstPublished.monthString
            var c = counts[m] ?? (0, 0, 0)
            c.0 += 1
            if r.timelinessJudged {
                if r.isLate { c.2 += 1 } else { c.1 += 1 }
            }
            counts[m] = c
        }
        months = (0..<12).map { i in
            let m = first.adding(months: i).monthString
            let c = counts[m] ?? (0, 0, 0)
            return Month(month: m, published: c.0, onTime: c.1, late: c.2)
        }
        lists = index.lists.map { ($0.name, $0.isRed, $0.entities) }
    }

    static func percent(_ v: Double?) -> String {
        guard let v else { return "—" }
        return String(format: "%.1f%%", v * 100)
    }

    static func number(_ v: Double?) -> String {
        guard let v else { return "—" }
        return v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    /// Horizontal bars: on-time rate per department, each name on its own line above its bar, so
    /// that the chart keeps its labels readable at 360 px (it scales down to the screen's width).
    func timelinessChart() -> String {
        let rows = departments.filter { $0.published > 0 }
        let width = 400
        let chartW = 330
        let rowH = 44
        let height = rows.count * rowH + 28
        var s =
            "<svg class=\"chart chart-rate\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-rate-title chart-rate-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"chart-rate-title\">各部门7个工作日内公示率</title>"
        let desc = rows.map { "\($0.name) \(Statistics.percent($0.rate))" }.joined(separator: "，")
        s += "<desc id=\"chart-rate-desc\">\(Escape.xml(desc))。数据见下表。</desc>"
        for (i, d) in rows.enumerated() {
            let y = i * rowH
            let w = Int((d.rate ?? 0) * Double(chartW))
            s += "<text x=\"0\" y=\"\(y + 15)\" class=\"label\">\(Escape.xml(d.name))</text>"
            s += "<rect x=\"0\" y=\"\(y + 21)\" width=\"\(chartW)\" height=\"16\" class=\"track\"/>"
            s +=
                "<rect x=\"0\" y=\"\(y + 21)\" width=\"\(w)\" height=\"16\" class=\"\((d.rate ?? 0) >= 0.95 ? "bar-good" : "bar-warn")\"/>"
            s +=
                "<text x=\"\(width)\" y=\"\(y + 34)\" text-anchor=\"end\" class=\"value\">\(Statistics.percent(d.rate))</text>"
        }
        let axisY = rows.count * rowH + 14
        s +=
            "<text x=\"0\" y=\"\(axisY)\" class=\"axis\">0%</text><text x=\"\(chartW)\" y=\"\(axisY)\" text-anchor=\"end\" class=\"axis\">100%</text>"
        return s + "</svg>"
    }

    /// Columns: decisions first published per month, the late part in a darker shade. Narrow enough
    /// (480 units, month numbers as labels) to stay legible when it scrolls inside its box at 360 px.
    func monthlyChart() -> String {
        let width = 480
        let height = 240
        let left = 34
        let bottom = 34
        let top = 18
        let maxV = max(1, months.map(\.published).max() ?? 1)
        let step = (width - left - 6) / max(1, months.count)
        let plotH = height - bottom - top
        var s =
            "<svg class=\"chart chart-month\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-month-title chart-month-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"chart-month-title\">近12个月首次公示、仍在公示的决定数</title>"
        let desc = months.map {
            "\($0.month) \($0.published) 条（按时 \($0.onTime) 条\($0.notJudged > 0 ? "，未评价时效 \($0.notJudged) 条" : "")）"
        }.joined(separator: "，")
        s += "<desc id=\"chart-month-desc\">\(Escape.xml(desc))。数据见下表。</desc>"
        s +=
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 6)\" y2=\"\(height - bottom)\" class=\"axis-line\"/>"
        s += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\" class=\"axis\">\(maxV)</text>"
        s += "<text x=\"\(left - 6)\" y=\"\(height - bottom)\" text-anchor=\"end\" class=\"axis\">0</text>"
        for (i, m) in months.enumerated() {
            let x = left + i * step + 3
            let h = m.published * plotH / maxV
            let hOn = m.onTime * plotH / maxV
            let w = step - 6
            if m.notJudged > 0 {
                // Unjudged on top, grey (the fill stands in for themes whose style sheet lacks the class).
                s +=
                    "<rect x=\"\(x)\" y=\"\(height - bottom - h)\" width=\"\(w)\" height=\"\(h)\" class=\"bar-unjudged\" fill=\"#c9d1d9\"/>"
            }
            let hJudged = m.notJudged > 0 ? (m.onTime + m.late) * plotH / maxV : h
            s +=
                "<rect x=\"\(x)\" y=\"\(height - bottom - hJudged)\" width=\"\(w)\" height=\"\(hJudged)\" class=\"bar-late\"/>"
            s += "<rect x=\"\(x)\" y=\"\(height - bottom - hOn)\" width=\"\(w)\" height=\"\(hOn)\" class=\"bar-good\"/>"
            if m.published > 0 {
                s +=
                    "<text x=\"\(x + w / 2)\" y=\"\(height - bottom - h - 4)\" text-anchor=\"middle\" class=\"value\">\(m.published)</text>"
            }
            s +=
                "<text x=\"\(x + w / 2)\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" class=\"axis\">\(Int(m.month.suffix(2)) ?? 0)</text>"
        }
        s += "<text x=\"\(width - 6)\" y=\"\(height - 4)\" text-anchor=\"end\" class=\"axis\">月份</text>"
        return s + "</svg>"
    }

    func json(date: LocalDate, fines: FineTotals) -> String {
        func dept(_ d: DepartmentFigures) -> [String: Any] {
            var o: [String: Any] = [
                "编码": d.code, "名称": d.name, "公示中的行政许可": d.licences, "公示中的行政处罚": d.penalties,
                "公示中的决定": d.published, "按时公示": d.onTime, "逾期公示": d.late, "未评价时效": d.notJudged,
                "原系统公示": d.previousSystem, "撤回说明": d.withdrawals, "名单条目": d.entries,
            ]
            o["按时公示率"] = d.rate.map { ($0 * 1000).rounded() / 1000 } ?? NSNull()
            o["公示用时中位数（工作日）"] = d.median ?? NSNull()
            return o
        }
        let object: [String: Any] = [
            "日期": date.description,
            "统计范围": "截至该日期仍在公示的行政许可和行政处罚决定；首次公示日期取自公示台账",
            "合计": dept(total),
            "部门": departments.map(dept),
            "月度": months.map {
                ["月份": $0.month, "首次公示": $0.published, "按时公示": $0.onTime, "逾期公示": $0.late, "未评价时效": $0.notJudged]
            },
            "名单": lists.map { [Field.listName.name: $0.name, "类型": Views.colour(isRed: $0.isRed), "主体数": $0.count] },
            "罚款金额": [
                "说明": "公示中的行政处罚决定的罚款金额和没收违法所得、没收非法财物的金额（万元）之和；有多个处罚类别的决定计入每个类别",
                "合计": FineTotals.json(fines.total, key: "范围"),
                "按处罚类别": fines.byCategory.map { FineTotals.json($0, key: Field.penaltyKinds.name) },
                "按违法行为类型": fines.byViolation.map { FineTotals.json($0, key: Field.violationType.name) },
                "金额无法识别的决定数": fines.unreadable,
            ] as [String: Any],
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension Renderer {
    func renderStatistics(_ index: SiteIndex, _ out: CountingSink) throws {
        let stats = Statistics(publication, index)
        var ctx = context.page(
            path: "tongji/index.html", title: "公示统计", section: "tongji/",
            description: "\(settings.region)各部门双公示的按时公示率、公示用时和名单数量。")
        func row(_ d: DepartmentFigures) -> TemplateObject {
            [
                "name": d.name, "path": d.code.isEmpty ? "" : Views.departmentPath(d.code), "licences": d.licences,
                "penalties": d.penalties, "published": d.published, "onTime": d.onTime, "late": d.late,
                "notJudged": d.notJudged, "previousSystem": d.previousSystem,
                "rate": Statistics.percent(d.rate), "median": Statistics.number(d.median), "withdrawals": d.withdrawals,
                "entries": d.entries,
            ]
        }
        ctx["departments"] = stats.departments.map(row)
        ctx["total"] = row(stats.total)
        ctx["rateChart"] = stats.timelinessChart()
        ctx["monthChart"] = stats.monthlyChart()
        ctx["months"] = stats.months.map {
            [
                "month": $0.month, "published": $0.published, "onTime": $0.onTime, "late": $0.late,
                "notJudged": $0.notJudged,
            ] as TemplateObject
        }
        // Numbers are always true in a Mustache section: a flag says whether the column is worth showing.
        if stats.months.contains(where: { $0.notJudged > 0 }) { ctx["monthsNotJudged"] = true }
        ctx["lists"] = stats.lists.map {
            ["name": $0.name, "colour": Views.colour(isRed: $0.isRed), "count": $0.count] as TemplateObject
        }
        ctx["deadlineWorkdays"] = settings.deadlineWorkdays
        let fines = FineTotals(publication.records)
        var fineValues: TemplateObject = [
            "total": FineTotals.values(fines.total),
            "byCategory": fines.byCategory.map(FineTotals.values),
            // The page shows the 20 largest; stats.json has every type.
            "byViolation": fines.byViolation.prefix(20).map(FineTotals.values),
        ]
        // Numbers are always true in a Mustache section: only present when they are worth saying.
        if fines.byViolation.count > 20 { fineValues["moreViolations"] = fines.byViolation.count - 20 }
        if fines.unreadable > 0 { fineValues["unreadable"] = fines.unreadable }
        ctx["fines"] = fineValues
        try page("stats", ctx, to: "tongji/index.html", out)
        try out.write("tongji/stats.json", stats.json(date: publication.date, fines: fines))
    }
}
