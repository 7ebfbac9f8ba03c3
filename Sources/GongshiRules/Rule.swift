import GongshiModel

/// What the rules reference says about one rule id: severity, what it withholds, when it applies,
/// and an example that triggers it. `Documentation/rules.md` is generated from these.
public struct RuleInfo: Sendable {
    public let id: String
    public let severity: Finding.Level
    /// What the finding keeps off the public site (`—` for nothing).
    public let withholds: String
    /// When the rule applies, in Chinese.
    public let summary: String
    /// A data situation that triggers it.
    public let example: String
}

/// One disclosure rule of SPEC §3. Each conforming type lives in its own file under `Rules/`.
public protocol Rule {
    static var info: RuleInfo { get }
}

extension Rule {
    static func finding(_ r: RecordContext, _ message: String, severity: Finding.Level? = nil) -> Finding {
        Finding(rule: info.id, severity: severity ?? info.severity, file: r.source.file, line: r.source.line, sheet: r.source.sheet,
                key: r.key, department: r.department?.code ?? "", message: message)
    }
}

/// The reference entry of every rule, in the order of SPEC §3.
public let allRules: [RuleInfo] = [
    BadFile.info, UnknownColumn.info, MissingField.info, BadDate.info, FutureDate.info, InvalidUSCC.info,
    InvalidIDNumber.info, PersonalDataInText.info, NaturalPersonWithheld.info, UnknownDepartment.info,
    UnknownMemorandum.info, DuplicateRecord.info, LateDisclosure.info, DueSoon.info, PublicityEnded.info,
    Revoked.info, LateWithdrawal.info, UnderObjection.info, RedBlackConflict.info, MissingCalendar.info,
]
