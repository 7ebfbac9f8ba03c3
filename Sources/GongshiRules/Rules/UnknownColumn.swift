import GongshiModel

/// `unknown-column`: a header the data standard does not know. Reported by the reader on line 1.
public enum UnknownColumn: Rule {
    public static let info = RuleInfo(
        id: "unknown-column", title: "未知的列", severity: .warning, withholds: "—",
        summary: "表头中有不属于双公示数据标准（中文名或 XK_/CF_ 代码）或名单格式的列；该列被忽略（序号、行号等给行编号的列不提示）",
        example: "表头写成「许可机关名称」而不是「许可机关」",
        basis: "《公共信用信息公示数据标准（双公示 v2.0）》字段表")
}
