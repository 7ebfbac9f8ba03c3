import Foundation
import GongshiModel

/// Finds the files of `Templates/assets/` that may be published as `Public/assets/`: regular files
/// whose real path is inside the site folder. A link out of the site (`style.css ->
/// /etc/passwd`), a FIFO, a device or an oversized file is a `bad-file` finding and is never read.
public enum ThemeAssets {
    /// Folders deeper than this are not entered (a theme needs a few levels).
    static let maxDepth = 16

    /// The files to copy (relative to `assets/`, real path), sorted, and the findings for the
    /// entries refused. `root` is the site folder.
    public static func scan(root: String) -> (files: [(rel: String, real: String)], findings: [Finding]) {
        let assets = (root as NSString).appendingPathComponent("Templates/assets")
        var files: [(String, String)] = []
        var findings: [Finding] = []
        func refuse(_ rel: String, _ message: String) {
            findings.append(
                Finding(rule: "bad-file", severity: .error, file: "Templates/assets/\(rel)", line: 0, message: message))
        }
        func walk(_ dir: String, _ prefix: String, _ depth: Int) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let rel = prefix + name
                let full = (dir as NSString).appendingPathComponent(name)
                var st = stat()
                guard lstat(full, &st) == 0 else {
                    refuse(rel, "无法读取文件")
                    continue
                }
                // Real folders are entered; a link to a folder is not followed (it could lead out of
                // the site or round in a loop).
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    if depth >= maxDepth {
                        refuse(rel, "文件夹层数超过 \(maxDepth)，未复制")
                        continue
                    }
                    walk(full, rel + "/", depth + 1)
                    continue
                }
                do {
                    let checked = try InputFile.check(full, root: root, limit: InputFile.Limit.asset)
                    files.append((rel, checked.realPath))
                } catch {
                    refuse(rel, error.message)
                }
            }
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: assets, isDirectory: &isDir), isDir.boolValue else {
            return ([], [])
        }
        walk(assets, "", 0)
        return (files.sorted { $0.0 < $1.0 }, findings)
    }

    /// `bad-file` findings for the templates (`Templates/*.mustache`) a build would refuse to read
    /// (and stop on): links out of the site, FIFOs, oversized files. For `check`, which does not
    /// load the theme.
    public static func templateFindings(root: String) -> [Finding] {
        let dir = (root as NSString).appendingPathComponent("Templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        var findings: [Finding] = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            do {
                _ = try InputFile.check(
                    (dir as NSString).appendingPathComponent(name), root: root, limit: InputFile.Limit.text)
            } catch {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: "Templates/\(name)", line: 0, message: error.message))
            }
        }
        return findings
    }
}
