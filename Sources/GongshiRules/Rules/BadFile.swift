import GongshiModel

/// `bad-file`: unreadable or undecodable file, malformed CSV row, bad Markdown file. Reported by the
/// readers of `GongshiContent`, which know files and rows; this type documents it.
public enum BadFile: Rule {
    public static let info = RuleInfo(
        id: "bad-file", title: "文件或行无法读取", severity: .error, withholds: "该行（或整个文件）",
        summary:
            "文件无法读取或解码（须为 UTF-8、带 BOM 的 UTF-8 或 GB18030），CSV 行格式错误（引号未闭合、列数与表头不符），Markdown 前置信息错误或网址别名（slug）无效、冲突；节假日文件（Content/calendar/YYYY.yml）有错误时整个文件不使用，该年按缺少节假日安排处理（见 missing-calendar），构建照常进行；表头上方的标题行、数据下方的合计行（合计、共N家）和说明行（填表说明、注：…、制表人）不是记录，跳过并提示（info，不计为不予公示）；Excel 中隐藏的工作表有表头时不读取、隐藏的行照常读取公示，均给出警告（warning）",
        example: "`\"周村区某某商行,法人及非法人组织` —— 引号直到文件末尾都没有闭合",
        basis: "本站规则（无法读取的数据不公示）")
}

extension BadFile {
    /// Whether `f` is about one row of a data file that could not be read: that row is withheld, and
    /// `check` marks the finding as withholding so that it agrees with the count of `build`. A title or
    /// total row (an info) and a hidden sheet without a header (a warning) are no records.
    public static func withholdsRow(_ f: Finding) -> Bool {
        f.line > 0 && isAboutData(f) && !f.message.contains(Finding.wholeTableUnread)
    }

    /// Whether `f` says that a data file, or a worksheet of one, could not be read at all: how many
    /// records it held is not known, so it is counted apart from withheld records (the build's summary,
    /// `build --strict`).
    /// A file or subfolder of a data folder that is not read (a warning) counts too.
    public static func unreadableTable(_ f: Finding) -> Bool {
        if f.rule == info.id, f.severity == .warning, f.line == 0, RecordKind.isInDataFolder(f.file),
            f.message.contains(Finding.dataFileUnread)
        {
            return true
        }
        return isAboutData(f) && (f.line == 0 || f.message.contains(Finding.wholeTableUnread))
    }

    /// An error of this rule about a data file (not its sidecar of default values).
    private static func isAboutData(_ f: Finding) -> Bool {
        f.rule == info.id && f.severity == .error && !f.file.hasSuffix(".yml")
            && RecordKind.isInDataFolder(f.file)
    }

    /// Top-level folders of the site that a standing page's slug must not take.
    public static let reservedSlugs: Set<String> = [
        "xzxk", "xzcf", "hongmingdan", "heimingdan", "honghei", "zhuti", "bumen", "xinwen", "tongji", "sousuo",
        "dingyue", "data", "assets", "page", "preview", "yulan", "wangzhanditu",
    ]

    /// Checks article and page slugs: `[a-z0-9-]` only, no section names, no two pages at one URL,
    /// one 红黑榜 release per month. Returns the findings and the articles that keep their page.
    static func checkArticles(_ articles: [Article]) -> ([Finding], [Article]) {
        var findings: [Finding] = []
        var kept: [Article] = []
        var taken: [String: String] = [:]
        for a in articles.sorted(by: { Array($0.file.utf8).lexicographicallyPrecedes(Array($1.file.utf8)) }) {
            func bad(_ msg: String) {
                findings.append(Finding(rule: info.id, severity: .error, file: a.file, line: 0, message: msg))
            }
            let slugOK =
                !a.slug.isEmpty && a.slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            if !a.isHonghei && !slugOK {
                bad("网址别名「\(a.slug)」只能由小写字母、数字和连字符组成（在前置信息中写 slug: …）")
                continue
            }
            if a.section == .pages && reservedSlugs.contains(a.slug) {
                bad("网址别名「\(a.slug)」与网站栏目重名，请换一个 slug")
                continue
            }
            if a.section == .xinwen && a.slug == "page" && !a.isHonghei {
                bad("网址别名「page」用于分页，请换一个 slug")
                continue
            }
            let url = a.path
            if let other = taken[url] {
                bad("与 \(other) 的网址 /\(url) 冲突，请修改 slug\(a.isHonghei ? "（每月只能有一篇红黑榜）" : "")")
                continue
            }
            taken[url] = a.file
            kept.append(a)
        }
        return (findings, kept)
    }
}
