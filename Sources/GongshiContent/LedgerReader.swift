import Foundation
import GongshiModel

/// Reads `Content/ledger.csv` (`日期,事件,类型,记录键,摘要`). A missing ledger is an empty history.
public enum LedgerReader {
    public static let header = "日期,事件,类型,记录键,摘要"

    public static func read(path: String, file: String) -> (events: [LedgerEvent], findings: [Finding]) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], []) }
        var events: [LedgerEvent] = []
        var findings: [Finding] = []
        var first = true
        func bad(_ line: Int, _ msg: String) {
            findings.append(Finding(rule: "bad-file", severity: .error, file: file, line: line, message: msg))
        }
        do {
            try CSVReader.read(path: path) { row in
                if first {
                    first = false
                    if row.fields.first?.trimmingWhitespace() == "日期" { return }
                }
                if let p = row.problem { bad(row.line, "CSV 格式错误：\(p)"); return }
                let f = row.fields.map { $0.trimmingWhitespace() }
                guard f.count >= 4 else { bad(row.line, "台账行应有 5 列：日期,事件,类型,记录键,摘要"); return }
                guard let date = LocalDate(parsing: f[0]) else { bad(row.line, "台账日期「\(f[0])」无效"); return }
                guard let ev = LedgerEvent.Kind(rawValue: f[1]) else { bad(row.line, "台账事件「\(f[1])」应为 公示、更新 或 撤回"); return }
                guard let kind = RecordKind(rawValue: f[2]) else { bad(row.line, "台账类型「\(f[2])」应为 xzxk、xzcf 或 mingdan"); return }
                events.append(LedgerEvent(date: date, event: ev, kind: kind, key: f[3], digest: f.count > 4 ? f[4] : ""))
            }
        } catch let e as CSVFileError {
            bad(e.line, e.message)
        } catch {
            bad(0, "读取失败：\(error)")
        }
        return (events, findings)
    }
}
