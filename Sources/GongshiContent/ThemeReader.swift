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
            let file = "Templates/\(name)"
            let data: Data
            do {
                data = try InputFile.read(
                    (directory as NSString).appendingPathComponent(name), root: root, limit: InputFile.Limit.text)
            } catch {
                throw SiteError(file: file, message: error.message)
            }
            guard let text = TextEncoding.decodeUTF8(data) else {
                throw SiteError(file: file, message: "无法读取模板（应为 UTF-8 编码）")
            }
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
        return ThemeFiles(templates: templates, assets: assets.sorted { $0.0 < $1.0 }, findings: findings)
    }
}
