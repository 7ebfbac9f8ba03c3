import Foundation
import GongshiModel

/// Reads one data file of `xzxk/`, `xzcf/` or `mingdan/` into ``SourceRecord``s, matching columns by
/// header name (Chinese or national code), and reports unreadable files, malformed rows and unknown
/// columns as findings.
public enum RecordFileReader {
    public static func read(kind: RecordKind, path: String, file: String,
                            onRecord: (SourceRecord) -> Void) -> (findings: [Finding], rows: Int) {
        let schema = kind.schema
        var findings: [Finding] = []
        var mapping: [Int?] = []
        var present = [Bool](repeating: false, count: schema.fields.count)
        var headerWidth = 0
        var rows = 0
        do {
            try CSVReader.read(path: path) { row in
                if headerWidth == 0 {
                    headerWidth = row.fields.count
                    var seen = Set<Int>()
                    for (i, raw) in row.fields.enumerated() {
                        let name = raw.trimmingWhitespace()
                        if let idx = schema.index(of: name), !seen.contains(idx) {
                            mapping.append(idx); seen.insert(idx); present[idx] = true
                        } else {
                            mapping.append(nil)
                            if name.isEmpty && i == row.fields.count - 1 { continue }  // trailing comma in header
                            let msg = schema.index(of: name) != nil
                                ? "列「\(name)」重复出现，只读取第一列"
                                : "未知的列「\(name.isEmpty ? "（空列名）" : name)」：不属于\(kind.title)数据标准，已忽略"
                            findings.append(Finding(rule: "unknown-column", severity: .warning, file: file, line: row.line, message: msg))
                        }
                    }
                    return
                }
                rows += 1
                if let problem = row.problem {
                    findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: row.line,
                                            message: "CSV 格式错误：\(problem)，该行未读取"))
                    return
                }
                // A trailing empty field beyond the header is what some exporters write; more is an error.
                var fields = row.fields
                while fields.count > headerWidth, fields.last?.trimmingWhitespace() == "" { fields.removeLast() }
                if fields.count != headerWidth {
                    findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: row.line,
                                            message: "本行有 \(fields.count) 列，表头有 \(headerWidth) 列（可能是未加引号的逗号或缺列），该行未读取"))
                    return
                }
                var values = [String](repeating: "", count: schema.fields.count)
                for (i, raw) in fields.enumerated() {
                    guard let idx = mapping[i] else { continue }
                    var v = raw.trimmingWhitespace()
                    if schema.fields[idx].role == .code { v = String(v.uppercased().filter { !$0.isWhitespace }) }  // OCR and Excel put spaces inside codes
                    values[idx] = v
                }
                onRecord(SourceRecord(kind: kind, values: values, file: file, line: row.line, present: present))
            }
            if headerWidth == 0 {
                findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: 0, message: "文件为空：没有表头"))
            }
        } catch let e as CSVFileError {
            findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: e.line, message: e.message))
        } catch {
            findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: 0, message: "读取失败：\(error)"))
        }
        return (findings, rows)
    }
}
