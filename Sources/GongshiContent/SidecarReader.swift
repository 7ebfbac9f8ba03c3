import Foundation
import GongshiModel
import Yams

/// What a sidecar `NAME.yml` beside a data file says about every data file named NAME: values for
/// columns its rows leave empty (a list file states 名单名称 or 认定部门 once, not on every row) and a
/// `columns:` map for that file only.
public struct Sidecar: Sendable {
    /// Schema index → value filling that column where a row leaves it empty.
    public var defaults: [Int: String] = [:]
    /// Normalised header → standard field, for this file only (wins over `site.yml`).
    public var columns: [String: Field] = [:]
    public init() {}
}

/// Reads a sidecar `NAME.yml`. Problems are findings on the sidecar file with their line; a
/// sidecar that cannot be read at all adds nothing.
public enum SidecarReader {
    /// The sidecar of the data file at `path` (same folder, same name, `.yml` or `.yaml`), if any:
    /// its path and its relative name built from `file`.
    public static func locate(path: String, file: String) -> (path: String, file: String)? {
        let stem = (path as NSString).deletingPathExtension
        let relStem = (file as NSString).deletingPathExtension
        for ext in ["yml", "yaml"] where FileManager.default.fileExists(atPath: stem + "." + ext) {
            return (stem + "." + ext, relStem + "." + ext)
        }
        return nil
    }

    public static func read(text: String, file: String, kind: RecordKind) -> (Sidecar, [Finding]) {
        var sidecar = Sidecar()
        var findings: [Finding] = []
        func problem(_ line: Int, _ message: String) {
            findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: line, message: message))
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return (sidecar, []) }
            root = node
        } catch {
            problem(SettingsReader.yamlLine(error), "数据文件的默认值文件不是有效的 YAML，整个文件未使用：\(YAMLErrorText.describe(error))")
            return (sidecar, findings)
        }
        guard let map = root.mapping else {
            problem(root.mark?.line ?? 1, "默认值文件应为「列名: 值」的键值映射，整个文件未使用")
            return (sidecar, findings)
        }
        let schema = kind.schema
        for (k, v) in map {
            let line = k.mark?.line ?? 0
            let key = k.scalar?.string ?? ""
            if key == "columns" {
                do { sidecar.columns = try ColumnMapReader.read(v, kind: kind, section: "columns") } catch {
                    problem(error.line, error.message + "；本文件的 columns 未使用")
                }
                continue
            }
            guard let idx = schema.index(of: key) else {
                let hint = schema.suggestion(for: key).map { "。您是否指「\($0)」？" } ?? ""
                problem(line, "「\(key)」不是\(kind.title)数据标准的列名，该默认值未使用\(hint)")
                continue
            }
            let field = schema.fields[idx]
            guard let value = v.scalar?.string else {
                problem(v.mark?.line ?? line, "「\(key)」的默认值应为一个文字或日期，不能是列表或映射")
                continue
            }
            if field.role == .status {
                problem(line, "「\(key)」是状态列，不能在默认值文件中统一设置")
                continue
            }
            if sidecar.defaults[idx] != nil {
                problem(line, "「\(key)」与前面的键是同一列「\(field.name)」，只使用第一个")
                continue
            }
            sidecar.defaults[idx] = field.normalize(value)
        }
        return (sidecar, findings)
    }
}
