/// One problem or notice about the site's data, with where it is: what `gongshi check` prints.
public struct Finding: Sendable, Hashable {
    /// The words that close the message of a table (a worksheet) none of whose rows could be read: its
    /// finding is about the table, not a row of it, and counts as a file that could not be read.
    public static let wholeTableUnread = "整个工作表未读取"
    /// The words in the warning about a file or subfolder in a data folder that is not read at all (a
    /// `.txt`, a folder of files): it counts as a file that could not be read.
    public static let dataFileUnread = "未读取：数据文件应"

    public enum Level: String, Sendable, Comparable, CaseIterable {
        case info, warning, error, fatal
        public var chinese: String {
            switch self {
            case .info: return "提示"
            case .warning: return "警告"
            case .error: return "错误"
            case .fatal: return "致命"
            }
        }
        /// In the order of `allCases` (which builds an array at every call).
        public static func < (a: Level, b: Level) -> Bool { a.position < b.position }

        private var position: Int {
            switch self {
            case .info: return 0
            case .warning: return 1
            case .error: return 2
            case .fatal: return 3
            }
        }
    }

    /// Stable rule id (`missing-field`, `late-disclosure` …), see Documentation/rules.md.
    public let rule: String
    public let severity: Level
    /// Relative to the site folder, `/`-separated (`Content/xzcf/2026-10.csv`).
    public let file: String
    /// The row as Excel numbers it (header = 1); 0 for a finding about a whole file.
    public let line: Int
    /// The worksheet of a workbook (`.xlsx`) the row is on; empty for CSV and other files.
    public let sheet: String
    /// The record key (`xzcf:区市场监管局:周市监罚〔2026〕12号`), empty when there is none.
    public let key: String
    /// 编码 of the record's department, empty when unknown.
    public let department: String
    /// What is wrong and what to do, in Chinese; at most ``DisplayText/messageLimit`` characters.
    public let message: String
    /// This finding is why its record is kept off the site (exactly one finding per withheld record).
    public var withholds = false
    /// The name of the record's entity (行政相对人名称 / 主体名称), shown beside the key so that a clerk
    /// knows the company at once; a natural person's name is masked (张*明). Empty when there is none.
    public var entity = ""

    public init(
        rule: String, severity: Level, file: String, line: Int, sheet: String = "", key: String = "",
        department: String = "",
        message: String
    ) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.sheet = sheet
        // A message quotes the file (a column name, a value): a hostile file must not make it huge.
        self.key = key
        self.department = department
        self.message = DisplayText.cut(message)
    }
}

extension Finding {
    /// Where a row is, as findings, reports and the preview name it: `a.xlsx [补报] 第3行`, with the
    /// worksheet of a workbook (each has its own row numbers); the file alone for line 0.
    public static func place(file: String, sheet: String = "", line: Int = 0) -> String {
        let named = sheet.isEmpty ? file : "\(file) [\(sheet)]"
        return line > 0 ? "\(named) 第\(line)行" : named
    }

    /// Where in its file the finding is, as `check` and the preview show it under the file's name:
    /// 第N行; 整个工作表 or 整个文件 for one about a whole sheet or file; 按记录键 for one about a record
    /// no line of the file holds (a record the data no longer has, found in the ledger by its key).
    public var lineText: String {
        if line > 0 { return "第\(line)行" }
        if !key.isEmpty { return "按记录键" }
        return sheet.isEmpty ? "整个文件" : "整个工作表"
    }
}
