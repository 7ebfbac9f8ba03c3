import Foundation
import GongshiModel

/// Reads a site's theme (`Templates/*.mustache` and `Templates/assets/`) into ``ThemeFiles``.
public enum ThemeReader {
    /// The templates and assets of the site folder `root`. A missing `Templates/` folder, or a
    /// template that cannot be read, stops the build; an asset refused (a link out of the site, a
    /// FIFO, an oversized file) is a `bad-file` finding.
    public static func read(root: String) throws(SiteError) -> ThemeFiles {
        let directory = (root as NSString).appendingPathComponent("Templates")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw SiteError(file: "Templates", message: "找不到模板文件夹 Templates/（站点需要 Content/ 和 Templates/）")
        }
        var templates: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let text = try InputFile.text("Templates/\(name)", root: root, notUTF8: "无法读取模板（应为 UTF-8 编码）")
            templates[String(name.dropLast(".mustache".count))] = text
        }
        var assets: [(String, [UInt8])] = []
        let (files, refused) = ThemeAssets.scan(root: root)
        var findings = refused
        for (rel, real) in files {
            do { assets.append((rel, [UInt8](try InputFile.read(real, limit: InputFile.Limit.asset)))) } catch {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: "Templates/assets/\(rel)", line: 0,
                        message: error.message))
            }
        }
        findings += missingAssets(templates, assets: Set(assets.map(\.0)))
        return ThemeFiles(templates: templates, assets: assets.sorted { $0.0 < $1.0 }, findings: findings)
    }

    /// A warning for each `assets/…` file a template names that `Templates/assets/` does not have: a theme
    /// copied without its assets built a site without styles, search or filters, and nothing said so.
    public static func missingAssets(_ templates: [String: String], assets: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        var said = Set<String>()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let found = rest.range(of: "assets/") {
                    rest = rest[found.upperBound...]
                    let file = String(rest.prefix { !"\"' )?#{<>".contains($0) })
                    guard !file.isEmpty, !assets.contains(file), said.insert(name + "|" + file).inserted else {
                        continue
                    }
                    findings.append(
                        Finding(
                            rule: "bad-file", severity: .warning, file: "Templates/\(name).mustache", line: i + 1,
                            message:
                                "引用的 assets/\(file) 在 Templates/assets/ 中不存在，网站上将缺少这个文件（样式、搜索或筛选可能无法使用）：请从 gongshi init 新建的站点中复制 Templates/assets/ 下的文件"
                        ))
                }
            }
        }
        return findings
    }
}
