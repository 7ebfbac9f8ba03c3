import GongshiModel
import Yams

/// Reads a `columns:` map (in `site.yml` per kind, or in a sidecar `NAME.yml` for one file): from a
/// header a department uses to a standard column name. Keys are compared like headers, so two keys
/// that differ only in case, spaces or bracket style are one key, which is an error.
enum ColumnMapReader {
    struct Problem: Error {
        let line: Int
        let message: String
    }

    /// The map as normalised header → standard field of `kind`.
    static func read(_ node: Node, kind: RecordKind, section: String) throws(Problem) -> [String: Field] {
        guard let m = node.mapping else {
            throw Problem(line: node.mark?.line ?? 0, message: "「\(section)」应为键值映射：「表头: 标准列名」")
        }
        let schema = kind.schema
        var out: [String: Field] = [:]
        var keyLines: [String: (String, Int)] = [:]
        for (k, v) in m {
            let line = k.mark?.line ?? 0
            guard let header = k.scalar?.string, !RecordSchema.normalizeHeader(header).isEmpty else {
                throw Problem(line: line, message: "「\(section)」的键应为表头文字")
            }
            guard let target = v.scalar?.string else {
                throw Problem(line: v.mark?.line ?? line, message: "「\(section)」中「\(header)」的值应为标准列名")
            }
            let key = RecordSchema.normalizeHeader(header)
            if let (first, firstLine) = keyLines[key] {
                throw Problem(
                    line: line,
                    message: "「\(section)」中「\(header)」与第\(firstLine)行的「\(first)」是同一表头（比较时忽略大小写、空格和括号样式），请只保留一个")
            }
            keyLines[key] = (header, line)
            guard let idx = schema.index(of: target) else {
                let hint = schema.suggestion(for: target).map { "。您是否指「\($0)」？" } ?? ""
                throw Problem(
                    line: v.mark?.line ?? line,
                    message: "「\(section)」中「\(header)」对应的「\(target)」不是\(kind.title)数据标准的列名\(hint)")
            }
            out[key] = schema.fields[idx]
        }
        return out
    }

    /// `columns:` of `site.yml`: one map per kind (`xzxk`, `xzcf`, `mingdan`).
    static func readSite(_ node: Node) throws(Problem) -> [RecordKind: [String: Field]] {
        guard let m = node.mapping else {
            throw Problem(line: node.mark?.line ?? 0, message: "「columns」应为键值映射，按 xzxk、xzcf、mingdan 分别列出")
        }
        var out: [RecordKind: [String: Field]] = [:]
        for (k, v) in m {
            guard let name = k.scalar?.string, let kind = RecordKind(rawValue: name) else {
                throw Problem(
                    line: k.mark?.line ?? 0,
                    message: "「columns」下未知的数据类别「\(k.scalar?.string ?? "")」（可用：xzxk、xzcf、mingdan）")
            }
            out[kind] = try read(v, kind: kind, section: "columns.\(name)")
        }
        return out
    }
}
