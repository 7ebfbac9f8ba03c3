import GongshiModel

extension RecordContext {
    /// Reads the code columns of a row into an ``EntityIdentity``.
    static func readIdentity(_ source: SourceRecord, naturalPerson: Bool) -> EntityIdentity {
        let values = EntityIdentity.Column.allCases.map { column in
            // The court lists' mixed column is a secret one, read as written: fold it like a code.
            source.kind.schemaIndex(of: column.field).map { Field.foldedCode(source.values[$0]) } ?? ""
        }
        return EntityIdentity(columns: values, naturalPerson: naturalPerson)
    }

    /// The category a row states, and its identity. A row whose code columns hold a person's valid ID
    /// number and no organisation's code is a natural person's, whatever it states (a court list mixes
    /// persons and companies, and a sidecar's 主体类别 fills every row): never published as an organisation.
    /// 男 or 女, as a court's list gives a person's sex.
    static func statesSex(_ v: String) -> Bool { ["男", "女", "男性", "女性"].contains(v) }

    /// An age a person may have, in years.
    static func statesAge(_ v: String) -> Bool { Int(v.filter { $0 != "岁" }).map { (1...150).contains($0) } ?? false }

    /// How an organisation's name ends (a person's never does).
    static let organisationNameEndings = ["公司", "厂", "店", "中心", "合作社", "集团", "协会", "商行", "经营部", "门市部", "事务所"]

    static func categoryAndIdentity(_ source: SourceRecord, stated: String) -> (SubjectCategory?, EntityIdentity) {
        let category = SubjectCategory(parsing: stated)
        let identity = readIdentity(source, naturalPerson: category == .naturalPerson)
        guard category != .naturalPerson, !identity.isIdentified else { return (category, identity) }
        // A 证件号码 that is a person's ID number beside no organisation's code is a person's too (a v1
        // licence export gives XK_XDR_SFZ and no category; its sidecar says 法人及非法人组织 for every row).
        // A 个体工商户 is run by a person and gives the operator's ID: it stays a 个体工商户.
        // A mistyped one (a wrong check character) is still a person's: never shown as an organisation's name.
        let idNumber = source[.idNumber].uppercased().filter { !$0.isWhitespace }
        let byIDNumber =
            category != .soleProprietor
            && (ResidentIDNumber.isPersonal(idNumber) || ResidentIDNumber.isMistyped(idNumber))
        // A court list gives 性别 and 年龄 for its persons only: such a row is a person's, even without
        // an ID number (SPEC §8.1: a person is never published as an organisation).
        // Only a real sex or age counts (an export fills its companies' cells with 0 or /), and never for
        // a name an organisation would have (…有限公司).
        let bySexOrAge =
            (RecordContext.statesSex(source[.sex]) || RecordContext.statesAge(source[.age]))
            && !RecordContext.organisationNameEndings.contains { source[source.kind.entityNameField].hasSuffix($0) }
        guard identity.personID || byIDNumber || bySexOrAge else { return (category, identity) }
        var person = readIdentity(source, naturalPerson: true)
        if identity.personID { person.idProblem = identity.idProblem }
        if category != nil {
            let why =
                identity.personID
                ? "代码列中是居民身份证号码" : byIDNumber ? "「\(Field.idNumber.name)」中是居民身份证号码" : "填有「性别」或「年龄」"
            person.notes.append("类别为「\(stated)」，但\(why)、没有有效的单位代码：按自然人处理")
        }
        return (.naturalPerson, person)
    }
}
