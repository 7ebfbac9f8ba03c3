import Foundation
import GongshiModel
import ZIPFoundation

/// One non-empty row of a worksheet, cells as text in column order (A = 0).
public struct XLSXRow: Sendable {
    /// The row number Excel shows.
    public let line: Int
    public let cells: [String]
    /// The value of each numeric cell (nil for text, boolean and empty cells): a date column turns
    /// it into a date with ``XLSXReader/date(serial:date1904:)``.
    public let numbers: [Double?]
    /// Columns of formula cells the workbook holds no result of (saved by a program that does not
    /// compute them): empty here, though Excel shows a value.
    public var emptyFormulas: [Int] = []
    /// Columns of cells holding an error value (#REF!, #N/A …): no data, read as empty, and said.
    public var errorValues: [Int] = []
    /// Excel does not show the row (`hidden="1"` on `<row>`): hidden by hand or by a filter.
    public var hidden = false
}

/// A range of cells merged across rows (`D1:D2`): Excel keeps its value in its first row only.
public struct MergedRange: Sendable, Equatable {
    /// As the worksheet writes it.
    public let ref: String
    /// The row the range ends on: a range that ends in a table's header takes no value from its data.
    public let lastRow: Int
}

/// What ``XLSXReader`` reports, in workbook order: a worksheet starts, then its non-empty rows.
public enum XLSXEvent: Sendable {
    case sheet(name: String, hidden: Bool, date1904: Bool)
    case row(XLSXRow)
    /// After a worksheet's rows: its ranges merged across rows (the first ``XLSXReader/keptMerges``)
    /// and how many.
    case merges(ranges: [MergedRange], count: Int)
}

/// Why a workbook cannot be read; `sheet` is set when the problem is inside one worksheet.
public struct XLSXError: Error, Sendable {
    public let sheet: String
    public let message: String
}

/// Reads the worksheets of an Office Open XML workbook (`.xlsx`) as rows of text, streaming: the
/// archive is read with ZIPFoundation one decompressed chunk at a time and each part is tokenized
/// by ``XMLStream`` as it arrives, so memory holds the shared strings, one chunk and one row.
///
/// Cells: shared strings, inline strings (rich-text runs joined, phonetic runs dropped), numbers,
/// booleans (`TRUE` / `FALSE`), formula results, errors (`#N/A` …) as text.
public enum XLSXReader {
    static let chunkSize = 1 << 16
    /// Excel's last column is XFD (16 384).
    public static let maxColumns = 16_384
    /// How many ranges merged across rows a worksheet reports (the rest are counted): a sheet of more
    /// has them in its data, and holding them all would let a small archive take much memory.
    public static let keptMerges = 10_000

    /// Reads the workbook at `path`.
    public static func read(path: String, _ onEvent: (XLSXEvent) throws -> Void) throws {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw XLSXError(sheet: "", message: "无法作为 Excel 工作簿（.xlsx）打开：文件不是有效的 ZIP 压缩包，可能已损坏")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw XLSXError(sheet: "", message: "无法打开工作簿：\(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, let bounds = try? ZIPBounds(fd: fd, fileSize: UInt64(st.st_size)) else {
            throw XLSXError(sheet: "", message: "工作簿已损坏：压缩包的目录与文件内容对不上（请在 Excel 或 WPS 中打开后重新另存为 .xlsx）")
        }
        try read(archive: archive, members: (fd, bounds), onEvent)
    }

    /// Reads a workbook held in memory, for tests of well-formed workbooks only: ZIPFoundation 0.9.20's
    /// in-memory archive traps on some damaged archives (`MemoryFile.readData` past the end), so every
    /// file of a site is read through ``read(path:_:)``, which reports such an archive as unreadable.
    public static func read(data: Data, _ onEvent: (XLSXEvent) throws -> Void) throws {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw XLSXError(sheet: "", message: "无法作为 Excel 工作簿（.xlsx）打开：文件不是有效的 ZIP 压缩包，可能已损坏")
        }
        try read(archive: archive, onEvent)
    }

    /// The date a number in a date cell stands for, as ``dateString(serial:date1904:)`` gives it; nil
    /// for a year typed alone (2026) or with a month (2026.11), not the days 1905-03-14 to 1905-09-30
    /// they would be as serials: read as the text they show, they are a bad date the clerk can see,
    /// not a decision of 1905 long out of publicity.
    public static func cellDate(serial: Double, date1904: Bool) -> String? {
        (1900.0..<2101.0).contains(serial) ? nil : dateString(serial: serial, date1904: date1904)
    }

    /// The date of an Excel serial number: 1900 system (serial 1 = 1900-01-01, with Lotus's
    /// nonexistent 1900-02-29 as serial 60) or 1904 system (serial 0 = 1904-01-01). The time of day
    /// is dropped. Nil outside 1…9999-12-31.
    public static func dateString(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        if date1904 {
            guard let base = LocalDate(year: 1904, month: 1, day: 1) else { return nil }
            return base.adding(days: days).description
        }
        return LocalDate(excelSerial: days)?.description
    }

    /// - Parameter members: the open file and where each member's bytes lie: members are then read
    ///   from exactly their own bytes (see ``ZIPBounds``); nil for a workbook in memory.
    static func read(
        archive: Archive, members: (fd: Int32, bounds: ZIPBounds)? = nil,
        _ onEvent: (XLSXEvent) throws -> Void
    ) throws {
        var entries: [String: Entry] = [:]
        for e in archive where e.type == .file { entries[e.path.lowercased()] = e }
        func part(_ path: String) -> Entry? { entries[path.lowercased()] }

        /// Streams `entry` through `handler`; `drain` runs after every chunk (a worksheet hands its
        /// finished rows on there, so rows never pile up).
        func parse<H: XMLStreamHandler>(
            _ entry: Entry, _ handler: inout H, sheet: String = "",
            drain: (inout H) throws -> Void = { _ in }
        ) throws {
            var stream = XMLStream()
            var h = handler
            do {
                try withoutActuallyEscaping(drain) { drain in
                    let consume: (Data) throws -> Void = { data in
                        try stream.feed(data, &h)
                        try drain(&h)
                    }
                    if let (fd, bounds) = members {
                        guard let m = bounds.members[entry.path.lowercased()] else { throw ZIPBounds.Damaged() }
                        let reader = BoundedReader(fd: fd, member: m)
                        switch m.method {
                        case 0:
                            var left = m.compressedSize
                            while left > 0 {
                                let d = try reader.next(chunkSize)
                                left -= UInt64(d.count)
                                try consume(d)
                            }
                        case 8:
                            _ = try Data.decompress(
                                size: Int64(m.compressedSize), bufferSize: chunkSize, skipCRC32: true,
                                provider: { _, size in try reader.next(size) }, consumer: consume)
                        default:
                            throw XLSXError(
                                sheet: sheet, message: "工作簿使用了不支持的压缩方式（\(entry.path)），请在 Excel 或 WPS 中重新另存为 .xlsx")
                        }
                    } else {
                        _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false, consumer: consume)
                    }
                }
                try stream.finish(&h)
                try drain(&h)
            } catch let e as XLSXError {
                throw e
            } catch let e as XMLStreamError {
                throw XLSXError(sheet: sheet, message: "工作簿内容无法读取（\(entry.path)：\(e.message)）")
            } catch {
                throw XLSXError(sheet: sheet, message: "工作簿内容无法解压（\(entry.path)），文件可能已损坏")
            }
            handler = h
        }

        // The workbook part, from the package relationships (almost always xl/workbook.xml).
        var workbookPath = "xl/workbook.xml"
        if let rels = part("_rels/.rels") {
            var r = RelationshipsHandler()
            try parse(rels, &r)
            if let t = r.items.first(where: { $0.type.hasSuffix("/officeDocument") })?.target {
                workbookPath = t.hasPrefix("/") ? String(t.dropFirst()) : t
            }
        }
        guard let workbookEntry = part(workbookPath) else {
            throw XLSXError(sheet: "", message: "不是 Excel 工作簿：压缩包中没有 \(workbookPath)（如为 WPS 或其他格式，请另存为 .xlsx 或 CSV）")
        }
        var workbook = WorkbookHandler()
        try parse(workbookEntry, &workbook)
        let base = (workbookPath as NSString).deletingLastPathComponent
        let relsPath =
            (base.isEmpty ? "" : base + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        var rels = RelationshipsHandler()
        if let e = part(relsPath) { try parse(e, &rels) }
        func resolve(_ target: String) -> String {
            if target.hasPrefix("/") { return String(target.dropFirst()) }
            var parts = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
            for p in target.split(separator: "/") {
                if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
            }
            return parts.joined(separator: "/")
        }

        var strings = SharedStringsHandler()
        if let t = rels.items.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, let e = part(resolve(t)) {
            try parse(e, &strings)
        } else if let e = part(resolve("sharedStrings.xml")) {
            try parse(e, &strings)
        }

        for sheet in workbook.sheets {
            guard let rel = rels.items.first(where: { $0.id == sheet.relationship }) else { continue }
            // Chart sheets and dialog sheets hold no rows.
            guard rel.type.hasSuffix("/worksheet") else { continue }
            guard let entry = part(resolve(rel.target)) else {
                throw XLSXError(sheet: sheet.name, message: "工作簿不完整：找不到工作表「\(sheet.name)」的内容")
            }
            try onEvent(.sheet(name: sheet.name, hidden: sheet.hidden, date1904: workbook.date1904))
            var handler = SheetHandler(strings: strings.strings, sheet: sheet.name)
            try parse(entry, &handler, sheet: sheet.name) { h in
                for row in h.finished { try onEvent(.row(row)) }
                h.finished.removeAll(keepingCapacity: true)
            }
            guard handler.complete else {
                throw XLSXError(
                    sheet: sheet.name,
                    message: "工作表「\(sheet.name)」的内容不完整（文件可能已损坏或未保存完），最后读到的行之后的内容未读取：请在 Excel 或 WPS 中打开并重新另存为 .xlsx")
            }
            if handler.verticalMergeCount > 0 {
                try onEvent(.merges(ranges: handler.verticalMerges, count: handler.verticalMergeCount))
            }
        }
    }

    /// Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return).
    static func unescapeExcel(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let v = UInt32(hex.prefix(4), radix: 16), let u = Unicode.Scalar(v) {
                out.unicodeScalars.append(u)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
