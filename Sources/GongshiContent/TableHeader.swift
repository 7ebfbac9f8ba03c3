import Foundation
import GongshiModel

/// Reading the header of a table: which column holds which field. A header is one row, or two when
/// cells of the first group columns that the second names (「行政相对人代码」 over 统一社会信用代码 /
/// 工商注册号 / 组织机构代码).
extension TableMapper {
    /// Takes `row` as the table's header: maps its columns to fields (the `columns:` maps first), and
    /// holds the warnings about columns that are unknown or given twice until the row under it is read.
    mutating func readHeader(_ row: RawRow) {
        sawHeader = true
        firstUnderHeader = true
        headerEnd = row.line
        findings += titles
        titles = []
        // Empty cells closing a CSV header (a trailing comma, or ,,, to the used width) are no columns:
        // rows need not have them.
        let width = (row.cells.lastIndex { !$0.trimmingWhitespace().isEmpty } ?? -1) + 1
        if !table.isWorkbook { shape = CSVRowShape(header: row.cells, width: width) }
        headerCells = row.cells
        mapping = [Int?](repeating: nil, count: row.cells.count)
        for (i, raw) in row.cells.enumerated() {
            let name = raw.trimmingWhitespace()
            // A trailing comma, or an empty Excel header cell.
            if name.isEmpty && (i >= width || table.isWorkbook) { continue }
            if let said = nameColumn(i, name) { heldHeaderFindings.append((i, columnFinding(said, line: row.line))) }
        }
        numbering = row.cells.indices.map { i in
            mapping[i] == nil && RecordSchema.neverHinted.contains(RecordSchema.normalizeHeader(row.cells[i]))
        }
    }

    /// The kind of record a header is of when it is not this folder's: at least three of its columns are
    /// that kind's fields and not this kind's, and more than are this kind's alone (a licensing export
    /// put into `xzcf/`).
    func otherKind(of cells: [String]) -> RecordKind? {
        let names = cells.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        let own = names.filter { field(for: $0) != nil }
        for other in RecordKind.allCases where other != kind {
            let theirs = names.filter { other.schema.index(of: $0) != nil }
            let theirsAlone = theirs.filter { field(for: $0) == nil }.count
            let ownAlone = own.filter { other.schema.index(of: $0) == nil }.count
            if theirsAlone >= 3 && theirsAlone > ownAlone { return other }
        }
        return nil
    }

    /// The error on a table of kind `other` found in this kind's folder: not read.
    func wrongFolder(_ other: RecordKind, _ header: RawRow) -> Finding {
        let shown = header.cells.map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty && other.schema.index(of: $0) != nil && field(for: $0) == nil }
            .prefix(3).map { "「\($0)」" }.joined()
        return Finding(
            rule: "bad-file", severity: .error, file: file, line: header.line, sheet: table.sheet,
            message:
                "这是\(other.title)的表格（表头有\(shown)等列），却放在 \(kind.rawValue)/ 文件夹中，未读取：请把文件移到 Content/\(other.rawValue)/"
        )
    }

    /// Whether the only filled cells of a row are under bookkeeping headers (序号, 编号, 附注 …): a
    /// template's rows numbered ahead of any data, not records.
    func holdsOnlyNumbering(_ cells: [String]) -> Bool {
        var any = false
        for (i, c) in cells.enumerated() where !c.trimmingWhitespace().isEmpty {
            guard i < numbering.count, numbering[i] else { return false }
            any = true
        }
        return any
    }

    /// Reads the first row under the header, which may be part of it rather than a record: a second
    /// header row naming the columns the header leaves empty or unknown (a group cell such as
    /// 「行政相对人代码」 holds its text in its first column only, and merged ranges come after the rows,
    /// so they cannot tell), or the fields' codes (XK_XDR_MC …) or 必填/选填 the national templates put
    /// under the names. Returns whether the row is part of the header; the header's held warnings are
    /// given either way, but for the columns the row names.
    mutating func readUnderHeader(_ row: RawRow) -> Bool {
        guard row.problem == nil else {
            releaseHeaderFindings()
            return false
        }
        // Under a header that names fields (a printed form's), 1 2 3 … numbers its columns.
        if mapped.contains(true), HeaderRow.numbersColumns(row.cells) {
            releaseHeaderFindings()
            findings.append(skipped(row.line, "「\(HeaderRow.joined(row.cells))」是表头下的列序号行，不是记录，已跳过"))
            headerEnd = row.line
            return true
        }
        var named: [(column: Int, name: String)] = []
        var completes = false
        for (i, raw) in row.cells.enumerated() {
            let written = raw.trimmingWhitespace()
            if written.isEmpty || HeaderRow.requirementWords.contains(written) { continue }
            let name = nameUnderGroup(i, written)
            let known = field(for: name) != nil
            if isOpen(i) {
                named.append((i, name))
                completes = completes || known
            } else if !known {
                // A column the header names holds data here: a record.
                releaseHeaderFindings()
                return false
            }
        }
        guard completes, let first = named.first(where: { field(for: $0.name) != nil }) else {
            releaseHeaderFindings()
            guard HeaderRow.annotatesHeader(row.cells, { field(for: $0) }) else { return false }
            findings.append(
                skipped(row.line, "「\(HeaderRow.joined(row.cells))」是表头下的说明行（字段代码或必填、选填），不是记录，已跳过"))
            headerEnd = row.line
            return true
        }
        // The second row names these columns: what the first row said of them no longer holds.
        let renamed = Set(named.map(\.column))
        heldHeaderFindings.removeAll { renamed.contains($0.column) }
        releaseHeaderFindings()
        findings.append(
            skipped(
                row.line,
                "表头分两行：第\(row.line)行的「\(first.name)」\(named.count > 1 ? "等" : "")补全了表头，该行不是记录，已按表头读取"))
        for (i, name) in named {
            if i >= mapping.count { mapping += [Int?](repeating: nil, count: i + 1 - mapping.count) }
            if let said = nameColumn(i, name) { findings.append(columnFinding(said, line: row.line)) }
        }
        headerEnd = row.line
        return true
    }

    /// The name a cell of a second header row gives its column, read with the group over it (the
    /// nearest filled header cell at or left of it): the group and the cell together when they name a
    /// field (法定代表人 over 证件号码 → 法定代表人证件号码; 处罚机关 over 统一社会信用代码 →
    /// 处罚机关统一社会信用代码, not the entity's), the group itself under 姓名 or 名称 when it is a
    /// field (法定代表人, 处罚机关), else the cell as written (行政相对人代码 over 统一社会信用代码). The group is
    /// read as ``groupName(_:)`` reads it.
    func nameUnderGroup(_ i: Int, _ name: String) -> String {
        guard let k = headerCells.indices.prefix(i + 1).last(where: { !headerCells[$0].trimmingWhitespace().isEmpty })
        else { return name }
        let group = groupName(headerCells[k].trimmingWhitespace())
        if (name == "姓名" || name == "名称") && field(for: group) != nil { return group }
        let joined = group + name
        return field(for: joined) != nil ? joined : name
    }

    /// A group cell as the field it names, by that field's standard name (法定代表人或负责人 →
    /// 法定代表人), also without a note in brackets after it (法定代表人（负责人）); else as written.
    private func groupName(_ written: String) -> String {
        if let i = field(for: written) { return schema.fields[i].name }
        // 法定代表人（负责人）, 法定代表人或负责人: the field named first.
        guard let cut = written.firstIndex(where: { $0 == "（" || $0 == "(" || $0 == "或" }), cut > written.startIndex,
            let i = field(for: String(written[..<cut]))
        else { return written }
        return schema.fields[i].name
    }

    /// Gives the header's warnings held for the row under it.
    mutating func releaseHeaderFindings() {
        guard !heldHeaderFindings.isEmpty else { return }
        findings += heldHeaderFindings.map(\.finding)
        heldHeaderFindings = []
    }

    /// Whether a second header row may name column `i`: the header's cell there is empty or unknown
    /// (not a field given twice), or a worksheet's header ends before it. A CSV row is as wide as its
    /// header.
    private func isOpen(_ i: Int) -> Bool {
        guard i < headerCells.count, table.isWorkbook || i < shape.width else { return table.isWorkbook }
        let name = headerCells[i].trimmingWhitespace()
        return name.isEmpty || (field(for: name) == nil && i != secondKinds)
    }

    /// Maps column `i`, named `name`, to its field; the warning to give when the name is unknown or
    /// an earlier column holds its field.
    private mutating func nameColumn(_ i: Int, _ name: String) -> String? {
        let h = RecordSchema.normalizeHeader(name)
        if kind == .xzcf && (h == "CF_CFLB2" || h == "处罚类别2") && secondKinds == nil {
            secondKinds = i
            schema.index(of: .penaltyKinds).map { present[$0] = true }
            return nil
        }
        guard let idx = field(for: name) else {
            if RecordSchema.rowNumbers.contains(h) { return nil }
            // Hints for the first columns only: a header of 100 000 columns stays linear and cheap.
            unknownColumns += 1
            let hint =
                unknownColumns > 200
                ? "" : schema.suggestion(for: name).map { "。您是否指「\($0)」？（可在 site.yml 的 columns 中对应）" } ?? ""
            return "未知的列「\(name.isEmpty ? "（空列名）" : name)」：不属于\(kind.title)数据标准，已忽略\(hint)"
        }
        if mapped[idx] { return "列「\(name)」重复出现，只读取第一列" }
        if kind == .xzxk && (h == "XK_SPLB" || h == "审批类别") { v1Categories.insert(i) }
        mapping[i] = idx
        mapped[idx] = true
        present[idx] = true
        return nil
    }

    private func columnFinding(_ message: String, line: Int) -> Finding {
        Finding(
            rule: "unknown-column", severity: .warning, file: file, line: line, sheet: table.sheet, message: message)
    }
}
