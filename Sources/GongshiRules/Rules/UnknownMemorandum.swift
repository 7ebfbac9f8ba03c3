import GongshiModel

/// `unknown-memorandum`: a list entry's 认定依据 cites a document number not in memoranda.csv.
public enum UnknownMemorandum: RecordRule {
    public static let info = RuleInfo(
        id: "unknown-memorandum", title: "未知的备忘录文号", severity: .warning, withholds: "—",
        summary: "名单的「认定依据」引用的文号（第一个 …〔YYYY〕N号，也可写作 []、【】、()）不在 memoranda.csv 中",
        example: "认定依据「发改财金〔2099〕1号」",
        basis: "周政发〔2017〕72号附件（联合奖惩备忘录目录）")

    static func decide(_ r: RecordContext, _ env: RuleEnvironment, _ so: Verdict) -> Decision {
        guard r.kind == .mingdan, let cited = DocumentNumber.firstCitation(in: r[.listingBasis]) else { return .none }
        if env.memoranda.contains(cited) { return .none }
        var issuer = cited.prefix
        for lead in ["依据", "根据", "按照", "参照", "依照"] where issuer.hasPrefix(lead) {
            issuer = String(issuer.dropFirst(lead.count))
        }
        return Decision(findings: [finding(r, "认定依据引用的文号「\(issuer)\(cited.number)」不在联合奖惩备忘录名录 memoranda.csv 中")])
    }
}

/// Memoranda by their number part (〔2016〕141号), each with its issuer prefix (发改财金).
public struct MemorandumIndex: Sendable {
    let byNumber: [String: [String]]
    public let all: [Memorandum]
    /// The citation of each memorandum's own document number, in the order of `all` (worked out once:
    /// every list entry asks which memorandum it cites).
    private let citations: [(prefix: String, number: String)?]
    public init(_ memoranda: [Memorandum]) {
        all = memoranda
        citations = memoranda.map { DocumentNumber.firstCitation(in: $0.documentNumber) }
        var d: [String: [String]] = [:]
        for c in citations {
            if let c { d[c.number, default: []].append(c.prefix) }
        }
        byNumber = d
    }
    /// A citation matches when the number agrees and the text before it ends with the memorandum's issuer.
    public func contains(_ cited: (prefix: String, number: String)) -> Bool {
        guard let prefixes = byNumber[cited.number] else { return false }
        return prefixes.contains { cited.prefix.hasSuffix($0) }
    }
    public func memorandum(citedIn text: String) -> Memorandum? {
        guard let c = DocumentNumber.firstCitation(in: text), contains(c) else { return nil }
        return all.indices.first { i in
            guard let mc = citations[i] else { return false }
            return mc.number == c.number && c.prefix.hasSuffix(mc.prefix)
        }.map { all[$0] }
    }
}
