import GongshiModel
import Testing

@testable import GongshiRules

@Suite("PublishedRecord: a packed record gives back what it was made of")
struct PublishedRecordTests {
    @Test func everyPropertyComesBackAsGiven() throws {
        let department = Department(code: "scjgj", name: "区市场监管局", uscc: "11370306004310380L", website: "")
        let day = try #require(LocalDate(parsing: "2026-11-02"))
        let fields = PublishedField.published(.xzcf).enumerated().map { i, f in
            PublishedField(field: f, value: i % 3 == 0 ? "" : "值\(i)")
        }
        var r = PublishedRecord(
            kind: .xzcf, key: "xzcf:区市场监管局:周市监罚〔2026〕1号", id: "scjgj-3f9a00112233aabb", department: department,
            entityCode: "91370306MA3ENA4F60", category: .organization, decisionDate: day.adding(days: -30),
            publicityEnd: nil, deadline: day.adding(days: -23), firstPublished: day, lastUpdated: nil, lateWorkdays: 5,
            publishWorkdays: 21, isLate: true, underObjection: false, statusNote: "异议处理中", fields: fields,
            digest: "0123456789abcdef", file: "Content/xzcf/2026-10.csv", line: 1_234_567, sheet: "Sheet1",
            timelinessJudged: false, severityInferred: true, registrationNumber: "370306200012345",
            organizationCode: "12345678-9")
        #expect(r.kind == .xzcf && r.category == .organization && r.department.code == "scjgj")
        #expect(r.key == "xzcf:区市场监管局:周市监罚〔2026〕1号" && r.id == "scjgj-3f9a00112233aabb")
        #expect(r.entityCode == "91370306MA3ENA4F60" && r.statusNote == "异议处理中" && r.digest == "0123456789abcdef")
        #expect(
            r.decisionDate == day.adding(days: -30) && r.deadline == day.adding(days: -23) && r.firstPublished == day)
        #expect(r.publicityEnd == nil && r.lastUpdated == nil)
        #expect(r.lateWorkdays == 5 && r.publishWorkdays == 21 && r.line == 1_234_567)
        #expect(r.isLate && !r.underObjection && !r.timelinessJudged && r.severityInferred && !r.previousSystem)
        #expect(r.file == "Content/xzcf/2026-10.csv" && r.sheet == "Sheet1")
        #expect(r.registrationNumber == "370306200012345" && r.organizationCode == "12345678-9")
        #expect(r.fields == fields && r.values.count == fields.count)
        #expect(r.value(.fineAmount) == (fields.first { $0.field == .fineAmount }?.value ?? "!"))
        r.lastUpdated = day
        r.previousSystem = true
        #expect(r.lastUpdated == day && r.previousSystem && r.publicityEnd == nil)
        #expect(r.identityCode == "91370306MA3ENA4F60")
    }
}
