import Foundation

/// How one column of a data file is treated.
public struct FieldSpec: Sendable {
    public enum Role: Sendable, Equatable {
        /// Free text: published, scanned for personal data.
        case text
        /// A code (统一社会信用代码, 注册号 …): upper-cased and trimmed, published, never scanned.
        case code
        /// A date: normalised to YYYY-MM-DD, published.
        case date
        /// Never published (ID numbers of persons and their types).
        case secret
        /// Status columns: shown as status, not as data, and not part of the content digest.
        case status
    }

    /// The Chinese column name, as in the national 双公示 standard.
    public let name: String
    /// Other accepted header names (national codes, legacy codes), compared case-insensitively.
    public let aliases: [String]
    public let role: Role

    public init(_ name: String, _ aliases: [String] = [], _ role: Role = .text) {
        self.name = name
        self.aliases = aliases
        self.role = role
    }
}

/// The columns of one kind of data file, in the canonical order used for display, open data and the
/// content digest. A record stores its values in this order.
public struct RecordSchema: Sendable {
    public let kind: RecordKind
    public let fields: [FieldSpec]
    private let lookup: [String: Int]
    private let exact: [String: Int]
    /// The names a "did you mean" hint may suggest, normalised once (a header may have 100 000 columns).
    private let hintNames: [(name: String, normalized: String, characters: [Character])]

    init(kind: RecordKind, fields: [FieldSpec]) {
        self.kind = kind
        self.fields = fields
        var lookup: [String: Int] = [:]
        for (i, f) in fields.enumerated() {
            lookup[RecordSchema.normalizeHeader(f.name)] = i
            for a in f.aliases { lookup[RecordSchema.normalizeHeader(a)] = i }
        }
        self.lookup = lookup
        self.exact = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
        self.hintNames = fields.filter { $0.role != .status }.map {
            let n = RecordSchema.normalizeHeader($0.name)
            return ($0.name, n, Array(n))
        }
    }

    public func index(of name: String) -> Int? { lookup[RecordSchema.normalizeHeader(name)] }

    /// Index of a canonical field; traps only on a programming error (a name not in the schema).
    public func required(_ name: String) -> Int {
        guard let i = exact[name] ?? lookup[RecordSchema.normalizeHeader(name)] else {
            preconditionFailure("no field \(name)")
        }
        return i
    }

    /// Header names compare without BOM, white space (full-width space included) and case, with
    /// full-width forms folded to ASCII (`（`→`(`, `Ｘ`→`X`), so `行政相对人代码_2 （工商注册号）`
    /// matches `行政相对人代码_2(工商注册号)`.
    public static func normalizeHeader(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for u in raw.unicodeScalars {
            if u == "\u{FEFF}" || u.properties.isWhitespace || u == "\u{200B}" { continue }
            if (0xFF01...0xFF5E).contains(u.value), let a = Unicode.Scalar(u.value - 0xFEE0) {
                out.append(a)
                continue
            }
            out.append(u)
        }
        return String(out).uppercased()
    }

    /// The standard name closest to an unknown header, for a "did you mean" hint: a field name the
    /// header contains or is contained in (处罚机关名称 → 处罚机关), else one within a small edit
    /// distance. Nil when nothing is close.
    public func suggestion(for header: String) -> String? {
        let h = RecordSchema.normalizeHeader(header)
        // A header far longer than any field name is not a misspelt one (and must stay cheap).
        guard h.count >= 2, h.count <= 64 else { return nil }
        // Longest contained name first: 处罚机关统一社会信用代码码 should suggest the long name.
        let containing = hintNames.filter { h.contains($0.normalized) || $0.normalized.contains(h) }
        if let best = containing.min(by: { abs($0.name.count - h.count) < abs($1.name.count - h.count) }) {
            return best.name
        }
        var best: (String, Int)?
        let hc = Array(h)
        for n in hintNames where abs(n.characters.count - hc.count) <= max(1, n.name.count / 3) {
            let d = RecordSchema.editDistance(hc, n.characters)
            if d <= max(1, n.name.count / 3), d < (best?.1 ?? .max) { best = (n.name, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    static func identity(_ p: String, secondaryPrefix: String) -> [FieldSpec] {
        [
            FieldSpec("行政相对人名称", ["\(p)_XDR_MC", "\(p)_XDR"]),
            FieldSpec("行政相对人类别", ["\(p)_XDR_LB", "\(p)_XDR_TYPE"]),
            FieldSpec("统一社会信用代码", ["\(p)_XDR_SHXYM", "行政相对人代码_1", "行政相对人代码_1(统一社会信用代码)"], .code),
            FieldSpec("工商注册号", ["\(p)_XDR_GSZC", "行政相对人代码_2", "行政相对人代码_2(工商注册号)", "\(p)_XDR_GSDJ", "工商登记码"], .code),
            FieldSpec("组织机构代码", ["\(p)_XDR_ZZJG", "行政相对人代码_3", "行政相对人代码_3(组织机构代码)", "\(p)_XDR_ZDM"], .code),
            FieldSpec("税务登记号", ["\(p)_XDR_SWDJ", "行政相对人代码_4", "行政相对人代码_4(税务登记号)"], .code),
            FieldSpec("事业单位证书号", ["\(p)_XDR_SYDW", "行政相对人代码_5", "行政相对人代码_5(事业单位证书号)"], .code),
            FieldSpec("社会组织登记证号", ["\(p)_XDR_SHZZ", "行政相对人代码_6", "行政相对人代码_6(社会组织登记证号)"], .code),
            FieldSpec("法定代表人", ["\(p)_FRDB", "\(p)_FR", "法定代表人姓名"]),
            FieldSpec("法定代表人证件类型", ["\(p)_FR_ZJLX"], .secret),
            FieldSpec("法定代表人证件号码", ["\(p)_FR_ZJHM", "\(p)_FR_SFZH", "法定代表人身份证号"], .secret),
            FieldSpec("证件类型", ["\(p)_XDR_ZJLX"], .secret),
            FieldSpec("证件号码", ["\(p)_XDR_ZJHM", "\(p)_XDR_SFZ", "居民身份证号"], .secret),
        ]
    }

    public static let licensing = RecordSchema(
        kind: .xzxk,
        fields: identity("XK", secondaryPrefix: "XK") + [
            FieldSpec("行政许可决定文书名称", ["XK_XKWS"]),
            FieldSpec("行政许可决定文书号", ["XK_WSH", "行政许可决定书文号"]),
            // XK_SPLB / 审批类别 is the v1 column (codes 0–5, read by TableMapper as the names).
            FieldSpec("许可类别", ["XK_XKLB", "XK_SPLB", "审批类别"]),
            FieldSpec("许可证书名称", ["XK_XKZS"]),
            FieldSpec("许可编号", ["XK_XKBH"]),
            FieldSpec("许可内容", ["XK_NR"]),
            FieldSpec("许可决定日期", ["XK_JDRQ"], .date),
            FieldSpec("有效期自", ["XK_YXQZ"], .date),
            FieldSpec("有效期至", ["XK_YXQZI", "许可截止日期", "许可截止期", "XK_JZQ"], .date),
            FieldSpec("许可机关", ["XK_XKJG", "XK_XZJG"]),
            FieldSpec("许可机关统一社会信用代码", ["XK_XKJGDM"], .code),
            FieldSpec("当前状态", ["XK_ZT"], .status),
            FieldSpec("状态日期", ["XK_ZTRQ"], .status),
            FieldSpec("状态说明", ["XK_ZTSM"], .status),
            FieldSpec("数据来源单位", ["XK_LYDW", "XK_SJLY", "数据来源"]),
            FieldSpec("数据来源单位统一社会信用代码", ["XK_LYDWDM", "XK_SJLYDM"], .code),
            FieldSpec("备注", ["BZ", "XK_BZ"]),
        ])

    public static let penalty = RecordSchema(
        kind: .xzcf,
        fields: identity("CF", secondaryPrefix: "CF") + [
            FieldSpec("行政处罚决定书文号", ["CF_WSH"]),
            FieldSpec("违法行为类型", ["CF_WFXW"]),
            FieldSpec("违法事实", ["CF_SY", "处罚事由"]),
            FieldSpec("处罚依据", ["CF_YJ"]),
            FieldSpec("处罚类别", ["CF_CFLB", "CF_CFLB1", "处罚类别1"]),
            FieldSpec("处罚内容", ["CF_NR", "CF_JG", "处罚结果"]),
            FieldSpec("罚款金额（万元）", ["CF_NR_FK", "罚款金额"]),
            FieldSpec("没收违法所得、没收非法财物的金额（万元）", ["CF_NR_WFFF", "没收违法所得、没收非法财物的金额"]),
            FieldSpec("暂扣或吊销证照名称及编号", ["CF_NR_ZKDX"]),
            FieldSpec("处罚决定日期", ["CF_JDRQ"], .date),
            FieldSpec("处罚有效期", ["CF_YXQ"], .date),
            FieldSpec("公示截止期", ["CF_GSJZQ"], .date),
            FieldSpec("处罚机关", ["CF_CFJG", "CF_XZJG"]),
            FieldSpec("处罚机关统一社会信用代码", ["CF_CFJGDM"], .code),
            FieldSpec("失信严重程度", ["CF_YZCD", "CF_SXYZCD"]),
            FieldSpec("当前状态", ["CF_ZT"], .status),
            FieldSpec("状态日期", ["CF_ZTRQ"], .status),
            FieldSpec("状态说明", ["CF_ZTSM"], .status),
            FieldSpec("数据来源单位", ["CF_SJLY", "CF_LYDW", "数据来源"]),
            FieldSpec("数据来源单位统一社会信用代码", ["CF_SJLYDM", "CF_LYDWDM"], .code),
            FieldSpec("备注", ["BZ", "CF_BZ"]),
        ])

    public static let list = RecordSchema(
        kind: .mingdan,
        fields: [
            FieldSpec("名单类型"),
            FieldSpec("名单名称"),
            FieldSpec("主体名称", ["企业名称", "单位名称", "被执行人名称", "失信被执行人名称", "被执行人姓名/名称"]),
            FieldSpec("主体类别"),
            FieldSpec("统一社会信用代码", ["统一信用代码", "社会信用代码"], .code),
            FieldSpec("工商注册号", ["注册号"], .code),
            FieldSpec("组织机构代码", [], .code),
            FieldSpec("法定代表人", ["法定代表人或者负责人姓名", "法定代表人或负责人"]),
            FieldSpec("列入日期", [], .date),
            FieldSpec("列入事由", ["失信被执行人行为具体情形"]),
            FieldSpec("认定部门"),
            FieldSpec("认定依据"),
            FieldSpec("认定文书号", ["认定文号"]),
            FieldSpec("案号", ["执行案号"]),
            FieldSpec("执行依据文号"),
            FieldSpec("执行法院"),
            FieldSpec("生效法律文书确定的义务"),
            FieldSpec("被执行人的履行情况"),
            FieldSpec("有效期至", [], .date),
            FieldSpec("移出日期", [], .status),
            FieldSpec("当前状态", [], .status),
            FieldSpec("状态日期", [], .status),
            FieldSpec("状态说明", [], .status),
            FieldSpec("法定代表人证件类型", [], .secret),
            FieldSpec("法定代表人证件号码", [], .secret),
            FieldSpec("证件类型", [], .secret),
            FieldSpec("证件号码", [], .secret),
            // Court lists: a person's ID number or an organisation's code, told apart by shape (EntityIdentity).
            FieldSpec(
                "身份证号码/组织机构代码",
                ["组织机构代码/身份证号码", "证件号码/组织机构代码", "身份证号码/统一社会信用代码", "身份证号/组织机构代码"], .secret),
            FieldSpec("数据来源单位", ["数据来源"]),
            FieldSpec("数据来源单位统一社会信用代码", [], .code),
            FieldSpec("备注"),
        ])
}
