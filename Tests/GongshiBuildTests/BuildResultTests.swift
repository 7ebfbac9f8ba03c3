import GongshiModel
import Testing

@testable import GongshiBuild

@Suite("BuildResult")
struct BuildResultTests {
    func result(withheldForError: Int, findings: [Finding]) -> BuildResult {
        BuildResult(
            date: LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(dayNumber: 0), published: [:], withdrawals: 0,
            withheld: [:], withheldForError: withheldForError, pages: 0, files: 0, ledgerEvents: 0, seconds: 0,
            findings: findings, out: "/tmp/Public")
    }

    @Test("--strict fails on records withheld for an error and on files that cannot be read, saying how many")
    func strictFailures() {
        #expect(result(withheldForError: 0, findings: []).strictFailures.isEmpty)
        let unreadable = Finding(
            rule: "bad-file", severity: .error, file: "Content/xzcf/a.csv", line: 0, message: "无法读取")
        let both = result(withheldForError: 3, findings: [unreadable]).strictFailures
        #expect(both == ["有 3 条记录因错误不予公示", "有 1 个数据文件或工作表无法读取"])
        // A warning, or a finding about one row, is no unreadable file.
        let row = Finding(rule: "bad-file", severity: .error, file: "Content/xzcf/a.csv", line: 7, message: "引号未闭合")
        #expect(result(withheldForError: 0, findings: [row]).strictFailures.isEmpty)
    }

    @Test("a file or subfolder of a data folder that is not read counts as a file that cannot be read")
    func unreadDataFiles() {
        let folder = Finding(
            rule: "bad-file", severity: .warning, file: "Content/xzcf/2026-12", line: 0,
            message: "子文件夹「2026-12」中的文件\(Finding.dataFileUnread)直接放在 Content/xzcf/ 中")
        let text = Finding(
            rule: "bad-file", severity: .warning, file: "Content/xzcf/a.txt", line: 0,
            message: "「a.txt」\(Finding.dataFileUnread)为 .csv 或 .xlsx（请另存为其中一种）")
        let image = Finding(
            rule: "bad-file", severity: .info, file: "Content/xinwen/a.png", line: 0, message: "图片「a.png」不会复制到网站")
        let r = result(withheldForError: 0, findings: [folder, text, image])
        #expect(r.unreadable == 2)
        #expect(r.summary.contains("无法读取：2 个数据文件或工作表"))
    }
}
