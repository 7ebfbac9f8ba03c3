import Foundation
import GongshiModel
import Testing

@testable import GongshiSite

/// What the preview says of files it could not read: only what withholds records, named with its sheet.
@Suite("Preview: unreadable files, worksheets and messages")
struct PreviewFileProblemsTests {
    /// The preview of a one-penalty site with `findings`, with its `/yulan/` pages when `index`.
    static func preview(_ findings: [Finding], index: Bool) throws -> MemorySink {
        var f = SiteFixture()
        f.penalties = [SiteFixture.penalty("淄博成创食品有限公司", code: "913703061912261243", number: "周市监罚〔2026〕1号")]
        let (base, _) = try f.renderer()
        let r = Renderer(
            publication: base.publication, templates: base.templates,
            context: SiteContext(
                settings: base.settings, date: base.publication.date,
                preview: .init(department: nil, departmentName: nil)),
            findings: findings)
        let sink = MemorySink()
        _ = try r.render(to: sink, extras: index ? [PreviewPart.part(findings: findings)] : [])
        return sink
    }

    @Test func theBannerCountsWhatWithholdsAndNamesTheSheet() throws {
        let findings = [
            Finding(
                rule: "bad-file", severity: .error, file: "Content/xzxk/b.xlsx", line: 3, sheet: "补报",
                message: "引号未配对"),
            Finding(
                rule: "bad-file", severity: .info, file: "Content/xzxk/b.xlsx", line: 1, sheet: "许可信息",
                message: "「2026年11月行政许可」是标题行"),
            Finding(
                rule: "bad-file", severity: .warning, file: "Content/xzxk/b.xlsx", line: 4, sheet: "许可信息",
                message: "合并区域中除第一行外都按空值读取"),
        ]
        let sink = try Self.preview(findings, index: true)
        let home = sink.text("index.html") ?? ""
        #expect(home.contains("有 1 处文件无法读取"), "a title row or merged cells withhold nothing")
        #expect(home.contains("Content/xzxk/b.xlsx [补报] 第3行"))
        #expect(!home.contains("另有 0 处"), "every one is listed")
        let index = sink.text("yulan/index.html") ?? ""
        #expect(index.contains("Content/xzxk/b.xlsx [许可信息]"))
    }

    @Test func theBannerSaysHowManyItDoesNotList() throws {
        let findings = (1...7).map {
            Finding(rule: "bad-file", severity: .error, file: "Content/xzcf/c\($0).csv", line: 2, message: "引号未配对")
        }
        let sink = try Self.preview(findings, index: false)
        let home = sink.text("index.html") ?? ""
        #expect(home.contains("有 7 处文件无法读取") && home.contains("另有 2 处"))
    }

    @Test func anIDNumberTypedIntoAKeyOrANameIsMaskedInTheList() throws {
        let id = "37030319850505123X"
        var finding = Finding(
            rule: "missing-field", severity: .error, file: "Content/xzcf/a.csv", line: 3,
            key: "xzcf:区市场监管局:\(id)", message: "缺少必填字段（已尝试：\(id)）")
        finding.entity = id
        let sink = try Self.preview([finding], index: true)
        let index = sink.text("yulan/index.html") ?? ""
        #expect(index.contains("缺少必填字段"))
        #expect(!index.contains(id))
    }

    @Test func aMessageStartingWithItsRulesTitleIsNotShownWithItTwice() {
        let f = Finding(
            rule: "bad-date", severity: .error, file: "a.csv", line: 2, message: "日期无效：「处罚决定日期」为「2026-02-30」")
        #expect(Views.message(f) == "「处罚决定日期」为「2026-02-30」")
        let other = Finding(rule: "bad-date", severity: .error, file: "a.csv", line: 2, message: "「处罚决定日期」无效")
        #expect(Views.message(other) == other.message)
    }
}
