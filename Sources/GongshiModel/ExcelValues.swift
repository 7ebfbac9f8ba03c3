/// What Excel does to the values departments type, said once for the readers, the rules and the open
/// data: its day numbers, and the scientific notation it shows a long code in.
extension LocalDate {
    /// The day Excel's serial number `days` stands for in its 1900 date system (day 1 is 1900-01-01;
    /// day 60, Excel's 1900-02-29, never existed); nil outside Excel's calendar.
    public init?(excelSerial days: Int) {
        guard days >= 1, days < 2_958_466, days != 60, let base = LocalDate(year: 1899, month: 12, day: 31) else {
            return nil
        }
        self = base.adding(days: days < 60 ? days : days - 1)
    }

    /// This day's Excel serial number in the 1900 date system, from 1900-03-01 (day 61) on, where it is
    /// days since 1899-12-30; nil before.
    public var excelSerial: Int? {
        let serial = dayNumber - LocalDate.excelEpoch
        return serial >= 61 ? serial : nil
    }

    static let excelEpoch = LocalDate(year: 1899, month: 12, day: 30)?.dayNumber ?? 0
}

/// A code Excel turned into a number and then showed as `9.13703E+17`: its digits past the sixth are gone.
public enum ExcelNotation {
    /// Whether `value` is a number in Excel's scientific notation (`9.13703E+17`, `1.137e+17`).
    public static func isScientific(_ value: String) -> Bool {
        let u = value.uppercased()
        guard let e = u.range(of: "E+") else { return false }
        return Double(u) != nil && !u[..<e.lowerBound].isEmpty
    }

    /// The digits such a value still shows, as the number's digits (`3.70303198001011E+17` →
    /// 370303198001011000): its leading digits right, the rest zeros.
    public static func digits(_ value: String) -> String {
        let u = value.uppercased()
        guard let e = u.range(of: "E+"), let exponent = Int(u[e.upperBound...]), exponent < 40 else { return "" }
        let mantissa = u[..<e.lowerBound].filter(\.isNumber)
        guard !mantissa.isEmpty else { return "" }
        let count = exponent + 1
        return mantissa.count >= count
            ? String(mantissa.prefix(count)) : mantissa + String(repeating: "0", count: count - mantissa.count)
    }

    /// What to tell the clerk about such a value.
    public static let advice =
        "形如 9.13703E+17 的值是 Excel 把代码当作数字后的科学计数法，后几位已丢失，无法还原：请在原表中把该列设为「文本」格式，重新填写后另存"
}
