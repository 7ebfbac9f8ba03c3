import Foundation
import GongshiModel
import Yams

/// Reads `Content/site.yml`. Unknown keys are an error: a typo must not silently change policy.
public enum SettingsReader {
    static let topKeys: Set<String> = [
        "title", "baseURL", "region", "language", "disclosure", "feeds", "pagination", "footer", "columns",
    ]
    static let disclosureKeys: Set<String> = [
        "deadlineWorkdays", "withdrawWorkdays", "naturalPersons", "naturalPersonLists", "adoptedOn",
        "penaltyPublicityMonths",
    ]
    static let footerKeys: Set<String> = [
        "sponsor", "organizer", "contact", "siteCode", "icp", "psb", "partyMarkImage", "partyMarkLink", "correction",
    ]

    public static func read(text: String, file: String) throws(SiteError) -> SiteSettings {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw SiteError(file: file, message: "site.yml 为空：至少需要 title 和 baseURL")
            }
            root = node
        } catch let e as SiteError { throw e } catch {
            throw SiteError(
                file: file, line: yamlLine(error, text: text),
                message: "site.yml 不是有效的 YAML：\(YAMLErrorText.describe(error))")
        }
        guard let map = root.mapping else { throw SiteError(file: file, line: 1, message: "site.yml 应为键值映射") }
        // Yams marks are 1-based.
        func fail(_ node: Node, _ msg: String) -> SiteError {
            SiteError(file: file, line: node.mark?.line ?? 0, message: msg)
        }
        func string(_ node: Node, _ key: String) throws(SiteError) -> String {
            guard let s = node.scalar?.string else { throw fail(node, "「\(key)」应为文字") }
            return s
        }
        func int(_ node: Node, _ key: String, range: ClosedRange<Int>) throws(SiteError) -> Int {
            guard let s = node.scalar?.string, let v = Int(s), range.contains(v) else {
                throw fail(node, "「\(key)」应为 \(range.lowerBound)…\(range.upperBound) 之间的整数")
            }
            return v
        }
        func checkKeys(_ m: Node.Mapping, _ allowed: Set<String>, _ section: String) throws(SiteError) {
            for (k, _) in m {
                let name = k.scalar?.string ?? ""
                if !allowed.contains(name) {
                    let place = section.isEmpty ? "" : "「\(section)」下"
                    throw fail(
                        k,
                        "未知的设置项\(place)「\(name)」（可用：\(allowed.sorted().joined(separator: "、"))）。拼写错误不能悄悄改变公示规则，请改正或删除")
                }
            }
        }
        try checkKeys(map, topKeys, "")
        guard let titleNode = map["title"] else { throw SiteError(file: file, line: 1, message: "缺少必填设置项「title」") }
        guard let baseNode = map["baseURL"] else { throw SiteError(file: file, line: 1, message: "缺少必填设置项「baseURL」") }
        let title = try string(titleNode, "title").trimmingWhitespace()
        if title.isEmpty { throw fail(titleNode, "「title」不能为空") }
        guard let base = SiteSettings.baseURL(try string(baseNode, "baseURL")) else {
            throw fail(baseNode, "「baseURL」应为以 http:// 或 https:// 开头的绝对地址")
        }
        var s = SiteSettings(title: title, baseURL: base)
        if let n = map["region"] { s.region = try string(n, "region") }
        if let n = map["language"] { s.language = try string(n, "language") }
        if let n = map["pagination"] { s.pagination = try int(n, "pagination", range: 1...10000) }
        if let n = map["feeds"] {
            guard let m = n.mapping else { throw fail(n, "「feeds」应为键值映射") }
            try checkKeys(m, ["items"], "feeds")
            if let i = m["items"] { s.feedItems = try int(i, "feeds.items", range: 1...10000) }
        }
        if let n = map["disclosure"] {
            guard let m = n.mapping else { throw fail(n, "「disclosure」应为键值映射") }
            try checkKeys(m, disclosureKeys, "disclosure")
            if let v = m["deadlineWorkdays"] { s.deadlineWorkdays = try int(v, "deadlineWorkdays", range: 1...365) }
            if let v = m["adoptedOn"] {
                guard let d = LocalDate(parsing: try string(v, "adoptedOn")) else {
                    throw fail(v, "「disclosure.adoptedOn」应为日期 YYYY-MM-DD（本站接替原有系统公示的日期）")
                }
                s.adoptedOn = d
            }
            if let v = m["withdrawWorkdays"] { s.withdrawWorkdays = try int(v, "withdrawWorkdays", range: 0...365) }
            if let v = m["naturalPersons"] {
                guard let p = SiteSettings.NaturalPersonPolicy(rawValue: try string(v, "naturalPersons")) else {
                    throw fail(v, "「naturalPersons」应为 withhold 或 mask")
                }
                s.naturalPersons = p
            }
            if let v = m["naturalPersonLists"] {
                guard let seq = v.sequence else { throw fail(v, "「naturalPersonLists」应为名单名称的列表，如 [失信被执行人]") }
                var names: [String] = []
                for item in seq {
                    let name = try string(item, "naturalPersonLists").trimmingWhitespace()
                    if !name.isEmpty { names.append(name) }
                }
                s.naturalPersonLists = names
            }
            if let v = m["penaltyPublicityMonths"] {
                guard let pm = v.mapping else { throw fail(v, "「penaltyPublicityMonths」应为键值映射") }
                try checkKeys(pm, Set(Severity.allCases.map(\.rawValue)), "penaltyPublicityMonths")
                for (k, val) in pm {
                    guard let sev = Severity(rawValue: k.scalar?.string ?? "") else {
                        throw fail(k, "「penaltyPublicityMonths」的键应为失信严重程度")
                    }
                    let key = "penaltyPublicityMonths.\(sev.rawValue)"
                    let months = try int(val, key, range: 0...1200)
                    // NDRC Order No. 36 bounds the period of each severity; a site may not go outside them.
                    guard sev.allowedMonths.contains(months) else {
                        throw fail(
                            val,
                            "「disclosure.\(key)」为 \(months)，超出《信用修复管理办法》（国家发展改革委令第36号）的范围：\(sev.rawValue)失信信息的公示期应为 \(sev.allowedMonths.lowerBound)…\(sev.allowedMonths.upperBound) 个月"
                        )
                    }
                    s.penaltyPublicityMonths[sev] = months
                }
            }
        }
        if let n = map["footer"] {
            guard let m = n.mapping else { throw fail(n, "「footer」应为键值映射") }
            try checkKeys(m, footerKeys, "footer")
            if let v = m["sponsor"] { s.footer.sponsor = try string(v, "footer.sponsor") }
            if let v = m["siteCode"] { s.footer.siteCode = try string(v, "footer.siteCode") }
            if let v = m["icp"] { s.footer.icp = try string(v, "footer.icp") }
            if let v = m["psb"] { s.footer.psb = try string(v, "footer.psb") }
            if let v = m["organizer"] { s.footer.organizer = try string(v, "footer.organizer") }
            if let v = m["contact"] { s.footer.contact = try string(v, "footer.contact") }
            // Links become href attributes: only http(s), so a setting cannot smuggle in `javascript:`.
            func link(_ key: String) throws(SiteError) -> String {
                guard let v = m[key] else { return "" }
                let url = try string(v, "footer.\(key)").trimmingWhitespace()
                let lower = url.lowercased()
                guard
                    url.isEmpty
                        || ((lower.hasPrefix("https://") || lower.hasPrefix("http://"))
                            && !url.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0.isWhitespace }))
                else {
                    throw fail(v, "「footer.\(key)」应为以 http:// 或 https:// 开头的地址")
                }
                return url
            }
            s.footer.partyMarkLink = try link("partyMarkLink")
            s.footer.correction = try link("correction")
            if let v = m["partyMarkImage"] {
                // The mark is served by the site itself (no external image), e.g. from Templates/assets/.
                let img = try string(v, "footer.partyMarkImage").trimmingWhitespace()
                let parts = img.split(separator: "/", omittingEmptySubsequences: false)
                guard
                    img.isEmpty
                        || (!img.hasPrefix("/") && !img.contains(":") && !parts.contains("..") && !parts.contains("")
                            && !img.contains(where: {
                                $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" || $0.isWhitespace
                            }))
                else {
                    throw fail(v, "「footer.partyMarkImage」应为站内图片路径，如 assets/dzjg.png")
                }
                s.footer.partyMarkImage = img
            }
        }
        if let n = map["columns"] {
            do { s.columns = try ColumnMapReader.readSite(n) } catch {
                throw SiteError(file: file, line: error.line, message: error.message)
            }
        }
        return s
    }

    /// The 1-based line of a Yams parse error, when it carries one.
    /// - Parameter text: the file's text, when at hand: a key written twice is then found at its
    ///   second line (Yams marks the mapping that holds it).
    static func yamlLine(_ error: Error, text: String? = nil) -> Int {
        if let y = error as? YamlError {
            switch y {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                return mark.line
            case .duplicatedKeysInMapping(let duplicates, let context):
                guard let text, let key = duplicates.sorted().first else { return context.mark.line }
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let uses = lines.indices.filter { i in
                    i + 1 >= context.mark.line && lines[i].trimmingWhitespace().hasPrefix(key + ":")
                }
                return uses.count > 1 ? uses[1] + 1 : context.mark.line
            default: return 0
            }
        }
        return 0
    }
}
