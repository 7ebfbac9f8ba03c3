import Foundation
import GongshiModel

/// Reads the small CSV registries: `departments.csv` and `memoranda.csv`, by header name.
public enum RegistryReader {
    /// The longest department 编码: it names folders and files of the site (`bumen/<编码>/`,
    /// `xzcf/<编码>-<hash>/`), which the file system limits to 255 bytes each.
    public static let maxDepartmentCodeLength = 64

    /// Rows as dictionaries by trimmed header name, with their line numbers.
    static func rows(path: String, file: String, required: [String], findings: inout [Finding]) -> [(
        line: Int, values: [String: String]
    )] {
        var header: [String] = []
        var out: [(Int, [String: String])] = []
        do {
            try CSVReader.read(path: path) { row in
                if header.isEmpty {
                    header = row.fields.map { RecordSchema.normalizeHeader($0) }
                    for r in required where !header.contains(r) {
                        findings.append(
                            Finding(
                                rule: "bad-file", severity: .error, file: file, line: row.line, message: "表头缺少列「\(r)」"))
                    }
                    return
                }
                if let p = row.problem {
                    findings.append(.malformedRow(file: file, line: row.line, p))
                    return
                }
                var d: [String: String] = [:]
                for (i, v) in row.fields.enumerated() where i < header.count { d[header[i]] = v.trimmingWhitespace() }
                out.append((row.line, d))
            }
        } catch let e as CSVFileError {
            findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: e.line, message: e.message))
        } catch {
            findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: 0, message: "读取失败：\(error)"))
        }
        return out
    }

    public static func departments(path: String, file: String, findings: inout [Finding]) -> [Department] {
        var out: [Department] = []
        var codes = Set<String>()
        for (line, d) in rows(path: path, file: file, required: ["编码", "名称"], findings: &findings) {
            let code = d["编码"] ?? ""
            let name = d["名称"] ?? ""
            let uscc = (d[Field.creditCode.name] ?? "").uppercased()
            if code.isEmpty || name.isEmpty {
                findings.append(
                    Finding(
                        rule: "missing-field", severity: .error, file: file, line: line,
                        message: "部门缺少必填字段「\(code.isEmpty ? "编码" : "名称")」"))
                continue
            }
            guard code.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: file, line: line,
                        message: "部门编码「\(code)」只能由小写字母、数字和连字符组成（用于网址）"))
                continue
            }
            guard code.utf8.count <= maxDepartmentCodeLength else {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: file, line: line,
                        message:
                            "部门编码「\(code.prefix(20))…」有 \(code.utf8.count) 个字符，最多 \(maxDepartmentCodeLength) 个（用作网址和文件名），该部门未读取"
                    ))
                continue
            }
            guard !codes.contains(code) else {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: file, line: line, department: code,
                        message: "部门编码「\(code)」重复：本行的部门未登记（编码用作网址，每个部门须不同）。请改用其他编码，或删去重复的一行"))
                continue
            }
            if !uscc.isEmpty, let p = UnifiedSocialCreditCode.problem(uscc) {
                findings.append(
                    Finding(
                        rule: "invalid-uscc", severity: .error, file: file, line: line, department: code,
                        message: "部门「\(name)」的统一社会信用代码「\(uscc)」无效：\(p)"))
            }
            codes.insert(code)
            // Aliases are separated by ；, ;, 、 or |.
            let aliases = (d["别名"] ?? "").split(whereSeparator: { "；;、|".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != name }
            out.append(Department(code: code, name: name, uscc: uscc, website: d["网站"] ?? "", aliases: aliases))
        }
        return out
    }

    public static func memoranda(path: String, file: String, findings: inout [Finding]) -> [Memorandum] {
        rows(path: path, file: file, required: ["文号"], findings: &findings).compactMap { _, d in
            guard let n = d["文号"], !n.isEmpty else { return nil }
            return Memorandum(
                number: d["序号"] ?? "", title: d["文件名称"] ?? "",
                documentNumber: DocumentNumber.normalize(n), type: d["类型"] ?? "")
        }
    }
}
