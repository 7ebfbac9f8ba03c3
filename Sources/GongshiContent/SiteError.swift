/// A problem that stops the build or check altogether (exit status 2): unreadable settings,
/// a missing calendar year, missing templates, bad arguments.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public init(file: String, line: Int = 0, message: String) {
        self.file = file; self.line = line; self.message = message
    }
    public var description: String {
        file.isEmpty ? message : line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
