import GongshiModel

/// Outputs fingerprinted by their inputs: in an incremental build, a record page is known unchanged
/// from its record's fingerprint, an entity page from its records', a listing page from its slice's,
/// and taken from the previous output before any of its context is built. A day's hundred new records
/// then cost the pages that show them, not a context and a hash of each of the site's 200 000 files.
extension Renderer {
    /// The fingerprint of an output made from `key`'s values and what every output shares
    /// (``InputFingerprints/site``: theme, settings, date, standing pages, departments).
    ///
    /// - Parameter key: adds every value the output is made of beyond the shared ones; the output
    ///   must be a function of them. Its path and kind (`tag`) are added here.
    func inputKey(_ tag: String, _ path: String, _ index: SiteIndex, _ key: (inout FingerprintBuffer) -> Void)
        -> Fingerprint?
    {
        guard let inputs = index.inputs else { return nil }
        var b = FingerprintBuffer(tag: "inputs")
        b.add(inputs.site)
        b.add(tag)
        b.add(path)
        key(&b)
        return b.finish()
    }

    /// Renders page `template` at `path` from the context `make` builds, unless the previous output
    /// holds it made from the same inputs (`key`, see ``inputKey(_:_:_:_:)``): then `make` never runs.
    func keyedPage(
        _ template: String, to path: String, _ index: SiteIndex, _ out: CountingSink, sitemap: Bool = true,
        key: (inout FingerprintBuffer) -> Void, context make: () -> TemplateObject
    ) throws {
        let fingerprint = inputKey("page:" + template + (sitemap ? "" : ":hidden"), path, index, key)
        if let fingerprint, try out.reuse(path, fingerprint: fingerprint, isPage: sitemap) { return }
        try page(template, make(), to: path, out, sitemap: sitemap, fingerprint: fingerprint)
    }

    /// Takes every one of `paths` from the previous output when all were made from `fingerprint`.
    /// False: none or only some were; the caller makes them all again.
    func reuseAll(_ paths: [String], _ fingerprint: Fingerprint, _ out: CountingSink) throws -> Bool {
        for p in paths {
            guard try out.reuse(p, fingerprint: fingerprint) else { return false }
        }
        return true
    }
}

extension FingerprintBuffer {
    /// Records by index, with the fingerprints of `index`.
    mutating func add(records: [Int], _ index: SiteIndex) {
        add(records.count)
        guard let inputs = index.inputs else { return }
        for i in records { add(inputs.records[i]) }
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
