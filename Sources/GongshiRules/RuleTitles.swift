/// Short Chinese names of the rule ids, for pages and reports that a clerk reads (the id itself stays
/// in JSON and in small print).
public enum RuleTitles {
    static let titles: [String: String] = [
        "bad-file": "文件或行无法读取",
        "unknown-column": "未知的列",
        "missing-field": "缺少必填字段",
        "bad-date": "日期无效",
        "bad-value": "取值不规范",
        "future-date": "日期晚于构建日期",
        "invalid-uscc": "统一社会信用代码无效",
        "invalid-id-number": "身份证号码无效",
        "personal-data": "文本中含个人信息（已遮蔽）",
        "natural-person-withheld": "自然人信息不予公示",
        "unknown-department": "未知的部门",
        "unknown-memorandum": "未知的备忘录文号",
        "duplicate-record": "重复记录",
        "late-disclosure": "逾期公示",
        "due-soon": "公示期限将到",
        "publicity-ended": "公示期已届满",
        "publicity-too-long": "公示期超过上限",
        "revoked": "已撤销（撤回说明）",
        "late-withdrawal": "逾期撤回",
        "under-objection": "异议处理中",
        "objection-overdue": "异议逾期未办结",
        "early-repair": "最短公示期内修复",
        "red-black-conflict": "红黑名单冲突",
        "missing-calendar": "缺少节假日安排",
        "calendar-ending": "节假日安排即将用完",
        "amount-unit": "罚款金额单位疑误",
    ]

    /// The Chinese name of a rule id (the id itself when it has none).
    public static func title(_ rule: String) -> String { titles[rule] ?? rule }
}
