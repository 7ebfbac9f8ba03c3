import GongshiModel
import GongshiRules

extension Renderer {
    /// `/zhuti/<统一社会信用代码>/`: every public record and list entry of an entity.
    func entityJobs(_ index: SiteIndex, _ out: CountingSink) -> [Job] {
        let codes = index.entityOrder
        let chunks = stride(from: 0, to: codes.count, by: 200).map { Array(codes[$0..<min($0 + 200, codes.count)]) }
        return chunks.map { chunk in
            {
                for code in chunk {
                    let group = index.byEntity[code] ?? ([], [])
                    let notices = index.noticesByEntity[code] ?? []
                    let folder = Views.entityPath(code)
                    let path = folder + "index.html"
                    // An entity with nothing public but a withdrawal: a page for its feed's subscribers,
                    // named by the notice, not offered to search engines.
                    let withdrawnOnly = group.records.isEmpty && group.entries.isEmpty
                    // Page and feeds are made of the entity's records, entries (and, for the page of one
                    // with none, notices) alone, not of the build date: a daily build takes them as they
                    // are unless one of those changed.
                    let key = { (b: inout FingerprintBuffer) in
                        b.add(code)
                        b.add(records: group.records, index)
                        b.add(entries: group.entries, index)
                        if withdrawnOnly { for i in notices { b.add(notice: self.publication.withdrawals[i]) } }
                    }
                    try self.keyedPage("entity", to: path, index, out, sitemap: !withdrawnOnly, dated: false, key: key)
                    {
                        var ctx = self.entityContext(code, group.records, group.entries, index)
                        if withdrawnOnly { ctx["robots"] = "noindex" }
                        return ctx
                    }
                    try self.writeEntityFeeds(code: code, group.records, group.entries, notices, index, out) { b in
                        key(&b)
                        if !withdrawnOnly { for i in notices { b.add(notice: self.publication.withdrawals[i]) } }
                    }
                }
            }
        }
    }

    func entityContext(_ code: String, _ recordIndices: [Int], _ entryIndices: [Int], _ index: SiteIndex)
        -> TemplateObject
    {
        publication.records.withUnsafeBufferPointer { records in
            entityContext(code, recordIndices, entryIndices, index, records: records)
        }
    }

    /// ``entityContext(_:_:_:_:)`` with the publication's records read where they lie: each copy of a
    /// record retained and released each of its strings.
    private func entityContext(
        _ code: String, _ recordIndices: [Int], _ entryIndices: [Int], _ index: SiteIndex,
        records: UnsafeBufferPointer<PublishedRecord>
    ) -> TemplateObject {
        // Read through the indices: copying every record and list entry of the entity (and unpacking
        // all their fields to find two codes) was most of this function's time.
        let p = publication
        let firstRecord = recordIndices.first
        let firstEntry = entryIndices.first.map { p.listEntries[$0] }
        let name = entityName(code, recordIndices, entryIndices, index.noticesByEntity[code] ?? [])
        let folder = Views.entityPath(code)
        let path = folder + "index.html"
        var ctx = self.context.page(
            path: path, title: "\(name) 信用信息", section: "", feeds: folder,
            description: "\(name)（统一社会信用代码 \(code)）的行政许可、行政处罚和红黑名单信息。", dated: false)
        ctx["feedTitle"] = "\(self.settings.title) · \(name)"
        ctx["feedLabel"] = "订阅该主体的公示信息"
        ctx["entityName"] = name
        ctx["entityCode"] = code
        ctx["category"] = (firstRecord.map { records[$0].category } ?? firstEntry?.category)?.rawValue ?? ""
        // The other codes of the entity, once at the top rather than on every row: the first filled one
        // of its records, then of its list entries.
        ctx["otherCodes"] = [Field.registrationNumber, .organizationCode].compactMap { f -> TemplateObject? in
            let value =
                recordIndices.lazy.map { records[$0].value(f) }.first { !$0.isEmpty }
                ?? entryIndices.lazy.compactMap {
                    p.listEntries[$0].fields.first { $0.field == f && !$0.value.isEmpty }
                }
                .first?.value
            return value.map { ["name": f.name, "value": Views.shown(f, $0)] }
        }
        let lic = recordIndices.filter { records[$0].kind == .xzxk }.map { index.rows[$0] }
        let pen = recordIndices.filter { records[$0].kind == .xzcf }.map { index.rows[$0] }
        let red = entryIndices.filter { p.listEntries[$0].isRed }.map { index.entryRows[$0] }
        let black = entryIndices.filter { !p.listEntries[$0].isRed }.map { index.entryRows[$0] }
        func table(_ rows: [TemplateObject], _ label: String) -> TemplateObject? {
            rows.isEmpty ? nil : ["rows": rows, "tableLabel": label, "inEntity": true]
        }
        ctx["licenceTable"] = table(lic, "行政许可")
        ctx["penaltyTable"] = table(pen, "行政处罚")
        ctx["redTable"] = table(red, "红名单")
        ctx["blackTable"] = table(black, "黑名单")
        ctx["counts"] =
            [
                "licences": lic.count, "penalties": pen.count,
                "red": red.count, "black": black.count,
            ] as TemplateObject
        if let legal = firstRecord.map({ records[$0].value(.legalRepresentative) }), !legal.isEmpty {
            ctx["legalRepresentative"] = legal
        }
        return ctx
    }
}
