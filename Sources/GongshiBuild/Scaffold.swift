import Foundation
import GongshiModel

/// `gongshi new` and `gongshi init`: files a webmaster starts from.
public enum Scaffold {
    /// Writes `Content/xinwen/YYYY-MM-honghei.md`; refuses to overwrite. Returns its path and its date.
    public static func newHonghei(site: String, month: String, today: LocalDate) throws(SiteError) -> (
        path: String, date: LocalDate
    ) {
        let parts = month.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
            LocalDate(year: y, month: m, day: 1) != nil
        else {
            throw SiteError(file: "", message: "月份「\(month)」应写作 YYYY-MM，例如 2026-11")
        }
        // A month's release is issued when the month is over: dated its last day (or today, when
        // the draft is written later than that), so the releases list in the order of their months.
        let monthEnd = LocalDate(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)?.adding(days: -1)
        let releaseDate = max(today, monthEnd ?? today)
        let rel = "Content/xinwen/\(month)-honghei.md"
        let path = (site as NSString).appendingPathComponent(rel)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SiteError(file: rel, message: "文件已存在，未覆盖")
        }
        let text = """
            ---
            title: \(y)年\(m)月诚信“红黑榜”
            date: \(releaseDate)
            type: honghei
            month: \(month)
            draft: true
            summary: \(y)年\(m)月守信红榜和失信黑榜。
            ---

            为弘扬诚实守信，惩戒失信行为，现将\(y)年\(m)月新列入红名单和黑名单的主体公布如下。

            红榜主体在行政审批“绿色通道”、公共服务等方面依法享受激励措施；黑榜主体依法依规受到联合惩戒。
            对公布信息有异议的，可向认定部门提出，认定部门在核实期间暂停相关惩戒措施。

            （以下表格由系统根据名单数据自动生成。）

            """
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw SiteError(file: rel, message: "无法写入：\(error.localizedDescription)")
        }
        return (rel, releaseDate)
    }

    /// The default theme, calendars and memoranda, as built into the program (decoded from
    /// ``EmbeddedResources``): path relative to a site, and the file's bytes.
    public static func builtInFiles() -> [(path: String, bytes: [UInt8])] {
        EmbeddedResources.base64.compactMap { entry in
            Data(base64Encoded: entry.data).map { (entry.path, [UInt8]($0)) }
        }
    }

    /// Writes a site that builds: settings, departments, calendar, memoranda, templates, sample data.
    /// Everything comes from the program itself, so a copy of the binary works anywhere.
    /// The sample records are dated a few days before `today`, so that the new site checks clean today.
    public static func initSite(at target: String, today: LocalDate) throws(SiteError) {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: target + "/Content") else {
            throw SiteError(file: target + "/Content", message: "该文件夹中已有站点，未覆盖")
        }
        let files =
            builtInFiles().map { ($0.path, $0.bytes) }
            + sampleFiles(today: today, title: title(folder: target)).map { ($0.0, Array($0.1.utf8)) }
        // A theme or a .gitignore already there is the webmaster's own: never overwritten.
        let existing = files.map(\.0).filter { fm.fileExists(atPath: target + "/" + $0) }
        if let first = existing.first {
            throw SiteError(
                file: target + "/" + first,
                message:
                    "文件已存在\(existing.count > 1 ? "（另有 \(existing.count - 1) 个文件）" : "")，未覆盖，也未新建站点。请在空文件夹中执行 gongshi init，或先把这些文件移走"
            )
        }
        do {
            for (rel, bytes) in files {
                let path = target + "/" + rel
                try fm.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            throw SiteError(file: target, message: "无法新建站点：\(error.localizedDescription)。请检查该文件夹的写入权限和磁盘空间")
        }
    }

    /// The site's title from its folder's name when that is Chinese (`gongshi init 信用周村`), else
    /// 信用示范区; and the region it names (周村: the title without 信用).
    static func title(folder: String) -> (title: String, region: String) {
        let name = (folder as NSString).lastPathComponent
        guard name.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }),
            name.count <= 30, !name.contains(":"), !name.contains("#")
        else { return ("信用示范区", "示范区") }
        let region = name.hasPrefix("信用") && name.count > 2 ? String(name.dropFirst(2)) : name
        return (name, region)
    }

    static func sampleFiles(today: LocalDate, title: (title: String, region: String) = ("信用示范区", "示范区"))
        -> [(String, String)]
    {
        let (d1, d2, d3) = (today.adding(days: -3), today.adding(days: -1), today.adding(days: -2))
        let (listed, until) = (today.adding(days: -200), today.adding(days: 165))
        let year = today.year
        let fgw = UnifiedSocialCreditCode.make(prefix: "11370000", organizationBody: "00400001")!
        let scj = UnifiedSocialCreditCode.make(prefix: "11370000", organizationBody: "00400002")!
        let swj = UnifiedSocialCreditCode.make(prefix: "11370000", organizationBody: "00400003")!
        let a = UnifiedSocialCreditCode.make(prefix: "91370000", organizationBody: "MA3C0001")!
        let b = UnifiedSocialCreditCode.make(prefix: "91370000", organizationBody: "MA3C0002")!
        let c = UnifiedSocialCreditCode.make(prefix: "92370000", organizationBody: "MA3C0003")!
        return [
            (
                "Content/site.yml",
                """
                title: \(title.title)
                baseURL: https://xinyong.example.gov.cn/
                region: \(title.region)
                language: zh-CN
                disclosure:
                  deadlineWorkdays: 7
                  withdrawWorkdays: 3
                  naturalPersons: withhold
                  penaltyPublicityMonths:
                    轻微: 0
                    一般: 12
                    严重: 36
                feeds:
                  items: 100
                pagination: 50
                footer:
                  sponsor: 示范区发展和改革局
                  siteCode: "0000000000"
                  icp: 鲁ICP备00000000号
                  psb: 鲁公网安备 00000000000000号

                """
            ),
            (
                // What a build writes beside the site's own files: its output, its cache, its lock.
                ".gitignore",
                """
                Public/
                .gongshi.cache/
                .gongshi.lock
                .Public.gongshi-staging-*
                Public.gongshi-old-*
                Content/ledger.csv.pending
                Content/ledger.csv.tmp-*

                """
            ),
            (
                "Content/departments.csv",
                """
                编码,名称,统一社会信用代码,网站
                fgj,区发改局,\(fgw),
                scjgj,区市场监管局,\(scj),
                swj,区税务局,\(swj),

                """
            ),
            (
                "Content/xzxk/sample.csv",
                """
                行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,行政许可决定文书名称,行政许可决定文书号,许可类别,许可证书名称,许可编号,许可内容,许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码
                示范区甲食品有限公司,法人及非法人组织,\(a),张明,食品经营许可决定书,示市监食经〔\(year)〕1号,普通,食品经营许可证,JY13703000000001,预包装食品销售,\(d1),\(d1),\(d1.adding(months: 60)),区市场监管局,\(scj)
                示范区乙建材有限公司,法人及非法人组织,\(b),李华,营业执照变更登记决定书,示市监登〔\(year)〕2号,登记,,,变更经营范围,\(d2),,,区市场监管局,\(scj)

                """
            ),
            (
                "Content/xzcf/sample.csv",
                """
                行政相对人名称,行政相对人类别,统一社会信用代码,工商注册号,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,处罚机关,处罚机关统一社会信用代码,失信严重程度
                示范区丙餐饮店,个体工商户,\(c),370300600000001,,示市监罚〔\(year)〕3号,违反食品安全管理规定,未按规定公示食品经营许可证,《中华人民共和国食品安全法》第一百二十六条,警告；罚款,警告并处罚款人民币5000元,0.5,\(d3),区市场监管局,\(scj),一般

                """
            ),
            (
                "Content/mingdan/sample.csv",
                """
                名单类型,名单名称,主体名称,主体类别,统一社会信用代码,法定代表人,列入日期,列入事由,认定部门,认定依据,有效期至,移出日期,当前状态,状态日期,状态说明
                红名单,纳税信用A级纳税人,示范区甲食品有限公司,法人及非法人组织,\(a),张明,\(listed),上年度纳税信用评价为A级,区税务局,发改财金〔2016〕1467号,\(until),,,,

                """
            ),
            (
                "Content/pages/about.md",
                """
                ---
                title: 关于本站
                slug: guanyu
                ---

                本站公示示范区各部门作出的行政许可、行政处罚决定和红黑名单信息。

                """
            ),
        ]
    }
}
