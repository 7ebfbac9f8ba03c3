extension Field {
    /// Each field's definition: the one place its Chinese name, codes and aliases are written.
    static func declaration(_ field: Field) -> FieldDefinition {
        typealias D = FieldDefinition
        switch field {
        case .entityName: return D("行政相对人名称", codes: ["XK_XDR_MC", "CF_XDR_MC"], v1: ["XK_XDR", "CF_XDR"])
        case .entityCategory:
            return D(
                "行政相对人类别", codes: ["XK_XDR_LB", "CF_XDR_LB", "XK_XDR_TYPE", "CF_XDR_TYPE"],
                vocabulary: .subjectCategory)
        case .creditCode:
            return D(
                "统一社会信用代码", .code, codes: ["XK_XDR_SHXYM", "CF_XDR_SHXYM"],
                aliases: ["行政相对人代码_1", "行政相对人代码_1(统一社会信用代码)"], list: ["统一信用代码", "社会信用代码"])
        case .registrationNumber:
            return D(
                "工商注册号", .code, codes: ["XK_XDR_GSZC", "CF_XDR_GSZC"], v1: ["XK_XDR_GSDJ", "CF_XDR_GSDJ"],
                aliases: ["行政相对人代码_2", "行政相对人代码_2(工商注册号)", "工商登记码"], list: ["注册号"])
        case .organizationCode:
            return D(
                "组织机构代码", .code, codes: ["XK_XDR_ZZJG", "CF_XDR_ZZJG"], v1: ["XK_XDR_ZDM", "CF_XDR_ZDM"],
                aliases: ["行政相对人代码_3", "行政相对人代码_3(组织机构代码)"])
        case .taxRegistrationNumber:
            return D(
                "税务登记号", .code, codes: ["XK_XDR_SWDJ", "CF_XDR_SWDJ"],
                aliases: ["行政相对人代码_4", "行政相对人代码_4(税务登记号)"])
        case .institutionCertificate:
            return D(
                "事业单位证书号", .code, codes: ["XK_XDR_SYDW", "CF_XDR_SYDW"],
                aliases: ["行政相对人代码_5", "行政相对人代码_5(事业单位证书号)"])
        case .socialOrganizationNumber:
            return D(
                "社会组织登记证号", .code, codes: ["XK_XDR_SHZZ", "CF_XDR_SHZZ"],
                aliases: ["行政相对人代码_6", "行政相对人代码_6(社会组织登记证号)"])
        case .legalRepresentative:
            return D(
                "法定代表人", codes: ["XK_FRDB", "CF_FRDB"], v1: ["XK_FR", "CF_FR"], aliases: ["法定代表人姓名"],
                list: ["法定代表人或者负责人姓名", "法定代表人或负责人"])
        case .legalRepresentativeIDType: return D("法定代表人证件类型", .secret, codes: ["XK_FR_ZJLX", "CF_FR_ZJLX"])
        case .legalRepresentativeIDNumber:
            return D(
                "法定代表人证件号码", .secret, codes: ["XK_FR_ZJHM", "CF_FR_ZJHM", "XK_FR_SFZH", "CF_FR_SFZH"],
                aliases: ["法定代表人身份证号"])
        case .idType: return D("证件类型", .secret, codes: ["XK_XDR_ZJLX", "CF_XDR_ZJLX"], vocabulary: .idDocumentType)
        case .idNumber:
            return D(
                "证件号码", .secret, codes: ["XK_XDR_ZJHM", "CF_XDR_ZJHM"], v1: ["XK_XDR_SFZ", "CF_XDR_SFZ"],
                aliases: ["居民身份证号"])

        case .licenceDocumentName: return D("行政许可决定文书名称", codes: ["XK_XKWS"])
        case .licenceDocumentNumber: return D("行政许可决定文书号", codes: ["XK_WSH"], aliases: ["行政许可决定书文号"])
        // XK_SPLB / 审批类别 is the v1 column: its codes 0–5 are read as the names by TableMapper.
        case .licenceCategory:
            return D("许可类别", codes: ["XK_XKLB"], v1: ["XK_SPLB"], aliases: ["审批类别"], vocabulary: .licenceCategory)
        case .licenceCertificateName: return D("许可证书名称", codes: ["XK_XKZS"])
        case .licenceNumber: return D("许可编号", codes: ["XK_XKBH"])
        case .licenceContent: return D("许可内容", codes: ["XK_NR"])
        case .licenceDate: return D("许可决定日期", .date, codes: ["XK_JDRQ"])
        case .validFrom: return D("有效期自", .date, codes: ["XK_YXQZ"])
        case .validUntil: return D("有效期至", .date, codes: ["XK_YXQZI"], v1: ["XK_JZQ"], aliases: ["许可截止日期", "许可截止期"])
        case .licensingAuthority: return D("许可机关", codes: ["XK_XKJG"], v1: ["XK_XZJG"])
        case .licensingAuthorityCode: return D("许可机关统一社会信用代码", .code, codes: ["XK_XKJGDM"])

        case .penaltyDocumentNumber: return D("行政处罚决定书文号", codes: ["CF_WSH"])
        case .violationType: return D("违法行为类型", codes: ["CF_WFXW"])
        case .violationFacts: return D("违法事实", codes: ["CF_SY"], aliases: ["处罚事由"])
        case .penaltyBasis: return D("处罚依据", codes: ["CF_YJ"])
        case .penaltyKinds: return D("处罚类别", codes: ["CF_CFLB"], v1: ["CF_CFLB1"], aliases: ["处罚类别1"])
        case .penaltyContent: return D("处罚内容", codes: ["CF_NR"], v1: ["CF_JG"], aliases: ["处罚结果"])
        case .fineAmount: return D("罚款金额（万元）", codes: ["CF_NR_FK"], aliases: ["罚款金额"], halfWidth: true)
        case .confiscatedAmount:
            return D(
                "没收违法所得、没收非法财物的金额（万元）", codes: ["CF_NR_WFFF"], aliases: ["没收违法所得、没收非法财物的金额"],
                halfWidth: true)
        case .suspendedLicences: return D("暂扣或吊销证照名称及编号", codes: ["CF_NR_ZKDX"])
        case .penaltyDate: return D("处罚决定日期", .date, codes: ["CF_JDRQ"])
        case .penaltyValidUntil: return D("处罚有效期", .date, codes: ["CF_YXQ"])
        case .publicityEnd: return D("公示截止期", .date, codes: ["CF_GSJZQ"])
        case .penaltyAuthority: return D("处罚机关", codes: ["CF_CFJG"], v1: ["CF_XZJG"])
        case .penaltyAuthorityCode: return D("处罚机关统一社会信用代码", .code, codes: ["CF_CFJGDM"])
        case .severity: return D("失信严重程度", codes: ["CF_YZCD"], v1: ["CF_SXYZCD"], vocabulary: .severity)

        case .listType: return D("名单类型", vocabulary: .listType)
        case .listName: return D("名单名称")
        case .subjectName:
            return D("主体名称", list: ["企业名称", "单位名称", "被执行人名称", "失信被执行人名称", "被执行人姓名/名称"])
        case .subjectCategory: return D("主体类别", vocabulary: .subjectCategory)
        case .listedOn: return D("列入日期", .date)
        case .listingReason: return D("列入事由", list: ["失信被执行人行为具体情形"])
        case .listingAuthority: return D("认定部门")
        case .listingBasis: return D("认定依据")
        case .listingDocument: return D("认定文书号", list: ["认定文号"])
        case .caseNumber: return D("案号", list: ["执行案号"])
        case .enforcementDocument: return D("执行依据文号")
        case .enforcementCourt: return D("执行法院")
        case .courtObligation: return D("生效法律文书确定的义务")
        case .performance: return D("被执行人的履行情况")
        case .removedOn: return D("移出日期", .status, halfWidth: true)
        case .idOrOrganizationCode:
            return D(
                "身份证号码/组织机构代码", .secret,
                list: ["组织机构代码/身份证号码", "证件号码/组织机构代码", "身份证号码/统一社会信用代码", "身份证号/组织机构代码"])
        case .sex: return D("性别", .secret)
        case .age: return D("年龄", .secret)

        case .status: return D("当前状态", .status, codes: ["XK_ZT", "CF_ZT"], vocabulary: .status)
        case .statusDate: return D("状态日期", .status, codes: ["XK_ZTRQ", "CF_ZTRQ"], halfWidth: true)
        case .statusNote: return D("状态说明", .status, codes: ["XK_ZTSM", "CF_ZTSM"])
        case .dataSource:
            return D(
                "数据来源单位", codes: ["XK_LYDW", "XK_SJLY", "CF_SJLY", "CF_LYDW"], aliases: ["数据来源"], list: ["数据来源"])
        case .dataSourceCode:
            return D("数据来源单位统一社会信用代码", .code, codes: ["XK_LYDWDM", "XK_SJLYDM", "CF_SJLYDM", "CF_LYDWDM"])
        case .remarks: return D("备注", codes: ["BZ", "XK_BZ", "CF_BZ"])
        }
    }
}
