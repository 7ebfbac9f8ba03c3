#!/usr/bin/env python3
"""Writes the demo's Excel exports (Python 3 standard library only: zipfile).

  python3 Scripts/make_demo_xlsx.py [--out Content]

  xzxk/2026-11-scjgj-daochu.xlsx   a licensing export as a department's system writes it: national
                                    column names with their code prefix (行政相对人代码_1 (统一社会信用代码)),
                                    the old header 行政许可决定书文号, 许可截止日期, 数据来源, codes in enumerated
                                    columns (行政相对人类别 02 / 04, 许可类别 01 / 05), dates as Excel serial numbers,
                                    shared and inline strings.
  mingdan/2026-11-fayuan.xlsx       a court's 失信被执行人 export: 企业名称, 统一信用代码, 身份证号码/组织机构代码 (an old
                                    enterprise known only by its 组织机构代码, with two cases on one day), 案号, 执行法院, …, and
                                    发布日期 (mapped to 列入日期 by `columns:` in site.yml); 名单类型, 名单名称, 认定部门,
                                    认定依据 and 主体类别 come from the sidecar mingdan/2026-11-fayuan.yml.

Byte-identical on every run (fixed ZIP timestamps and order).
"""
import argparse
import datetime
import os
import sys
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_site import make_uscc, org_check, regno  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STAMP = (1980, 1, 1, 0, 0, 0)


def serial(d):
    """Excel 1900-system serial number of a date."""
    return (d - datetime.date(1899, 12, 30)).days


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def workbook(path, sheet, header, rows):
    """rows: lists of str (shared string), ("inline", str), int/float (number) or None (no cell)."""
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}"><sheetData>']
    for r, cells in enumerate([header] + rows, start=1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(cells):
            ref = f"{col(c)}{r}"
            if v is None:
                continue
            if isinstance(v, tuple):
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v[1])}</t></is></c>')
            elif isinstance(v, (int, float)):
                out.append(f'<c r="{ref}" s="1"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    shared = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{len(strings)}" '
              f'uniqueCount="{len(strings)}">']
    shared += [f"<si><t>{escape(s)}</t></si>" for s in strings]
    shared.append("</sst>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
        f'xmlns:r="{REL}"><workbookPr/><sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": "".join(out),
        "xl/sharedStrings.xml": "".join(shared),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def licensing(out):
    d = datetime.date
    scjgj = ("区市场监管局", "11370306004310380L")
    header = ["行政相对人名称", "行政相对人类别", "行政相对人代码_1 (统一社会信用代码)", "行政相对人代码_2 (工商注册号)",
              "法定代表人", "行政许可决定文书名称", "行政许可决定书文号", "许可类别", "许可证书名称", "许可编号", "许可内容",
              "许可决定日期", "有效期自", "许可截止日期", "许可机关", "许可机关统一社会信用代码", "数据来源",
              "数据来源单位统一社会信用代码"]
    rows = [
        ["淄博周村恒顺餐饮管理有限公司", "02", make_uscc("91370306", "MA3RX7K2"), None, "孔祥瑞", "食品经营许可决定书",
         "周市监食经〔2026〕251号", "01", "食品经营许可证", ("inline", "JY23703060002511"), "热食类食品制售",
         serial(d(2026, 11, 20)), serial(d(2026, 11, 20)), serial(d(2031, 11, 19)), *scjgj, scjgj[0], scjgj[1]],
        ["周村区城北路宏达五金店", "04", make_uscc("92370306", "MA3RX8L5"), regno("37030660023456"), None,
         "个体工商户登记决定书", "周市监个登〔2026〕118号", "05", "营业执照", None, "五金交电零售",
         serial(d(2026, 11, 23)), serial(d(2026, 11, 23)), None, *scjgj, scjgj[0], scjgj[1]],
        ["淄博丝路纺织科技有限公司", "02", make_uscc("91370306", "MA3RX9M8"), None, "田丽华", "药品经营许可决定书",
         "周市监药经〔2026〕37号", "01", "药品经营许可证", ("inline", "鲁AA5330637"), "中成药、化学药制剂零售",
         serial(d(2026, 11, 24)), serial(d(2026, 11, 24)), serial(d(2031, 11, 23)), *scjgj, scjgj[0], scjgj[1]],
    ]
    workbook(os.path.join(out, "xzxk", "2026-11-scjgj-daochu.xlsx"), "许可信息", header, rows)


def court_list(out):
    d = datetime.date
    header = ["企业名称", "统一信用代码", "身份证号码/组织机构代码", "法定代表人", "案号", "执行法院", "执行依据文号",
              "生效法律文书确定的义务", "被执行人的履行情况", "失信行为", "发布日期", "有效期至"]
    rows = [
        ["淄博鑫瑞建材有限公司", make_uscc("91370306", "MA3RXAN1"), None, "韩永军", "（2026）鲁0306执1187号", "周村区人民法院",
         "（2025）鲁0306民初3342号", "支付货款人民币十二万元及利息", "全部未履行", "有履行能力而拒不履行生效法律文书确定义务",
         serial(d(2026, 11, 20)), serial(d(2028, 11, 19))],
        ["淄博周村永泰物流有限公司", make_uscc("91370306", "MA3RXBP4"), None, "邢志刚", "（2026）鲁0306执1203号", "周村区人民法院",
         "（2026）鲁0306民初512号", "支付运输费人民币四万三千元", "部分未履行", "违反财产报告制度",
         serial(d(2026, 11, 23)), serial(d(2028, 11, 22))],
        # An old enterprise known only by its 组织机构代码, with two cases listed on one day.
        ["淄博周村兴隆机械厂", None, "16508273-" + org_check("16508273"), "孟兴隆", "（2026）鲁0306执1211号",
         "周村区人民法院", "（2026）鲁0306民初640号", "支付加工款人民币六万元", "全部未履行", "违反限制消费令",
         serial(d(2026, 11, 23)), serial(d(2028, 11, 22))],
        ["淄博周村兴隆机械厂", None, "16508273-" + org_check("16508273"), "孟兴隆", "（2026）鲁0306执1212号",
         "周村区人民法院", "（2026）鲁0306民初655号", "支付货款人民币二万五千元", "部分未履行", "有履行能力而拒不履行生效法律文书确定义务",
         serial(d(2026, 11, 23)), serial(d(2028, 11, 22))],
    ]
    workbook(os.path.join(out, "mingdan", "2026-11-fayuan.xlsx"), "失信被执行人", header, rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Content"))
    args = ap.parse_args()
    licensing(args.out)
    court_list(args.out)


if __name__ == "__main__":
    main()
