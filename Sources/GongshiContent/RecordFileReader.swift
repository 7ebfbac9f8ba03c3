import Foundation
import GongshiModel

/// Reads one data file of `xzxk/`, `xzcf/` or `mingdan/` (CSV or Excel workbook) into
/// ``SourceRecord``s, matching columns by header name (Chinese, national code, alias, or a
/// `columns:` map), filling empty cells from a sidecar `NAME.yml`, and reports unreadable files,
/// sheets and rows and unknown columns as findings.
public enum RecordFileReader {
    /// - Parameter columns: the `site.yml` `columns:` map of this kind (normalised header → standard field).
    public static func read(
        kind: RecordKind, path: String, file: String, columns: [String: Field] = [:],
        onRecord: (SourceRecord) -> Void
    ) -> (findings: [Finding], rows: Int) {
        var findings: [Finding] = []
        var sidecar = Sidecar()
        if let side = SidecarReader.locate(path: path, file: file) {
            if let d = FileManager.default.contents(atPath: side.path), let text = TextEncoding.decodeUTF8(d) {
                let (s, f) = SidecarReader.read(text: text, file: side.file, kind: kind)
                sidecar = s
                // One sidecar serves NAME.csv and NAME.xlsx: report its problems once, with the first.
                if isFirstSibling(path: path) { findings += f }
            } else if isFirstSibling(path: path) {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: side.file, line: 0,
                        message: "无法读取默认值文件（应为 UTF-8 编码），其中的默认值未使用"))
            }
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let source: RowSource
        switch FileSignature(path: path) {
        case .ole2:
            findings.append(
                Finding(
                    rule: "bad-file", severity: .error, file: file, line: 0,
                    message: "这是旧版 Excel（.xls）或加密的工作簿，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）"))
            return (findings, 0)
        case .zip:
            // A workbook saved under a .csv name is read as the workbook it is, and said.
            if ext == "csv" {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .info, file: file, line: 0,
                        message: "文件扩展名是 .csv，但内容是 Excel 工作簿：已按工作簿读取（请改用 .xlsx 扩展名）"))
            }
            source = XLSXRowSource(input: .path(path))
        case .other:
            if ext == "xls" || ext == "xlsx" {
                findings.append(
                    Finding(
                        rule: "bad-file", severity: .error, file: file, line: 0,
                        message: "文件扩展名是 .\(ext)，但内容不是 Excel 工作簿（可能是改了扩展名的网页或文本）：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）"
                    ))
                return (findings, 0)
            }
            source = CSVRowSource(path: path)
        }
        let r = read(kind: kind, source: source, file: file, columns: columns, sidecar: sidecar, onRecord: onRecord)
        return (findings + r.findings, r.rows)
    }

    /// Reads a workbook held in memory: the entry point for fuzzing and tests.
    public static func readWorkbook(
        kind: RecordKind, data: Data, file: String, columns: [String: Field] = [:],
        sidecar: Sidecar = Sidecar(), onRecord: (SourceRecord) -> Void
    ) -> (findings: [Finding], rows: Int) {
        if FileSignature(head: data) == .ole2 {
            return (
                [
                    Finding(
                        rule: "bad-file", severity: .error, file: file, line: 0,
                        message: "这是旧版 Excel（.xls）或加密的工作簿，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8）")
                ], 0
            )
        }
        return read(
            kind: kind, source: XLSXRowSource(input: .data(data)), file: file, columns: columns, sidecar: sidecar,
            onRecord: onRecord)
    }

    static func read(
        kind: RecordKind, source: RowSource, file: String, columns: [String: Field], sidecar: Sidecar,
        onRecord: (SourceRecord) -> Void
    ) -> (findings: [Finding], rows: Int) {
        var mapper = TableMapper(
            kind: kind, file: file, columns: sidecar.columns.merging(columns) { own, _ in own },
            defaults: sidecar.defaults)
        var tables = 0
        do {
            try source.read { event in
                switch event {
                case .table(let info):
                    mapper.endTable(onRecord)
                    mapper.begin(info)
                    tables += 1
                case .row(let row):
                    mapper.row(row, onRecord)
                case .merges(let ranges, let count):
                    mapper.merged(ranges, count: count)
                }
            }
            mapper.endTable(onRecord)
            if tables == 1, !mapper.table.isWorkbook, !mapper.sawHeader, !mapper.rejected {
                mapper.findings.append(
                    Finding(rule: "bad-file", severity: .error, file: file, line: 0, message: "文件为空：没有表头"))
            }
            if tables == 0 {
                mapper.findings.append(
                    Finding(rule: "bad-file", severity: .error, file: file, line: 0, message: "工作簿中没有工作表"))
            }
        } catch let e as RowSourceError {
            mapper.endTable(onRecord)
            mapper.findings.append(
                Finding(
                    rule: "bad-file", severity: .error, file: file, line: e.line, sheet: e.sheet, message: e.message))
        } catch {
            mapper.findings.append(
                Finding(rule: "bad-file", severity: .error, file: file, line: 0, message: "读取失败：\(error)"))
        }
        return (mapper.findings, mapper.rows)
    }

    /// Whether no other data file of the same name sorts before the one at `path` (NAME.csv before
    /// NAME.xlsx), so that problems of their shared sidecar are reported once.
    static func isFirstSibling(path: String) -> Bool {
        let stem = (path as NSString).deletingPathExtension
        let own = (path as NSString).lastPathComponent
        for ext in ["csv", "xls", "xlsx"] {
            let other = stem + "." + ext
            let name = (other as NSString).lastPathComponent
            if name != own, Array(name.utf8).lexicographicallyPrecedes(Array(own.utf8)),
                FileManager.default.fileExists(atPath: other)
            {
                return false
            }
        }
        return true
    }
}
