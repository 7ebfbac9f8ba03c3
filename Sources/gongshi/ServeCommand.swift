import ArgumentParser
import Foundation
import GongshiBuild
import GongshiModel
import GongshiServe

/// Previews the site on 127.0.0.1 and rebuilds it when Content/ or Templates/ change.
///
///     gongshi serve --department scjgj
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "本地预览：构建到临时文件夹并在 127.0.0.1 上提供，修改后自动重建并刷新页面（不写台账）。")

    @OptionGroup var siteOptions: SiteOptions
    @Option(name: .long, help: "端口。") var port: Int = 1313
    @OptionGroup var dateOption: DateOption
    @Option(name: .long, help: "只预览某个部门（departments.csv 中的编码、名称或别名）的记录和问题。")
    var department: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("端口应为 1–65535，实为 \(port)") }
    }

    func run() async throws {
        let server = PreviewServer(
            site: siteOptions.siteRoot, port: port, date: try dateOption.resolve(),
            department: department
        ) { line in
            FileHandle.standardError.write(Data("gongshi serve: \(line)\n".utf8))
        }
        do { try await server.run() } catch let e as SiteError { fail(e) }
    }
}
