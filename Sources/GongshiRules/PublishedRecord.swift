import GongshiModel

/// A licensing or penalty record public on the build date.
///
/// Laid out for a province, which keeps about a million of them at once: the field values and the
/// record's short texts (id, entity code, digest, status note, sheet, other codes) share one
/// allocation (``PackedValues``), dates and counts are 32-bit and the flags are bits. Only the key
/// (read by the judge and every index, and compared in sorts) and the file (one string shared by the
/// file's rows) are strings of their own.
public struct PublishedRecord: Sendable {
    public let kind: RecordKind
    public let category: SubjectCategory
    private var flags: Flags
    public let key: String
    public let department: Department
    /// Source file (for the preview).
    public let file: String
    private var days: Days
    private let counts: Counts
    /// The values of `fields`, packed (a million records are kept at once), then the texts of ``Text``.
    public let values: PackedValues

    /// URL id: `[a-z0-9-]`, derived from the key (`scjgj-3f9a…`).
    public var id: String { values.extra(Text.id.rawValue) }
    /// Entity name as shown (masked for natural persons under `mask`).
    public var entityName: String { value(.entityName) }
    /// A valid 统一社会信用代码 (the entity's own, or one another row links to its other codes), or empty.
    public var entityCode: String { values.extra(Text.entityCode.rawValue) }
    public var documentNumber: String { value(kind.documentField) }
    /// 行政许可决定文书名称 / 违法行为类型: what a listing shows as the record's title.
    public var title: String { value(Publisher.titleField(kind)) }
    public var decisionDate: LocalDate { LocalDate(dayNumber: Int(days.decided)) }
    /// The last day it stays public (nil: open-ended).
    public var publicityEnd: LocalDate? { Days.date(days.publicityEnd) }
    public var deadline: LocalDate { LocalDate(dayNumber: Int(days.deadline)) }
    /// First publication: ledger 公示, or the build date when it is published now.
    public var firstPublished: LocalDate { LocalDate(dayNumber: Int(days.firstPublished)) }
    /// The last 更新, if any.
    public internal(set) var lastUpdated: LocalDate? {
        get { Days.date(days.lastUpdated) }
        set { days.lastUpdated = Days.day(newValue) }
    }
    /// Working days late (0 when timely); nil when a year they fall in has no calendar.
    public var lateWorkdays: Int? { Counts.unpacked(counts.lateWorkdays) }
    /// Working days from the decision to the first publication; nil as above.
    public var publishWorkdays: Int? { Counts.unpacked(counts.publishWorkdays) }
    public var isLate: Bool { flags.contains(.isLate) }
    public var underObjection: Bool { flags.contains(.underObjection) }
    /// 状态说明 shown with status 其他 or 异议.
    public var statusNote: String { values.extra(Text.statusNote.rawValue) }
    public var digest: String { values.extra(Text.digest.rawValue) }
    /// Source line (for the preview).
    public var line: Int { Int(counts.line) }
    /// The worksheet of a workbook the row is on (empty for CSV).
    public var sheet: String { values.extra(Text.sheet.rawValue) }
    /// False when a calendar year it needs is missing: neither late nor on time (SPEC §8.1).
    public var timelinessJudged: Bool { flags.contains(.timelinessJudged) }
    /// Published by the system this site took over from (`disclosure.adoptedOn`, or an 导入 event):
    /// statistics count it apart.
    public internal(set) var previousSystem: Bool {
        get { flags.contains(.previousSystem) }
        set { if newValue { flags.insert(.previousSystem) } else { flags.remove(.previousSystem) } }
    }
    /// Published by the previous system on a day no one recorded: ``firstPublished`` is then the day this
    /// site took it over, not its publication (pages say 原系统公示; listings place it by its decision).
    public var publishedOnUnknownDay: Bool { previousSystem && !timelinessJudged }
    /// A penalty whose 失信严重程度 was inferred from 处罚类别 (the record page says so).
    public var severityInferred: Bool { flags.contains(.severityInferred) }
    /// A valid 15-digit 工商注册号 and 组织机构代码 of the entity (read by shape), or empty.
    public var registrationNumber: String { values.extra(Text.registrationNumber.rawValue) }
    public var organizationCode: String { values.extra(Text.organizationCode.rawValue) }

    /// Every column but the secret ones, in schema order (empty values included, for open data).
    public var fields: [PublishedField] {
        zip(PublishedField.published(kind), values.all).map { PublishedField(field: $0, value: $1) }
    }

    /// The published value of `field` ("" when the kind has no such field).
    public func value(_ field: Field) -> String {
        PublishedField.position(kind, field).map { values[$0] } ?? ""
    }

    /// `fields` are the kind's published fields (``PublishedField/published(_:)``) in order; the entity's
    /// name, the document number and the title are read from them. `table`: the build's, where the
    /// values of low-variety columns are kept once (see ``PackedValues``).
    public init(
        kind: RecordKind, key: String, id: String, department: Department, entityCode: String,
        category: SubjectCategory, decisionDate: LocalDate, publicityEnd: LocalDate?, deadline: LocalDate,
        firstPublished: LocalDate, lastUpdated: LocalDate?, lateWorkdays: Int?, publishWorkdays: Int?, isLate: Bool,
        underObjection: Bool, statusNote: String, fields: [PublishedField], digest: String, file: String, line: Int,
        sheet: String = "", timelinessJudged: Bool = true, severityInferred: Bool = false,
        registrationNumber: String = "", organizationCode: String = "", table: ValueTable? = nil
    ) {
        self.kind = kind
        self.key = key
        self.department = department
        self.category = category
        self.file = file
        var flags: Flags = []
        if isLate { flags.insert(.isLate) }
        if underObjection { flags.insert(.underObjection) }
        if timelinessJudged { flags.insert(.timelinessJudged) }
        if severityInferred { flags.insert(.severityInferred) }
        self.flags = flags
        days = Days(
            decided: Days.day(decisionDate), deadline: Days.day(deadline), firstPublished: Days.day(firstPublished),
            publicityEnd: Days.day(publicityEnd), lastUpdated: Days.day(lastUpdated))
        counts = Counts(
            lateWorkdays: Counts.packed(lateWorkdays), publishWorkdays: Counts.packed(publishWorkdays),
            line: Counts.clamped(line))
        var extras = [String](repeating: "", count: Text.allCases.count)
        extras[Text.id.rawValue] = id
        extras[Text.entityCode.rawValue] = entityCode
        extras[Text.statusNote.rawValue] = statusNote
        extras[Text.digest.rawValue] = digest
        extras[Text.sheet.rawValue] = sheet
        extras[Text.registrationNumber.rawValue] = registrationNumber
        extras[Text.organizationCode.rawValue] = organizationCode
        values = PackedValues(
            fields.map(\.value), extras: extras, table: table, shared: PublishedField.shared(kind))
    }

    /// The code the entity is known by: its 统一社会信用代码, else its 组织机构代码 (without hyphen), else its
    /// 工商注册号; empty when there is none.
    public var identityCode: String {
        let entityCode = entityCode
        if !entityCode.isEmpty { return entityCode }
        let organizationCode = organizationCode
        if !organizationCode.isEmpty { return OrganizationCode.shaped(organizationCode) ?? organizationCode }
        return registrationNumber
    }

    /// The record's texts kept after its values in ``values``, by position.
    enum Text: Int, CaseIterable {
        case id, entityCode, statusNote, digest, sheet, registrationNumber, organizationCode
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let isLate = Flags(rawValue: 1)
        static let underObjection = Flags(rawValue: 2)
        static let timelinessJudged = Flags(rawValue: 4)
        static let previousSystem = Flags(rawValue: 8)
        static let severityInferred = Flags(rawValue: 16)
    }

    /// Dates as day numbers (``LocalDate/dayNumber``) in 32 bits: ±5.8 million years around 1970.
    struct Days: Sendable {
        var decided: Int32
        var deadline: Int32
        var firstPublished: Int32
        /// `none` for nil.
        var publicityEnd: Int32
        var lastUpdated: Int32

        static let none = Int32.min
        static func day(_ date: LocalDate) -> Int32 { Int32(clamping: date.dayNumber) }
        static func day(_ date: LocalDate?) -> Int32 { date.map { day($0) } ?? none }
        static func date(_ day: Int32) -> LocalDate? { day == none ? nil : LocalDate(dayNumber: Int(day)) }
    }

    struct Counts: Sendable {
        let lateWorkdays: Int32
        let publishWorkdays: Int32
        let line: Int32

        /// A count not known is kept as -1: a count of working days is never negative.
        static func packed(_ n: Int?) -> Int32 { n.map { Int32(clamping: max(0, $0)) } ?? -1 }
        static func unpacked(_ n: Int32) -> Int? { n < 0 ? nil : Int(n) }
        static func clamped(_ n: Int) -> Int32 { Int32(clamping: n) }
    }
}
