import GongshiModel

extension RecordContext {
    /// This record as withheld by `rule`, with what the preview shows of it.
    func withheld(rule: String, isError: Bool, keepRow: Bool) -> WithheldRecord {
        var w = WithheldRecord(
            kind: kind, key: key, department: department?.code ?? "", rule: rule, isError: isError,
            file: source.file, line: source.line)
        w.sheet = source.sheet
        w.entity = displayName
        w.decided = primaryDate
        // Only the preview shows a withheld record at its URL: a build of the public site has no use for
        // the id (a SHA-256 for each of a province's 200 000 withheld rows, and a string each kept).
        if keepRow {
            w.id =
                kind == .mingdan
                ? Publisher.listEntryID(key, self, shownName: displayName)
                : ContentDigest.id(for: key, prefix: department?.code ?? "")
            w.row = schema.fields.indices.compactMap { i in
                let f = schema.fields[i]
                guard i < source.present.count, source.present[i] || !source.values[i].isEmpty else { return nil }
                // An ID or phone number typed into another column is masked as the public pages mask
                // free text: the preview is shown to department staff, never a person's number.
                var value =
                    f.role == .secret && !source.values[i].isEmpty
                    ? "（不公示）" : PersonalData.scrub(source.values[i]).text
                // A natural person's name stays masked, even in a preview.
                if isNaturalPerson && f == kind.entityNameField { value = displayName }
                return PublishedField(field: f, value: value)
            }
        }
        return w
    }
}
