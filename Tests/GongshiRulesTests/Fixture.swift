import Foundation
import GongshiContent
import GongshiModel

@testable import GongshiRules

/// A small site written to a temporary folder and read with `SiteReader.read(root:)`, as the build
/// reads a real one: `Content/site.yml`, `departments.csv`, `memoranda.csv`, `calendar/2025.yml` and
/// `2026.yml` (the State Council schedules), data CSVs and an optional `ledger.csv`.
struct Fixture {
    static let defaultSettings = "title: 信用周村\nbaseURL: https://xinyong.example.gov.cn/\nregion: 周村区\n"

    /// Valid 统一社会信用代码 of the departments (机构编制 / 机关) and of a few entities.
    static let scjgjCode = USCC.make("11", body: "00428561")
    static let fyCode = USCC.make("11", body: "00428562")
    static let swjCode = USCC.make("11", body: "00428563")
    static let companyA = "91512081MA62K0260E"
    static let companyB = "91110000600037341L"
    static let companyC = USCC.make("91", body: "MA3C4L7Q")

    static let defaultDepartments = """
        编码,名称,统一社会信用代码,网站
        scjgj,区市场监管局,\(scjgjCode),https://scjgj.example.gov.cn/
        fy,区法院,\(fyCode),
        swj,区税务局,\(swjCode),

        """

    static let defaultMemoranda = """
        序号,文件名称,文号,类型,牵头单位,配合单位
        1,关于对失信被执行人实施联合惩戒的合作备忘录,发改财金〔2016〕141号,惩戒,国家发展改革委,最高人民法院
        2,关于对纳税信用A级纳税人实施联合激励措施的合作备忘录,发改财金〔2016〕1467号,激励,国家发展改革委,国家税务总局

        """

    static let calendars: [Int: String] = [
        2025: """
        year: 2025
        holidays:
          - 2025-01-01
          - 2025-01-28..2025-02-04
          - 2025-04-04..2025-04-06
          - 2025-05-01..2025-05-05
          - 2025-05-31..2025-06-02
          - 2025-10-01..2025-10-05
          - 2025-10-06
          - 2025-10-07..2025-10-08
        workdays:
          - 2025-01-26
          - 2025-02-08
          - 2025-04-27
          - 2025-09-28
          - 2025-10-11

        """,
        2026: """
        year: 2026
        holidays:
          - 2026-01-01..2026-01-03
          - 2026-02-15..2026-02-23
          - 2026-04-04..2026-04-06
          - 2026-05-01..2026-05-05
          - 2026-06-19..2026-06-21
          - 2026-09-25..2026-09-27
          - 2026-10-01..2026-10-07
        workdays:
          - 2026-01-04
          - 2026-02-14
          - 2026-02-28
          - 2026-05-09
          - 2026-09-20
          - 2026-10-10

        """,
    ]

    var settings = Fixture.defaultSettings
    var departments = Fixture.defaultDepartments
    var memoranda: String? = Fixture.defaultMemoranda
    var calendarYears = [2025, 2026]
    /// Relative to `Content/`: `xzcf/a.csv` → text.
    var files: [String: String] = [:]
    /// Ledger lines after the header, e.g. `2026-11-23,公示,xzcf,<key>,<digest>`.
    var ledger: [String]?

    init() {}

    /// A fixture holding one data file of `kind` with `rows`.
    init(_ kind: RecordKind, _ rows: [[String: String]], file: String = "a.csv") {
        add(kind, rows, file: file)
    }

    mutating func add(_ kind: RecordKind, _ rows: [[String: String]], file: String = "a.csv") {
        files["\(kind.rawValue)/\(file)"] = csv(kind, rows)
    }

    /// Adds `disclosure:` settings (YAML lines indented by two spaces).
    mutating func disclosure(_ lines: String...) {
        settings += "disclosure:\n" + lines.map { "  " + $0 + "\n" }.joined()
    }

    /// Reads the site in memory (the folder is removed at once).
    func read() throws -> SiteSource {
        let root = try write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        return try SiteReader.read(root: root)
    }

    /// Writes the site to a new temporary folder and returns its path.
    func write() throws -> String {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "gongshi-rules-tests-\(UUID().uuidString)")
        func write(_ rel: String, _ text: String) throws {
            let path = (root as NSString).appendingPathComponent("Content/" + rel)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        try write("site.yml", settings)
        try write("departments.csv", departments)
        if let m = memoranda { try write("memoranda.csv", m) }
        for y in calendarYears { try write("calendar/\(y).yml", Fixture.calendars[y]!) }
        for (rel, text) in files { try write(rel, text) }
        if let l = ledger { try write("ledger.csv", "日期,事件,类型,记录键,摘要\n" + l.map { $0 + "\n" }.joined()) }
        return root
    }

    /// Judges the site streaming, as `build` and `check` judge a large one: the rows stay in their
    /// files and the judge reads them twice (the end-to-end tests' small sites take the in-memory path).
    /// `keepRows`: as the preview judges, keeping each withheld record's row as read.
    func judge(_ date: String = "2026-11-25", keepRows: Bool = false) throws -> Judgement {
        let root = try write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        return try Judge.judge(
            SiteReader.read(root: root, streaming: true, inMemoryLimit: 0), date: day(date), keepRows: keepRows)
    }
}

// MARK: rows

enum Row {
    static let penaltyColumns = [
        "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政处罚决定书文号", "违法行为类型", "违法事实",
        "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "处罚机关", "处罚机关统一社会信用代码", "失信严重程度",
    ]
    static let licenceColumns = [
        "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政许可决定文书名称", "行政许可决定文书号",
        "许可类别", "许可内容", "许可决定日期", "有效期至", "许可机关", "许可机关统一社会信用代码",
    ]
    static let listColumns = [
        "名单类型", "名单名称", "主体名称", "主体类别", "统一社会信用代码", "法定代表人", "列入日期", "列入事由", "认定部门", "认定依据",
    ]

    /// A valid 行政处罚 decided on 2026-11-20 by 区市场监管局; `o` overrides or adds columns.
    static func penalty(_ o: [String: String] = [:]) -> [String: String] {
        [
            "行政相对人名称": "淄博某某食品有限公司", "行政相对人类别": "法人及非法人组织", "统一社会信用代码": Fixture.companyA,
            "法定代表人": "王某", "行政处罚决定书文号": "周市监罚〔2026〕1号", "违法行为类型": "销售超过保质期的食品",
            "违法事实": "经查，当事人销售超过保质期的食品。", "处罚依据": "《中华人民共和国食品安全法》第一百二十四条",
            "处罚类别": "罚款", "处罚内容": "罚款2000元", "罚款金额（万元）": "0.2", "处罚决定日期": "2026-11-20",
            "处罚机关": "区市场监管局", "处罚机关统一社会信用代码": Fixture.scjgjCode, "失信严重程度": "一般",
        ].merging(o) { $1 }
    }

    /// A valid 行政许可 decided on 2026-11-20 by 区市场监管局.
    static func licence(_ o: [String: String] = [:]) -> [String: String] {
        [
            "行政相对人名称": "周村区某某商行有限公司", "行政相对人类别": "法人及非法人组织", "统一社会信用代码": Fixture.companyB,
            "法定代表人": "李某", "行政许可决定文书名称": "食品经营许可证", "行政许可决定文书号": "周市监许〔2026〕1号",
            "许可类别": "普通", "许可内容": "预包装食品销售", "许可决定日期": "2026-11-20", "有效期至": "2031-11-19",
            "许可机关": "区市场监管局", "许可机关统一社会信用代码": Fixture.scjgjCode,
        ].merging(o) { $1 }
    }

    /// A black-list entry (失信被执行人, 区法院) listed 2026-11-02.
    static func black(_ o: [String: String] = [:]) -> [String: String] {
        [
            "名单类型": "黑名单", "名单名称": "失信被执行人", "主体名称": "淄博某某食品有限公司", "主体类别": "法人及非法人组织",
            "统一社会信用代码": Fixture.companyA, "法定代表人": "王某", "列入日期": "2026-11-02", "列入事由": "未履行生效法律文书确定的义务",
            "认定部门": "区法院", "认定依据": "发改财金〔2016〕141号",
        ].merging(o) { $1 }
    }

    /// A red-list entry (纳税信用A级纳税人, 区税务局) listed 2026-04-01.
    static func red(_ o: [String: String] = [:]) -> [String: String] {
        [
            "名单类型": "红名单", "名单名称": "纳税信用A级纳税人", "主体名称": "淄博某某食品有限公司", "主体类别": "法人及非法人组织",
            "统一社会信用代码": Fixture.companyA, "法定代表人": "王某", "列入日期": "2026-04-01", "列入事由": "2025年度纳税信用评价为A级",
            "认定部门": "区税务局", "认定依据": "发改财金〔2016〕1467号",
        ].merging(o) { $1 }
    }
}

/// A CSV file with a header of the kind's usual columns plus any extra column the rows use (sorted).
func csv(_ kind: RecordKind, _ rows: [[String: String]]) -> String {
    let base: [String]
    switch kind {
    case .xzxk: base = Row.licenceColumns
    case .xzcf: base = Row.penaltyColumns
    case .mingdan: base = Row.listColumns
    }
    let extra = Set(rows.flatMap(\.keys)).subtracting(base).sorted()
    let columns = base + extra
    var out = columns.joined(separator: ",") + "\n"
    for r in rows { out += columns.map { csvQuoted(r[$0] ?? "") }.joined(separator: ",") + "\n" }
    return out
}

// MARK: keys and look-ups

func penaltyKey(_ number: String = "周市监罚〔2026〕1号", authority: String = "区市场监管局") -> String {
    "xzcf:\(authority):\(number)"
}

func licenceKey(_ number: String = "周市监许〔2026〕1号", authority: String = "区市场监管局") -> String {
    "xzxk:\(authority):\(number)"
}

func listKey(_ list: String, _ entity: String, _ listed: String) -> String { "mingdan:\(list):\(entity):\(listed)" }

/// A natural person's list key: a digest stands for the name.
func personListKey(_ list: String, _ name: String, _ listed: String) -> String {
    listKey(list, RecordContext.personKeyPart(name), listed)
}

func day(_ s: String) -> LocalDate { LocalDate(parsing: s)! }

extension Judgement {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
    func record(_ key: String) -> PublishedRecord? { publication.records.first { $0.key == key } }
    func entry(_ key: String) -> PublishedListEntry? { publication.listEntries.first { $0.key == key } }
    func notice(_ key: String) -> WithdrawalNotice? { publication.withdrawals.first { $0.key == key } }
    func withheld(_ key: String) -> [WithheldRecord] { publication.withheld.filter { $0.key == key } }
    func isPublic(_ key: String) -> Bool { record(key) != nil || entry(key) != nil }
    /// The rule ids of the findings about records: without `calendar-ending`, which the fixture's
    /// calendars (2025–2026) raise on every date from 2026-12-01.
    var ruleIDs: [String] { findings.filter { $0.rule != "calendar-ending" }.map(\.rule) }
}

extension PublishedRecord {
    func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
}

extension PublishedListEntry {
    func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
}

/// GB 32100-2015 codes for the fixtures (DOMAIN.md §4), independent of the production code.
enum USCC {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    static func make(_ pair: String, area: String = "370306", body: String) -> String {
        let w = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (i, c) in body.enumerated() { sum += (c.wholeNumberValue ?? Int(c.asciiValue!) - 55) * w[i] }
        let r = 11 - sum % 11
        let org: Character = r == 10 ? "X" : r == 11 ? "0" : Character(String(r))
        let first17 = Array(pair + area + body) + [org]
        var total = 0
        var weight = 1
        for c in first17 {
            total += alphabet.firstIndex(of: c)! * weight
            weight = weight * 3 % 31
        }
        return String(first17 + [alphabet[(31 - total % 31) % 31]])
    }
}

/// GB 11643-1999 numbers for the fixtures.
enum IDNumber {
    static func make(area: String = "370303", birth: String, sequence: String) -> String {
        let first17 = area + birth + sequence
        var sum = 0
        var weight = 2
        var weights: [Int] = []
        for _ in 0..<17 {
            weights.append(weight)
            weight = weight * 2 % 11
        }
        weights.reverse()
        for (i, c) in first17.enumerated() { sum += c.wholeNumberValue! * weights[i] }
        return first17 + String(Array("10X98765432")[sum % 11])
    }
}
