import GongshiModel
import Testing

@testable import GongshiRules

/// Natural persons recognised by their ID numbers wherever a row gives them, and never named in a key,
/// a finding or the ledger (SPEC §8.1, §8.4; tester's report on issue 9, items 1, 2, 5 and 6).
@Suite("Natural persons: recognised by their ID number, never named outside the pages")
struct PersonPrivacyTests {
    static let oldID = "370303770227202"
    static let id = IDNumber.make(birth: "19800101", sequence: "123")
    /// `id` with a wrong check character.
    static let mistyped = String(id.dropLast()) + (id.last == "1" ? "2" : "1")

    /// A court list's person whose row, like the sidecar, states an organisation.
    static func courtRow(_ name: String, _ number: String, document: String = "（2025）鲁0303执1号") -> [String: String] {
        Row.black([
            "主体名称": name, "统一社会信用代码": "", "法定代表人": "", "身份证号码/组织机构代码": number, "案号": document,
        ])
    }

    /// Every text a judgement gives out besides the pages: keys, findings, withheld rows, the ledger.
    static func texts(_ j: Judgement) -> [String] {
        j.findings.flatMap { [$0.key, $0.message, $0.entity] }
            + j.publication.withheld.flatMap { [$0.key, $0.entity] + $0.row.map(\.value) }
            + j.publication.newEvents.map(\.csvLine)
            + j.publication.listEntries.flatMap { [$0.key, $0.entityName] }
    }

    @Test("an ID number typed into the code column of a withheld record is not shown, even in the preview's row")
    func idNumberInTheCodeColumn() throws {
        let row = Row.penalty(["行政相对人名称": "赵六明", "行政相对人类别": "自然人", "统一社会信用代码": Self.id])
        let j = try Fixture(.xzcf, [row]).judge(keepRows: true)
        #expect(j.publication.records.isEmpty)
        #expect(!j.publication.withheld.flatMap { $0.row.map(\.value) }.isEmpty, "the preview's row is kept")
        for t in Self.texts(j) { #expect(!t.contains(Self.id), "\(t)") }
    }

    @Test("an old 15-digit ID number in a court list is a person's: withheld by policy, number never shown")
    func oldIDNumber() throws {
        let j = try Fixture(.mingdan, [Self.courtRow("龙艳", Self.oldID)]).judge()
        #expect(j.publication.listEntries.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["natural-person-withheld"])
        #expect(j.findings("invalid-uscc").isEmpty)
        for t in Self.texts(j) { #expect(!t.contains(Self.oldID) && !t.contains("龙艳"), "\(t)") }
    }

    @Test("with naturalPersons: mask the entry is a person's: masked, no 工商注册号, key without the name")
    func oldIDNumberMasked() throws {
        var f = Fixture(.mingdan, [Self.courtRow("龙艳", Self.oldID)])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        let e = try #require(j.publication.listEntries.first)
        #expect(e.category == .naturalPerson)
        #expect(e.entityName == "龙*")
        #expect(e.registrationNumber.isEmpty && e.organizationCode.isEmpty)
        #expect(e.key == personListKey("失信被执行人", "龙艳", "2026-11-02") + ":（2025）鲁0303执1号")
        for t in Self.texts(j) { #expect(!t.contains(Self.oldID) && !t.contains("龙艳"), "\(t)") }
    }

    @Test("a person's old ID number in the 工商注册号 or 统一社会信用代码 column is never published nor a key")
    func oldIDInCodeColumns() throws {
        for column in ["工商注册号", "统一社会信用代码"] {
            var row = Self.personRow("陈五")
            row[column] = Self.oldID
            var f = Fixture(.mingdan, [row])
            f.disclosure("naturalPersons: mask")
            let j = try f.judge()
            let e = try #require(j.publication.listEntries.first)
            #expect(e.registrationNumber.isEmpty && e.entityCode.isEmpty)
            #expect(!e.fields.contains { $0.value.contains(Self.oldID) })
            #expect(e.key == personListKey("失信被执行人", "陈五", "2026-11-02"))
            for t in Self.texts(j) { #expect(!t.contains(Self.oldID) && !t.contains("陈五"), "\(t)") }
        }
    }

    @Test("a mistyped ID number is a person's: invalid-id-number, never invalid-uscc")
    func mistypedID() throws {
        let j = try Fixture(.mingdan, [Self.courtRow("唐军", Self.mistyped)]).judge()
        #expect(j.ruleIDs.sorted() == ["bad-value", "invalid-id-number", "natural-person-withheld"])
        #expect(j.findings("bad-value").allSatisfy { $0.severity == .warning })
        for t in Self.texts(j) { #expect(!t.contains(Self.mistyped) && !t.contains("唐军"), "\(t)") }
    }

    @Test("a court list's row with 性别 or 年龄 and no ID number is a person's, not an organisation without a code")
    func bySexOrAge() throws {
        var row = Self.courtRow("曾立", "")
        row["性别"] = "男"
        row["年龄"] = "45"
        let j = try Fixture(.mingdan, [row]).judge()
        #expect(j.publication.withheld.map(\.rule) == ["natural-person-withheld"])
        #expect(j.findings("missing-field").isEmpty)
        for t in Self.texts(j) { #expect(!t.contains("曾立"), "\(t)") }
    }

    @Test("a licensee whose only identity is a person's 证件号码 is a natural person, whatever the sidecar says")
    func licenceByIDNumber() throws {
        let row = Row.licence([
            "行政相对人名称": "韩秀芳", "统一社会信用代码": "", "法定代表人": "", "证件号码": Self.id,
        ])
        let j = try Fixture(.xzxk, [row]).judge()
        #expect(j.publication.records.isEmpty)
        #expect(j.publication.withheld.map(\.rule) == ["natural-person-withheld"])
        #expect(j.findings("missing-field").isEmpty)
        #expect(j.publication.withheld.first?.entity == "韩*芳")
        for t in Self.texts(j) { #expect(!t.contains("韩秀芳") && !t.contains(Self.id), "\(t)") }
        // A 个体工商户 gives its operator's ID number: it stays a 个体工商户.
        let shop = Row.licence([
            "行政相对人名称": "周村区某某小吃店", "行政相对人类别": "个体工商户", "统一社会信用代码": "", "法定代表人": "", "证件号码": Self.id,
        ])
        let k = try Fixture(.xzxk, [shop]).judge()
        #expect(k.findings("natural-person-withheld").isEmpty)
    }

    @Test("a person's list key is the same in every build and the old key with the name still counts")
    func formerKey() throws {
        let old = "mingdan:失信被执行人:欧阳娜娜:2026-11-02:（2025）鲁0303执1号"
        let row = Row.black([
            "主体名称": "欧阳娜娜", "主体类别": "自然人", "统一社会信用代码": "", "法定代表人": "", "证件号码": Self.id,
            "案号": "（2025）鲁0303执1号",
        ])
        var first = Fixture(.mingdan, [row])
        first.disclosure("naturalPersons: mask")
        let shown = try #require(try first.judge("2026-11-03").publication.listEntries.first)
        #expect(!shown.key.contains("欧阳娜娜"))
        var f = Fixture(.mingdan, [row])
        f.disclosure("naturalPersons: mask")
        f.ledger = ["2026-11-03,公示,mingdan,\(old),\(shown.digest)"]
        let j = try f.judge()
        let e = try #require(j.publication.listEntries.first)
        #expect(e.key == shown.key)
        #expect(e.firstPublished == day("2026-11-03"))
        // Neither withdrawn under the old key nor published again under the new one.
        #expect(j.publication.newEvents.isEmpty)
        #expect(!j.publication.eventsOfDate.contains { $0.key.contains("欧阳娜娜") })
    }

    @Test("an entry older builds published as an organisation under an old ID number keeps its place, no 撤回")
    func formerKeyByOldID() throws {
        let old = "mingdan:失信被执行人:\(Self.oldID):2026-11-02:（2025）鲁0303执1号"
        var f = Fixture(.mingdan, [Self.courtRow("龙艳", Self.oldID)])
        f.disclosure("naturalPersons: mask")
        f.ledger = ["2026-11-03,公示,mingdan,\(old),0000000000000000"]
        let j = try f.judge()
        #expect(j.publication.listEntries.first?.firstPublished == day("2026-11-03"))
        // What is shown changed (a masked name, no 工商注册号): one 更新, under the new key.
        #expect(j.publication.newEvents.map(\.event) == [.updated])
        #expect(j.publication.newEvents.allSatisfy { !$0.key.contains(Self.oldID) })
    }

    @Test("an entry older builds keyed by 15 digits in its 工商注册号 keeps its place, no 撤回")
    func formerKeyByRegistrationColumn() throws {
        for number in [Self.oldID, "370303851315201"] {
            var row = Self.personRow("陈五")
            row["工商注册号"] = number
            var f = Fixture(.mingdan, [row])
            f.disclosure("naturalPersons: mask")
            f.ledger = ["2026-11-03,公示,mingdan,mingdan:失信被执行人:\(number):2026-11-02,0000000000000000"]
            let j = try f.judge()
            #expect(j.publication.listEntries.first?.firstPublished == day("2026-11-03"), "\(number)")
            #expect(!j.publication.newEvents.contains { $0.event == .withdrawn }, "\(number)")
            #expect(j.publication.newEvents.allSatisfy { !$0.key.contains(number) })
        }
    }

    /// A person's entry without a document: 名单名称, 主体名称, 主体类别, 列入日期 only.
    static func personRow(_ name: String) -> [String: String] {
        Row.black(["主体名称": name, "主体类别": "自然人", "统一社会信用代码": "", "法定代表人": ""])
    }

    @Test("a masked person's public id is made from the masked name: trying names against it finds nothing")
    func idFromMaskedName() throws {
        var f = Fixture(.mingdan, [Self.personRow("赵铁柱")])
        f.disclosure("naturalPersons: mask")
        let e = try #require(try f.judge().publication.listEntries.first)
        #expect(e.entityName == "赵*柱")
        #expect(e.id == ContentDigest.id(for: "mingdan:失信被执行人:自然人:赵*柱:2026-11-02", prefix: ""))
        // The id of the key (with the hash of the full name) is what a guess of the name would give.
        #expect(e.id != ContentDigest.id(for: e.key, prefix: ""))
        #expect(e.id != ContentDigest.id(for: personListKey("失信被执行人", "赵铁柱", "2026-11-02"), prefix: ""))
        // Feed items' ids are made from the id too, never from the key.
        #expect(e.idHidesName && e.feedKey == "mingdan-entry:" + e.id && !e.feedKey.contains("自然人-"))
    }

    @Test("a masked person's full name written in the entry's other fields is masked there too, and said")
    func fullNameInOtherFields() throws {
        var row = Self.personRow("马大浩")
        row["列入事由"] = "被告马大浩未履行（2026）鲁0306民初1号判决"
        var f = Fixture(.mingdan, [row])
        f.disclosure("naturalPersons: mask")
        let j = try f.judge()
        let e = try #require(j.publication.listEntries.first)
        #expect(e.entityName == "马*浩")
        #expect(e.reason == "被告马*浩未履行（2026）鲁0306民初1号判决")
        #expect(!e.fields.contains { $0.value.contains("马大浩") }, "\(e.fields)")
        let said = j.findings("personal-data").map(\.message)
        #expect(said == ["「列入事由」中写有该自然人的全名，公开时已按「马*浩」遮蔽"], "\(said)")
    }

    @Test("an organisation's entry keeps its feed id made from its key")
    func organisationFeedKey() throws {
        let e = try #require(try Fixture(.mingdan, [Row.black()]).judge().publication.listEntries.first)
        #expect(!e.idHidesName && e.feedKey == e.key)
    }

    @Test("two persons with one masked name on one list and day keep ids of their own")
    func sharedMaskedName() throws {
        var f = Fixture(.mingdan, [Self.personRow("张三伟"), Self.personRow("张四伟")])
        f.disclosure("naturalPersons: mask")
        let entries = try f.judge().publication.listEntries
        #expect(entries.count == 2)
        let base = ContentDigest.id(for: "mingdan:失信被执行人:自然人:张*伟:2026-11-02", prefix: "")
        #expect(Set(entries.map(\.id)) == [base, base + "-2"])
        #expect(Set(entries.map(\.feedKey)).count == 2)
        // The first by key keeps the plain id, whatever the order of the rows.
        let first = try #require(entries.min { $0.key < $1.key })
        #expect(first.id == base)
    }
}
