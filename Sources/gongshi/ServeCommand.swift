import ArgumentParser

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "本地预览（尚未实现）。")
    func run() async throws { throw ExitCode(2) }
}
