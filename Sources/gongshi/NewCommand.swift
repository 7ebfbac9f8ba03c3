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
            let (path, date) = try Scaffold.newHonghei(
                site: siteOptions.siteRoot, month: month, today: todayInShanghai())
            print(
                "已写出 \(path)。红榜、黑榜表格会在构建时根据名单数据自动生成；请修改正文，然后把 draft 改为 false。发布日期为 \(date)（date 一行），\(date) 及以后的构建才会发布它。"
            )
        } catch { fail(error) }
    }
}

/// Writes a new working site.
///
///     gongshi init xinyong-zhoucun
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "新建一个可以直接构建的站点（设置、部门、节假日、模板和几条示例记录）。")

    @Argument(help: ArgumentHelp("新站点的文件夹（不能已有 Content/）；文件夹名为中文时用作网站名称，如 信用周村。", valueName: "文件夹"))
    var directory: String

    func run() throws {
        let target = absolutePath(directory)
        do {
            try Scaffold.initSite(at: target, today: todayInShanghai())
            let cd = target == FileManager.default.currentDirectoryPath ? "" : "  cd \(directory)\n"
            print(
                """
                已在 \(target) 新建站点。接下来：
                \(cd)  1. 修改 Content/site.yml（网站名称、网址、页脚备案信息）和 Content/departments.csv（本地各部门）；
                  2. 删除 Content/xzxk、xzcf、mingdan 中的示例数据 sample.csv，放入各部门导出的表格；
                  3. gongshi check          列出数据中的问题；
                  4. gongshi serve          在浏览器中预览（不写入台账）；
                  5. gongshi build          生成网站到 Public/，并把公示日期记入台账 Content/ledger.csv（只能追加）。
                """)
        } catch { fail(error) }
    }
}
