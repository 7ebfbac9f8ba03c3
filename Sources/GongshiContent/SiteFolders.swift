import Foundation
import GongshiModel

/// The files of a site's folders that the reader takes up, and those it leaves (said, never dropped
/// silently).
extension SiteReader {
    /// What a data folder holds that is not read, each said (info): a department's file saved with
    /// another extension (.xlsm, .txt, .bak) or put in a subfolder must not be dropped silently. Hidden
    /// files, Excel's lock files (`~$`) and the sidecars of default values (`.yml`) are not said.
    static func unreadNames(root: String, dir: String) -> [Finding] {
        let full = (root as NSString).appendingPathComponent(dir)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return [] }
        var out: [Finding] = []
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        where !name.hasPrefix(".") && !name.hasPrefix("~$") {
            let ext = (name as NSString).pathExtension.lowercased()
            if ["csv", "xlsx", "xls", "yml", "yaml"].contains(ext) { continue }
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: full + "/" + name, isDirectory: &isFolder)
            let message =
                isFolder.boolValue
                ? "子文件夹「\(name)」中的文件未读取：数据文件应直接放在 \(dir)/ 中"
                : "「\(name)」未读取：数据文件应为 .csv 或 .xlsx（请另存为其中一种）"
            out.append(Finding(rule: "bad-file", severity: .info, file: dir + "/" + name, line: 0, message: message))
        }
        return out
    }

    /// Relative paths (`Content/xzxk/a.csv`) of the files with extension `ext` directly in `dir`, sorted.
    static func listFiles(root: String, dir: String, ext: String) -> [String] {
        let full = (root as NSString).appendingPathComponent(dir)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return [] }
        return names.filter {
            ($0 as NSString).pathExtension.lowercased() == ext && !$0.hasPrefix(".") && !$0.hasPrefix("~$")
        }
        .map { dir + "/" + $0 }
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
