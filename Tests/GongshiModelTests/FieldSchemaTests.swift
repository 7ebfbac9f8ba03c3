import Testing

@testable import GongshiModel

@Suite("Field and RecordSchema: each column declared once, headers matched through it")
struct FieldSchemaTests {
    static let schemas: [RecordSchema] = RecordKind.allCases.map(\.schema)

    @Test("a header in 元 is never hinted at a field in 万元; a misspelt one still is")
    func amountUnitsAreNotHinted() {
        let schema = RecordKind.xzcf.schema
        #expect(schema.suggestion(for: "罚款金额（元）") == nil)
        #expect(schema.suggestion(for: "罚款金额(元)") == nil)
        #expect(schema.suggestion(for: "罚款金额（万圆）") == "罚款金额（万元）")
        #expect(schema.suggestion(for: "处罚机关名称") == "处罚机关")
    }

    @Test("codes, dates and enumerated values are read in half width; free text keeps its full-width forms")
    func fullWidthValues() {
        #expect(Field.creditCode.normalize("９１３７０３０６ＭＡ３Ｄ００１５１０") == "91370306MA3D001510")
        #expect(Field.creditCode.normalize("　９１３７　０３０６ｍａ３Ｄ００１５１０ ") == "91370306MA3D001510")
        #expect(Field.penaltyDate.normalize("２０２６－１１－０５") == "2026-11-05")
        #expect(Field.entityCategory.normalize("０２") == "02")
        #expect(Field.severity.normalize("３") == "3")
        #expect(Field.statusDate.normalize("２０２６－１１－２０") == "2026-11-20")
        #expect(Field.removedOn.normalize("２０２６／１１／２０") == "2026/11/20")
        #expect(Field.fineAmount.normalize("０．５") == "0.5")
        #expect(Field.penaltyContent.normalize("罚款（人民币２０００元）") == "罚款（人民币２０００元）")
        #expect("周市监罚〔2026〕1号".halfWidth == "周市监罚〔2026〕1号")
    }

    @Test("every field has a distinct Chinese name and belongs to at least one kind")
    func namesAreDistinctAndUsed() {
        let names = Field.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        for field in Field.allCases {
            #expect(Self.schemas.contains { $0.contains(field) }, "\(field) is in no kind")
        }
        for schema in Self.schemas {
            #expect(Set(schema.fields).count == schema.fields.count, "\(schema.kind) lists a field twice")
            #expect(schema.fields.count == schema.fields.indices.count)
        }
    }

    @Test("headers fold whitespace, full-width forms, case and stars; normal ones come back as they are")
    func headersNormalize() {
        let cases: [(String, String)] = [
            ("行政相对人名称", "行政相对人名称"), ("XK_XDR_MC", "XK_XDR_MC"), ("xk_xdr_mc", "XK_XDR_MC"),
            (" 单位 名称\u{3000}", "单位名称"), ("\u{FEFF}名称", "名称"), ("ＸＫ＿ＸＤＲ", "XK_XDR"),
            ("*行政相对人名称", "行政相对人名称"), ("行政相对人名称**", "行政相对人名称"), ("Straße", "STRASSE"), ("", ""),
            ("NO.", "NO."), ("证件号码\u{0}\u{0}\u{0}", "证件号码"), ("\u{1}名称\u{7F}", "名称"),
        ]
        for (raw, normal) in cases {
            #expect(RecordSchema.normalizeHeader(raw) == normal, "\(raw)")
        }
        #expect(RecordSchema.isNormalHeader("行政相对人名称") && !RecordSchema.isNormalHeader("名称*"))
        // A hint is looked for without trapping on a NUL (Foundation's `contains` did, the fuzzer found).
        #expect(RecordSchema.penalty.suggestion(for: "证件号\u{0}码\u{0}\u{0}") == "证件号码")
    }

    @Test("within a kind, every header of a field leads back to that field and to no other")
    func headersAreUnambiguous() {
        for schema in Self.schemas {
            var owner: [String: Field] = [:]
            for field in schema.fields {
                for header in field.headers(in: schema.kind) {
                    let key = RecordSchema.normalizeHeader(header)
                    #expect(
                        owner[key] == nil || owner[key] == field, "\(header) stands for two fields in \(schema.kind)")
                    owner[key] = field
                    #expect(schema.field(forHeader: header) == field, "\(header) in \(schema.kind)")
                }
            }
        }
    }

    @Test("codes count only in the kind their prefix names; unprefixed codes in both record kinds")
    func codesFollowTheirPrefix() {
        #expect(RecordSchema.licensing.field(forHeader: "XK_XDR_MC") == .entityName)
        #expect(RecordSchema.penalty.field(forHeader: "XK_XDR_MC") == nil)
        #expect(RecordSchema.penalty.field(forHeader: "CF_XDR_MC") == .entityName)
        #expect(RecordSchema.licensing.field(forHeader: "bz") == .remarks)
        #expect(RecordSchema.penalty.field(forHeader: "BZ") == .remarks)
        #expect(RecordSchema.list.field(forHeader: "BZ") == nil)
        #expect(RecordSchema.list.field(forHeader: "XK_XDR_SHXYM") == nil)
        for field in Field.allCases {
            for code in field.definition.codes + field.definition.v1Codes {
                #expect(code.hasPrefix("XK_") || code.hasPrefix("CF_") || code == "BZ", "\(code)")
            }
        }
    }

    @Test(
        "the v1 codes of DOMAIN §1c and the §8.2 aliases",
        arguments: [
            (RecordKind.xzxk, "XK_XDR", Field.entityName), (.xzxk, "XK_XDR_ZDM", .organizationCode),
            (.xzxk, "XK_XDR_GSDJ", .registrationNumber), (.xzxk, "XK_XDR_SFZ", .idNumber),
            (.xzxk, "XK_FR", .legalRepresentative), (.xzxk, "XK_JZQ", .validUntil),
            (.xzxk, "XK_XZJG", .licensingAuthority),
            (.xzxk, "行政许可决定书文号", .licenceDocumentNumber), (.xzxk, "许可截止日期", .validUntil),
            (.xzxk, "数据来源", .dataSource), (.xzxk, "xk_xdr_type", .entityCategory),
            (.xzcf, "CF_CFLB1", .penaltyKinds), (.xzcf, "CF_JG", .penaltyContent),
            (.xzcf, "CF_XZJG", .penaltyAuthority),
            (.xzcf, "CF_SXYZCD", .severity), (.xzcf, "处罚事由", .violationFacts), (.xzcf, "罚款金额", .fineAmount),
            (.xzcf, "罚款金额 (万元)", .fineAmount), (.xzcf, "行政相对人代码_2 （工商注册号）", .registrationNumber),
            (.mingdan, "企业名称", .subjectName), (.mingdan, "统一信用代码", .creditCode), (.mingdan, "注册号", .registrationNumber),
            (.mingdan, "认定文号", .listingDocument), (.mingdan, "数据来源", .dataSource),
        ])
    func legacyHeaders(kind: RecordKind, header: String, field: Field) {
        #expect(kind.schema.field(forHeader: header) == field)
        #expect(kind.schema.index(of: header) == kind.schema.index(of: field))
    }

    @Test("each kind's role fields are fields of that kind, with the role they need")
    func kindRoles() {
        for kind in RecordKind.allCases {
            let s = kind.schema
            for f in [
                kind.entityNameField, kind.categoryField, kind.authorityField, kind.primaryDateField,
                kind.documentField,
            ] {
                #expect(s.contains(f), "\(kind): \(f)")
            }
            #expect(kind.primaryDateField.role == .date)
            #expect(kind.categoryField.vocabulary == .subjectCategory)
        }
        #expect(Field.idNumber.role == .secret && Field.legalRepresentativeIDNumber.role == .secret)
        #expect(Field.creditCode.role == .code && Field.status.role == .status)
    }

    @Test("vocabularies publish codes as names and reject values outside them")
    func vocabularies() {
        #expect(Vocabulary.subjectCategory.name(of: "02", in: .xzxk) == "法人及非法人组织")
        #expect(Vocabulary.subjectCategory.name(of: "个人", in: .mingdan) == "自然人")
        #expect(Vocabulary.subjectCategory.name(of: "外资", in: .xzxk) == nil)
        #expect(Vocabulary.licenceCategory.name(of: "03", in: .xzxk) == "认可")
        #expect(Vocabulary.idDocumentType.name(of: "02", in: .xzcf) == "护照")
        #expect(Vocabulary.severity.name(of: "3", in: .xzcf) == "严重")
        #expect(Vocabulary.status.name(of: "1", in: .xzxk) == "撤销")
        #expect(Vocabulary.status.name(of: "移出", in: .mingdan) == "移出")
        #expect(Vocabulary.status.name(of: "移出", in: .xzcf) == nil)
        #expect(Vocabulary.listType.name(of: "红名单", in: .mingdan) == "红名单")
        #expect(Vocabulary.listType.name(of: "灰名单", in: .mingdan) == nil)
        #expect(Vocabulary.listType.name(of: "守信激励对象名单", in: .mingdan) == "红名单")
        #expect(Vocabulary.listType.name(of: "严重失信主体名单", in: .mingdan) == "黑名单")
        #expect(Vocabulary.listType.name(of: "红黑名单", in: .mingdan) == nil, "names both lists")
        #expect(Vocabulary.listType.name(of: "重点关注名单", in: .mingdan) == nil, "names neither")
        #expect(Vocabulary.listType.name(of: "拒不支付劳动报酬失信联合惩戒对象名单", in: .mingdan) == "黑名单")
        #expect(Vocabulary.listType.name(of: "不良信用记录名单", in: .mingdan) == "黑名单")
        #expect(Vocabulary.listType.name(of: "守合同重信用企业", in: .mingdan) == "红名单")
        #expect(Vocabulary.listType.name(of: "紅名單", in: .mingdan) == "红名单")
        #expect(Vocabulary.listType.name(of: "a级纳税人", in: .mingdan) == "红名单")
        for negated in [
            "诚信缺失名单", "不守信名单", "非失信名单", "不诚信名单", "无不良记录", "没有不良记录", "非诚信", "不守合同", "守信缺失", "不激励",
            "没有失信", "零失信", "不是失信被执行人", "不属于失信主体", "未列入失信名单",
        ] {
            #expect(Vocabulary.listType.name(of: negated, in: .mingdan) == nil, "\(negated)")
        }
        #expect(Vocabulary.status.name(of: "撤回", in: .xzcf) == "撤销")
        #expect(Vocabulary.status.name(of: "确认无效。", in: .xzcf) == "确认无效")
        #expect(Vocabulary.status.name(of: "信用修复", in: .mingdan) == "移出")
        #expect(Vocabulary.status.name(of: "失效", in: .xzcf) == nil)
        #expect(Field.licenceCategory.vocabulary == .licenceCategory && Field.remarks.vocabulary == nil)
    }

    @Test("values are read by role: codes upper-cased without inner spaces, other values trimmed")
    func normalize() {
        #expect(Field.creditCode.normalize(" 91370306 ma3rx7k2xu ") == "91370306MA3RX7K2XU")
        #expect(Field.penaltyAuthorityCode.normalize("1137\u{3000}0000") == "11370000")
        #expect(Field.entityName.normalize("  甲 公司 ") == "甲 公司")
        #expect(Field.licenceDate.normalize(" 2026-11-20\t") == "2026-11-20")
    }

    @Test("a record answers for its fields by type; a field of another kind reads as empty")
    func recordSubscript() {
        let s = RecordSchema.penalty
        var values = [String](repeating: "", count: s.fields.count)
        if let i = s.index(of: .entityName) { values[i] = "甲公司" }
        let r = SourceRecord(
            kind: .xzcf, values: values, file: "f.csv", line: 2, present: [Bool](repeating: true, count: values.count))
        #expect(r[.entityName] == "甲公司")
        #expect(r[.subjectName] == "")
        #expect(r[.licenceContent] == "")
    }
}
