/// A theme as read from a site's `Templates/`: each Mustache template's text by name (`record` for
/// `record.mustache`), the files of `Templates/assets/`, and `bad-file` findings for the asset files
/// refused. The build step reads it; the renderer only ever sees this text.
public struct ThemeFiles: Sendable {
    /// Template text by name, partials included.
    public var templates: [String: String]
    /// Files of `Templates/assets/` (path relative to `assets/`, bytes), sorted by path.
    public var assets: [(path: String, bytes: [UInt8])]
    public var findings: [Finding]

    public init(templates: [String: String], assets: [(path: String, bytes: [UInt8])] = [], findings: [Finding] = []) {
        self.templates = templates
        self.assets = assets
        self.findings = findings
    }
}
