import Foundation
import GongshiModel

/// The files of a site's folders that the reader takes up, and those it leaves (said, never dropped
/// silently).
extension SiteReader {
    /// The data files of `dir` (`Content/xzxk`), relative and sorted, CSV files first, then workbooks
    /// (an old binary .xls is listed so that it is reported, not skipped); and what else it holds, each
    /// said: a department's table in another format (.et, .xlsm, .ods) is an error, a file of another
    /// extension (.bak) or a subfolder a warning; none is dropped silently. The sidecars of default
    /// values (`.yml`) are neither read here nor said. The folder is listed once.
    static func dataFolder(root: String, dir: String) -> (files: [String], unread: [Finding]) {
        let dataExtensions = ["csv", "xlsx", "xls"]
        // Sidecars are taken (and left out below): neither read here nor said.
        // A warning: a department's data that is not read must show with `--severity warning`.
        // A table in another format is a department's export left unpublished whole: an error, as an old
        // .xls is, so that `check` fails until it is saved again.
        let (taken, unread) = sortOut(root: root, dir: dir, taking: Set(dataExtensions + ["yml", "yaml"])) {
            name, ext, isFolder in
            isFolder
                ? (.warning, "子文件夹「\(name)」中的文件\(Finding.dataFileUnread)直接放在 \(dir)/ 中")
                : otherTables.contains(ext)
                    ? (
                        .error,
                        "「\(name)」是表格文件，但\(Finding.dataFileUnread)为 .csv 或 .xlsx：其中的记录都未公示，请另存为 .xlsx 或 CSV（UTF-8）"
                    )
                    : (.warning, "「\(name)」\(Finding.dataFileUnread)为 .csv 或 .xlsx（请另存为其中一种）")
        }
        // By kind of file, each kind in byte order.
        let files = dataExtensions.flatMap { e in taken.filter { $0.ext == e }.map(\.path) }
        return (files, unread)
    }

    /// Tables a department may export that the reader does not read: WPS (.et), OpenDocument, Excel's
    /// macro and binary workbooks and templates, Numbers, .tsv and .dbf. Not .txt: as often notes as
    /// Excel's "Unicode text" export, it stays a warning.
    static let otherTables: Set<String> = [
        "et", "ett", "ods", "fods", "xlsm", "xlsb", "xltx", "xltm", "xlt", "numbers", "tsv", "dbf",
    ]

    /// The Markdown files of `dir` (`Content/xinwen`), relative and sorted; and what else it holds, each
    /// said (info): an image beside an article is not copied, a `.docx` or a subfolder is not read.
    static func articleFolder(root: String, dir: String) -> (files: [String], unread: [Finding]) {
        let (taken, unread) = sortOut(root: root, dir: dir, taking: ["md"]) { name, ext, isFolder in
            (
                .info,
                isFolder
                    ? "子文件夹「\(name)」中的文件未读取：文章应为直接放在 \(dir)/ 中的 .md 文件；图片请放入 Templates/assets/"
                    : ["png", "jpg", "jpeg", "gif", "svg", "webp"].contains(ext)
                        ? "图片「\(name)」不会复制到网站：请放入 Templates/assets/，在文章中写作 ![说明](/assets/\(name))"
                        : "「\(name)」未读取：文章应为 Markdown（.md）文件"
            )
        }
        return (taken.map(\.path), unread)
    }

    /// The entries of `dir` in byte order, hidden files and Excel's lock files (`~$`) left out: those
    /// whose lower-cased extension is one of `taking` (relative path and extension), and a finding for
    /// each other, its level and words given by `unread` (name, extension, whether it is a folder).
    private static func sortOut(
        root: String, dir: String, taking: Set<String>,
        unread: (String, String, Bool) -> (Finding.Level, String)
    ) -> (taken: [(path: String, ext: String)], unread: [Finding]) {
        let full = (root as NSString).appendingPathComponent(dir)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return ([], []) }
        var taken: [(path: String, ext: String)] = []
        var findings: [Finding] = []
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        where !name.hasPrefix(".") && !name.hasPrefix("~$") {
            let ext = (name as NSString).pathExtension.lowercased()
            if taking.contains(ext) {
                taken.append((dir + "/" + name, ext))
                continue
            }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full + "/" + name, isDirectory: &isFolder)
            let (severity, message) = unread(name, ext, isFolder.boolValue)
            findings.append(
                Finding(rule: "bad-file", severity: severity, file: dir + "/" + name, line: 0, message: message))
        }
        return (taken, findings)
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
