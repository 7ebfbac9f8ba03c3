import ArgumentParser
import Foundation
import GongshiBuild

/// Creates content files.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "新建内容文件（如红黑榜发布稿：gongshi new honghei 2026-11）。新建站点请用 gongshi init 文件夹。",
        subcommands: [NewHonghei.self])
}

/// Writes `Content/xinwen/YYYY-MM-honghei.md`, the draft of a monthly 红黑榜 release.
///
///     gongshi new honghei 2026-11
struct NewHonghei: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "honghei", abstract: "新建某月的红黑榜发布稿（Content/xinwen/YYYY-MM-honghei.md）。")

    @Argument(help: "月份 YYYY-MM。") var month: String
    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        do {
            let path = try Scaffold.newHonghei(site: siteOptions.siteRoot, month: month, today: todayInShanghai())
            print("已写出 \(path)。红榜、黑榜表格会在构建时根据名单数据自动生成；请修改正文，然后把 draft 改为 false。")
        } catch { fail(error) }
    }
}

/// Writes a new working site.
///
///     gongshi init xinyong-zhoucun
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "新建一个可以直接构建的站点（设置、部门、节假日、模板和几条示例记录）。")

    @Argument(help: "新站点的文件夹（不能已有 Content/）。") var directory: String

    func run() throws {
        let target = URL(
            fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        ).standardizedFileURL.path
        do {
            try Scaffold.initSite(at: target, today: todayInShanghai())
            print("已在 \(target) 新建站点。接下来：\n  cd \(directory)\n  gongshi check\n  gongshi build")
        } catch { fail(error) }
    }
}
