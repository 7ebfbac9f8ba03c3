import GongshiModel

/// `summary-procedure`: a penalty its department marks as decided by 简易程序 (当场处罚) is not public
/// credit information, so it is withheld.
public enum SummaryProcedure: RecordRule {
    public static let info = RuleInfo(
        id: "summary-procedure", title: "简易程序处罚不予公示", severity: .info, withholds: "该记录",
        summary:
            "行政处罚的「备注」或「处罚内容」写明适用简易程序（「简易程序」「当场处罚」「当场罚款」「当场作出行政处罚」，前面没有「不适用」「非」「未按」「不按」等否定，后面不是「不适用」「转为普通程序」）：简易程序作出的行政处罚不属于公共信用信息，不公示。如系误写，请改正该栏",
        example: "备注为「简易程序（当场处罚）」、处罚内容为「当场罚款人民币200元」的行政处罚",
        basis: "《山东省社会信用条例》第十三条（适用简易程序作出的行政处罚信息不纳入公共信用信息）")

    /// The words that say a penalty was decided by the summary procedure.
    /// (行政处罚法第五十一条: 当场作出行政处罚决定, as 当场罚款 mostly is.)
    static let markers = ["简易程序", "当场处罚", "当场罚款", "当场作出行政处罚", "当场作出处罚"]
    /// Words right before a marker that deny it (「不适用简易程序」「非简易程序」「未按简易程序办理」).
    static let denials = [
        "不适用", "未适用", "没有适用", "不属于", "不是", "非", "不按", "未按", "没有按", "未依", "不依", "未采用", "不采用", "未经",
    ]

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard so.isPublic, r.kind == .xzcf else { return .none }
        for field in [Field.remarks, .penaltyContent] {
            let text = r[field]
            guard let marker = markers.first(where: { saysSummary(text, $0) }) else { continue }
            return Decision(
                withholding: finding(
                    r, "「\(field.name)」写明「\(marker)」：简易程序作出的行政处罚不属于公共信用信息，不予公示（如系误写，请改正该栏）"))
        }
        return .none
    }

    /// Words right after a marker that deny it (「简易程序不适用」) or say the case left that procedure
    /// (「简易程序转为普通程序」).
    static let undoings = ["不适用", "不予适用", "未适用", "转为", "转入", "转"]

    /// Whether `text` has `marker` neither directly preceded by a denial nor followed by an undoing.
    ///
    /// Searched on UTF-8 bytes (a match of whole characters there is a match of characters): `range(of:)`
    /// is Foundation's locale-aware search, and every penalty asks this four times.
    static func saysSummary(_ text: String, _ marker: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var from = 0
            while let at = bytes.firstOffset(of: marker, from: from) {
                let end = at + marker.utf8.count
                if !denials.contains(where: { bytes.hasBytes(of: $0, endingAt: at) })
                    && !undoings.contains(where: { bytes.hasBytes(of: $0, at: end) })
                {
                    return true
                }
                from = end
            }
            return false
        }
    }
}
