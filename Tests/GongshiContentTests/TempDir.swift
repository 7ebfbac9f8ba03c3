import Foundation
import GongshiModel

@testable import GongshiContent

/// A fresh folder under the system temporary directory, removed when the value goes away.
final class TempDir {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("gongshi-content-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes bytes to `name` (relative, intermediate folders created) and returns the full path.
    @discardableResult
    func write(_ name: String, data: Data) -> String {
        let full = file(name)
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try! data.write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, data: Data(text.utf8)) }
}

/// GB18030 as Foundation on Linux knows it (kCFStringEncodingGB_18030_2000).
let gb18030 = String.Encoding(rawValue: 0x8000_0632)

/// The records and findings of a CSV text read as a data file `Content/<kind>/<name>`.
func readCSV(_ kind: RecordKind, _ text: String, name: String = "a.csv") -> (
    records: [SourceRecord], findings: [Finding]
) {
    let dir = TempDir()
    var records: [SourceRecord] = []
    let r = RecordFileReader.read(
        kind: kind, path: dir.write(name, text), file: "Content/\(kind.rawValue)/\(name)", columns: [:]
    ) { records.append($0) }
    return (records, r.findings)
}
