import GongshiModel

/// Outputs fingerprinted by their inputs: in an incremental build, a record page is known unchanged
/// from its record's fingerprint, an entity page from its records', a listing page from its slice's,
/// and taken from the previous output before any of its context is built. A day's hundred new records
/// then cost the pages that show them, not a context and a hash of each of the site's 200 000 files.
extension Renderer {
    /// The fingerprint of an output made from `key`'s values and what every output shares
    /// (``InputFingerprints/site``: theme, settings, date, standing pages, departments).
    ///
    /// - Parameters:
    ///   - dated: false for an output that never shows the build date (a record's page, a withdrawal
    ///     notice, an entity's page and feeds, the filter shards): the date is then left out of the shared
    ///     values, and a build on another day takes it.
    ///   - key: adds every value the output is made of beyond the shared ones; the output must be a
    ///     function of them. Its path and kind (`tag`) are added here.
    func inputKey(
        _ tag: String, _ path: String, _ index: SiteIndex, dated: Bool = true,
        _ key: (inout FingerprintBuffer) -> Void
    ) -> Fingerprint? {
        guard let inputs = index.inputs else { return nil }
        var b = FingerprintBuffer(tag: "inputs")
        b.add(dated ? inputs.site : inputs.undatedSite)
        b.add(tag)
        b.add(path)
        key(&b)
        return b.finish()
    }

    /// Renders page `template` at `path` from the context `make` builds, unless the previous output
    /// holds it made from the same inputs (`key`, see ``inputKey(_:_:_:_:)``): then `make` never runs.
    ///
    /// - Parameter dated: false for a page that must read the same on any build date (see
    ///   ``page(_:_:to:_:sitemap:dated:fingerprint:)``).
    func keyedPage(
        _ template: String, to path: String, _ index: SiteIndex, _ out: CountingSink, sitemap: Bool = true,
        dated: Bool = true, key: (inout FingerprintBuffer) -> Void, context make: () -> TemplateObject
    ) throws {
        let fingerprint = inputKey(
            "page:" + template + (sitemap ? "" : ":hidden"), path, index, dated: dated, key)
        if let fingerprint, try out.reuse(path, fingerprint: fingerprint, isPage: sitemap) { return }
        try page(template, make(), to: path, out, sitemap: sitemap, dated: dated, fingerprint: fingerprint)
    }

    /// Takes every one of `paths` from the previous output when all were made from `fingerprint`.
    /// False: none or only some were; the caller makes them all again.
    func reuseAll(_ paths: @autoclosure () -> [String], _ fingerprint: Fingerprint, _ out: CountingSink) throws -> Bool
    {
        // Nothing to take: the paths are not even made.
        guard out.mayTake else { return false }
        return try out.reuseAll(paths(), fingerprint: fingerprint)
    }
}

extension FingerprintBuffer {
    /// Records by index, with the fingerprints of `index`.
    mutating func add(records: [Int], _ index: SiteIndex) {
        add(records.count)
        guard let inputs = index.inputs else { return }
        for i in records { add(inputs.records[i]) }
    }

    /// One record by index: as ``add(records:_:)`` of `[i]`, without making that array.
    mutating func add(record i: Int, _ index: SiteIndex) {
        add(1)
        guard let inputs = index.inputs else { return }
        add(inputs.records[i])
    }

    /// List entries by index, each with where its list shows it.
    mutating func add(entries: [Int], _ index: SiteIndex) {
        add(entries.count)
        guard let inputs = index.inputs else { return }
        for i in entries {
            add(inputs.entries[i])
            add(index.entryPaths[i])
        }
    }
}
