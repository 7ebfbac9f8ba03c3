/// A problem that stops the build or check altogether (exit status 2): unreadable settings,
/// a missing calendar year, missing templates, bad arguments.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public init(file: String, line: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    /// `file:line: message` for a terminal: cut to a readable length, control characters escaped.
    public var description: String {
        // A YAML or template error may quote several lines of the file: line breaks are kept.
        let text = DisplayText.terminalSafe(DisplayText.cut(message), keepingLineBreaks: true)
        let place = DisplayText.terminalSafe(file)
        return file.isEmpty ? text : line > 0 ? "\(place):\(line): \(text)" : "\(place): \(text)"
    }
}
