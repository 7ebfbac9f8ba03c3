#!/usr/bin/env python3
"""Deterministic generator of Gongshi site data (Python 3.11, standard library only).

  python3 Scripts/generate_site.py --demo --out Content
      (re)writes the demo site 信用周村: site.yml, departments.csv, xzxk/, xzcf/, mingdan/ and ledger.csv, and
      copies memoranda.csv and calendar/*.yml from --shared (default <repo>/../shared/data; else the copies in
      <repo>/Content, so that a clone anywhere can make a site). Never touches
      Content/xinwen/ or Content/pages/.
  python3 Scripts/generate_site.py --records N --out DIR/Content [--seed S]
      a synthetic site of N records (60 % xzxk, 40 % xzcf, plus N/20 list entries) for benchmarks.

Same arguments, byte-identical files: all randomness comes from random.Random streams seeded from --seed, one per
month of each kind, so a large site is made by parallel processes with the same result as by one. The demo's build
date is 2026-11-25; ledger.csv records what the public site showed up to 2026-11-24 (SPEC §1.9, §7), with
the 摘要 the Swift build computes (digest() below).

Planted situations in the demo (background records carry no status and no natural persons; the summary
printed at the end gives the file and row of each):
  1. natural persons (自然人) in xzxk (zrzyfj) and xzcf (jtysj, sthjfj, cgj) with valid ID numbers, one (cgj)
     with a wrong check character (invalid-id-number); two 自然人 on 失信被执行人. Never in the ledger.
  2. 个体工商户: many with a 92… code; one (scjgj 食品经营许可) with 00000000000000000X and a 工商注册号.
  3. revoked (撤销 + 状态日期 + 状态说明), both kinds: withdrawn long ago (ledger 撤回 1–2 working days after),
     one withdrawn late (6 working days after), two revoked on 2026-11-20 and not yet withdrawn.
  4. under objection (异议, 状态日期 in Nov 2026): two penalties and one 安全生产严重失信主体 entry; the objection of
     2026-11-10 is more than 7 working days old on the build date (objection-overdue).
  5. repaired (修复 + 状态日期): two penalties, withdrawn in the ledger on their 状态日期; a third repaired before
     the 3 months of a 一般 penalty (early-repair).
  6. expired publicity: 一般 penalties of 2025 past 12 months (natural); one penalty whose explicit 公示截止期
     has passed; one 轻微 penalty published because it has an explicit 公示截止期; short licences past 有效期至.
  7. late disclosure: four records first published 8–15 working days after the decision.
  8. red/black conflict: two companies on an active black list (失信被执行人, 重大税收违法失信主体) and listed
     later on a red list (守合同重信用企业, 纳税信用A级纳税人): the red entries are never public.
  9. personal data in free text: a mobile number in 违法事实, a valid ID number in 备注.
 10. a 违法事实 holding an ASCII comma and a line break (one quoted field over two physical lines).
Also (SPEC §8.1): a 警告-only penalty with no 失信严重程度 (inferred 轻微: never published); a penalty 确认无效
(its withdrawal notice names it); a 环境违法失信企业 entry whose 有效期至 is more than 60 months after 列入日期
(shown only up to the cap, publicity-too-long).
Also: exactly one list entry cites a 文号 missing from memoranda.csv (人社部规〔2017〕16号); some records of
2026-11-16..18 are not yet published on 2026-11-25 (due-soon); sthjfj's files are GB18030, rsj's carry a
UTF-8 BOM and YYYY/M/D dates, jtysj's xzxk files name their columns by national code (XK_…).
"""
import argparse
import bisect
import contextlib
import csv
import hashlib
import itertools
import multiprocessing
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from types import SimpleNamespace

BUILD, CUTOFF, FIRST = date(2026, 11, 25), date(2026, 11, 24), date(2025, 1, 1)   # CUTOFF: last ledger day
MONTHS = {"轻微": 0, "一般": 12, "严重": 36}                                          # site.yml publicity
MAX_MONTHS = {"轻微": 3, "一般": 12, "严重": 36}      # NDRC Order 36: an explicit 公示截止期 is cut to these
WITHDRAWALS = {"撤销", "变更", "确认违法", "确认无效"}  # 行政处罚法 Art.48: each becomes a withdrawal notice
SERIOUS_KINDS = ("吊销许可证件", "吊销营业执照", "责令停产停业", "责令关闭", "限制从业", "降低资质等级")


def inferred_severity(kinds):
    """失信严重程度 of a penalty that leaves it empty (SPEC §8.1), from its 处罚类别."""
    ks = [k for k in re.split("[；;、,，/ ]", kinds) if k]
    if any(s in k for k in ks for s in SERIOUS_KINDS):
        return "严重"
    return "轻微" if ks and all(k in ("警告", "通报批评") for k in ks) else "一般"

# ------------------------------------------------------------------ codes (GB 32100, GB 11714, GB 11643)
ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
AVAL = {c: i for i, c in enumerate(ALPHA)}
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
OW = [3, 7, 9, 10, 5, 8, 4, 2]
IW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


OVAL = {c: int(c, 36) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}    # 组织机构代码 values: A=10 … Z=35


def org_check(body):
    c = 11 - sum(map(int.__mul__, map(OVAL.__getitem__, body), OW)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def make_uscc(prefix8, body8):
    s17 = prefix8 + body8 + org_check(body8)
    return s17 + ALPHA[-sum(map(int.__mul__, map(AVAL.__getitem__, s17), UW)) % 31]


def valid_uscc(s):
    return (len(s) == 18 and all(c in AVAL for c in s) and s[2:8].isdigit()
            and org_check(s[8:16]) == s[16] and make_uscc(s[:8], s[8:16]) == s)


def id_check(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, IW)) % 11]


def valid_id(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17].upper()


def regno(d14):
    """A 15-digit 工商注册号: 14 digits and their ISO 7064 MOD 11,10 check digit."""
    p = 10
    for ch in d14:
        p = ((p + int(ch)) % 10 or 10) * 2 % 11
    return d14 + str((11 - p) % 10)


def b31(v, n):
    return "".join(ALPHA[v // 31 ** k % 31] for k in reversed(range(n)))


# ------------------------------------------------------------------ dates and working days
def add_months(d, m):
    y, mo = divmod(d.month - 1 + m, 12)
    y, mo = d.year + y, mo + 1
    nxt = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
    return date(y, mo, min(d.day, (nxt - timedelta(1)).day))


def cn(d):
    return f"{d.year}年{d.month}月{d.day}日"


class Calendar:
    """Working days from calendar/YYYY.yml (SPEC §1.4), read by a tiny hand parser."""

    def __init__(self, folder):
        hol, work, years, section = set(), set(), set(), None
        for f in sorted(Path(folder).glob("*.yml")):
            for line in f.read_text(encoding="utf-8-sig").splitlines():
                s = line.split("#", 1)[0].strip()
                if s.startswith("year:"):
                    years.add(int(s[5:]))
                elif s in ("holidays:", "workdays:"):
                    section = hol if s == "holidays:" else work
                elif s.startswith("- ") and section is not None:
                    a, _, b = s[2:].strip().partition("..")
                    d, e = date.fromisoformat(a), date.fromisoformat(b or a)
                    while d <= e:
                        section.add(d)
                        d += timedelta(1)
        if not {2025, 2026} <= years:
            sys.exit(f"{folder}: calendar files for 2025 and 2026 are needed")
        d, self.wd = date(min(years), 1, 1), []
        while d.year <= max(years):
            if d in work or (d.weekday() < 5 and d not in hol):
                self.wd.append(d.toordinal())
            d += timedelta(1)
        self.wdset = set(self.wd)

    def is_wd(self, d):
        return d.toordinal() in self.wdset

    def add(self, d, k):
        """The k-th working day after d (d itself is not counted)."""
        i = bisect.bisect_right(self.wd, d.toordinal()) + k - 1
        return date.fromordinal(self.wd[i]) if i < len(self.wd) else date.max

    def snap(self, s):
        d = date.fromisoformat(s)
        return d if self.is_wd(d) else self.add(d, 1)


# ------------------------------------------------------------------ departments and entities
DEPTS = [("fgj", "区发改局"), ("scjgj", "区市场监管局"), ("swj", "区税务局"), ("fy", "区法院"), ("yjglj", "区应急管理局"),
         ("sthjfj", "区生态环境分局"), ("zjj", "区住建局"), ("rsj", "区人社局"), ("jtysj", "区交通运输局"),
         ("sfj", "区司法局"), ("wjj", "区卫生健康局"), ("jtj", "区教体局"), ("nyncj", "区农业农村局"), ("swuj", "区商务局"),
         ("mzj", "区民政局"), ("wlj", "区文旅局"), ("zrzyfj", "区自然资源分局"), ("cgj", "区城管局"), ("ybj", "区医保局"),
         ("czj", "区财政局"), ("slj", "区水利局")]
DNAME = dict(DEPTS)
DUSCC = {c: make_uscc("11370306", f"0043{1001 + 37 * k:04d}") for k, (c, _) in enumerate(DEPTS)}
ENCODING = {"sthjfj": "gb18030", "rsj": "utf-8-sig"}      # an Excel export; a BOM
SLASH_DATES, CODE_HEADERS = {"rsj"}, {"jtysj"}            # YYYY/M/D dates; xzxk headers by national code

TOWNS = ["丝绸路街道", "大街街道", "青年路街道", "永安街道", "城北路街道", "北郊镇", "南郊镇", "王村镇", "萌水镇", "商家镇"]
TCH = list(dict.fromkeys("鑫源华泰德润恒通盛兴宏达金瑞丰利嘉和隆昌祥福永信诚佳晟锦正阳光明辉凯博远航天海宇中汇成元鼎新"
                         "旺荣安康顺益泓弘骏腾致卓越立邦融创汉唐宁铭聚合美亿星晨峰川景齐鲁森林春翔鹏豪威力联科环万方圆"
                         "厚朴欣悦茂毅展誉蓝青云丽富宝乾坤璟瀚沃尚品优赢鸿"))
TRADES = [a + b for a in TCH for b in TCH if a != b]      # trade names: ordered pairs of distinct characters
NT = len(TRADES)
SUR = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎毕"
GIV = ("建国 伟 芳 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 志强 海燕 建华 玉兰 红 国强 立新 德胜 "
       "凤英 文博 浩然 晓东 春梅 永刚 振华 俊峰 丽娜 建军 金凤 志刚 淑珍 庆华 广明").split()
IND_NAMES = ("FOOD CANYIN JIANCAI FANGZHI WULIU JIANZHU HUAGONG YILIAO SHANGMAO HEZUOSHE JIAOYU YUNSHU JIXIE CHAOSHI "
             "FANGDICHAN WENLV NENGYUAN YANGLAO TAOCI WUJIN").split()
IND = {n: i for i, n in enumerate(IND_NAMES)}
INDUSTRIES = [  # by IND_NAMES: USCC prefix, name patterns ({t} trade name, {l} town), 行业类别 (排污许可)
    ("91", ["淄博周村{t}食品有限公司", "山东{t}食品科技有限公司", "淄博{t}食品有限公司"], "焙烤食品制造"),
    ("92", ["周村区{l}{t}餐饮店", "周村区{l}{t}小吃部"], "餐饮业"),
    ("92", ["周村区{l}{t}建材商行"], "建材批发"),
    ("91", ["山东{t}纺织科技有限公司", "淄博周村{t}丝绸有限公司", "淄博{t}纺织有限公司"], "棉纺织及印染精加工"),
    ("91", ["淄博{t}物流有限公司", "淄博周村{t}货运有限公司"], "道路货物运输"),
    ("91", ["淄博{t}建筑工程有限公司", "山东{t}建设集团有限公司", "淄博周村{t}建筑安装有限公司"], "房屋建筑业"),
    ("91", ["淄博{t}化工有限公司", "山东{t}新材料有限公司"], "化学原料和化学制品制造业"),
    ("91", ["淄博周村{t}医院有限公司", "周村{t}口腔门诊部有限公司"], "卫生"),
    ("91", ["淄博{t}商贸有限公司", "淄博周村{t}贸易有限公司"], "批发业"),
    ("93", ["淄博市周村区{l}{t}种植专业合作社", "淄博市周村区{l}{t}养殖专业合作社"], "农业"),
    ("52", ["周村区{t}培训学校", "淄博市周村区{t}幼儿园"], "教育"),
    ("91", ["淄博周村{t}运输有限公司", "淄博{t}汽车运输有限公司"], "道路货物运输"),
    ("91", ["淄博{t}机械制造有限公司", "山东{t}机械有限公司"], "通用设备制造业"),
    ("92", ["周村区{l}{t}超市", "周村区{l}{t}副食店"], "零售业"),
    ("91", ["淄博{t}置业有限公司", "淄博周村{t}房地产开发有限公司"], "房地产业"),
    ("91", ["淄博周村{t}文化传媒有限公司", "周村{t}酒店管理有限公司", "淄博{t}娱乐有限公司"], "娱乐业"),
    ("91", ["淄博{t}能源有限公司", "淄博周村{t}石油销售有限公司"], "机动车燃油零售"),
    ("52", ["周村区{t}养老服务中心", "周村区{t}康养中心"], "社会工作"),
    ("91", ["淄博{t}陶瓷有限公司", "山东{t}耐火材料有限公司"], "陶瓷制品制造"),
    ("92", ["周村区{l}{t}五金店", "周村区{l}{t}汽修部"], "零售业"),
]
NIND = len(INDUSTRIES)
COMPANIES = [i for i, x in enumerate(INDUSTRIES) if x[0] == "91"]
ORG, GETI, NAT = "法人及非法人组织", "个体工商户", "自然人"


@lru_cache(maxsize=1 << 16)
def entity(i):
    """Entity number i -> (name, 类别, USCC, 工商注册号, 法定代表人, 证件类型, 证件号码, industry), derived
    arithmetically so that a million-record site needs no entity table in memory. i = q * NIND + industry."""
    ind, q = i % NIND, i // NIND
    pre, pats, _ = INDUSTRIES[ind]
    locs = TOWNS[5:] if pre == "93" else TOWNS if "{l}" in pats[0] else [""]
    cap = NT * len(pats) * len(locs)
    x = (q * 1000003 + ind * 7919) % cap              # a bijection of q on [0, cap): names stay unique
    name = pats[x // NT % len(pats)].format(t=TRADES[x % NT], l=locs[x // NT // len(pats)])
    if q >= cap:
        name += f"第{q // cap + 1}分公司" if pre == "91" else f"（{q // cap + 1}店）"
    if pre == "52":
        body = "MJ" + b31((i * 7919 + 4242) % 31 ** 6, 6)
    elif pre == "91" and i % 5 == 0:                  # an older, all-digit 组织机构代码
        body = f"{(i * 7919 + 16430152) % 10 ** 8:08d}"
    else:
        body = "MA3" + b31((i * 7919 + 1234) % 31 ** 5, 5)
    rep = "" if pre == "92" else SUR[(i * 7 + 3) % len(SUR)] + GIV[(i * 13 + 5) % len(GIV)]
    return name, GETI if pre == "92" else ORG, make_uscc(pre + "370306", body), "", rep, "", "", ind


def person(j, bad=False):
    """Natural person j, with a GB 11643 ID number (bad: a wrong check character)."""
    s17 = f"370306{date(1960, 1, 1) + timedelta((j * 7919 + 1234) % 14600):%Y%m%d}{(j * 37 + 11) % 1000:03d}"
    c = id_check(s17)
    c = ("0" if c != "0" else "1") if bad else c
    return SUR[(j * 11 + 2) % len(SUR)] + GIV[(j * 17 + 9) % len(GIV)], NAT, "", "", "", "身份证", s17 + c, None


GETIHU0 = ("周村区大街老周家烧饼铺", GETI, "00000000000000000X", regno("37030660012345"), "", "", "", IND["FOOD"])

# ------------------------------------------------------------------ record templates
FILL = {  # placeholders of the templates, drawn only when used
    "dc": lambda r, d: cn(d - timedelta(r.randint(5, 60))),
    "pm": lambda r, d: (lambda p: f"{p.year}年{p.month}月")(d.replace(day=1) - timedelta(1)),
    "q": lambda r, d: r.randint(2, 30), "v": lambda r, d: r.randint(300, 90000), "g": lambda r, d: r.randint(50, 3000),
    "a": lambda r, d: r.randint(800, 30000), "a2": lambda r, d: r.randint(20, 600),
    "x": lambda r, d: f"{r.randint(2, 35) / 10:.1f}", "loc": lambda r, d: r.choice(TOWNS),
    "proj": lambda r, d: r.choice(["丝绸路街道棚户区改造安置房", "周村古商城游客服务中心", "北郊镇中心幼儿园",
                                   "王村镇污水处理厂提标改造", "正阳路小学教学楼", "周村经济开发区标准化厂房"]),
    "road": lambda r, d: r.choice(["正阳路", "丝绸路", "新建中路", "太和路", "周隆路", "东门路", "大街"]),
    "food": lambda r, d: r.choice(["周村烧饼", "麻花", "桃酥", "速冻水饺", "酱油", "火腿肠", "月饼", "挂面"]),
    "tax": lambda r, d: r.choice(["增值税", "企业所得税", "个人所得税", "印花税", "城镇土地使用税"]),
    "hz": lambda r, d: r.choice(["配电箱未接地", "消防通道堵塞", "有限空间作业未审批", "危险化学品存放不规范"]),
    "plate": lambda r, d: "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5)),
}


class Num(dict):
    """Placeholders of document numbers: {n} the serial, {m4} its last 4 digits, {yy}, {ymd}, {c} a check digit."""

    def __missing__(self, key):
        n = self["n"]
        return (f"{n % 10 ** int(key[1]):0{key[1]}d}" if key[0] == "m" else n % 10 if key == "c"
                else f"{self['y'] % 100:02d}" if key == "yy" else f"{self['d']:%Y%m%d}")


class Ctx(dict):
    def __init__(self, rng, d, **kw):
        super().__init__(**kw)
        self.rng, self.d = rng, d

    def __missing__(self, key):
        v = self[key] = FILL[key](self.rng, self.d)
        return v


# 行政许可: dept id weight(+nat: also for natural persons) validity-years 许可类别 | 文书名称 | 文书号 | 许可证书名称 |
# 许可编号 | industries (CO = all companies) | 许可内容 (alternatives split by " / "). {n} is the serial, {m4}… its digits.
XK_TABLE = """
scjgj fsp 6 5 普通 | 食品经营许可决定书 | 周市监食经〔{y}〕{n}号 | 食品经营许可证 | JY2370306{m6}{c} | FOOD CANYIN CHAOSHI | 预包装食品（含冷藏冷冻食品）销售；散装食品（不含冷藏冷冻食品）销售 / 热食类食品制售；冷食类食品制售 / 热食类食品制售；糕点类食品（含裱花蛋糕）制售
scjgj fsc 2 5 普通 | 食品生产许可决定书 | 周市监食生〔{y}〕{n}号 | 食品生产许可证 | SC1063703060{m4} | FOOD | 食品类别：糕点（烘烤类糕点：周村烧饼） / 食品类别：速冻食品（速冻面米食品） / 食品类别：调味品（酱油、食醋）
scjgj ftz 2 0 登记 | 特种设备使用登记决定书 | 周市监特登〔{y}〕{n}号 | 特种设备使用登记证 | 梯11鲁C{m5}（{yy}） | SHANGMAO FANGDICHAN JIXIE HUAGONG WENLV | 曳引驱动乘客电梯使用登记 / 固定式压力容器使用登记
scjgj jc 0.5 6 认可 | 检验检测机构资质认定决定书 | 周市监认〔{y}〕{n}号 | 检验检测机构资质认定证书 | {yy}1515{m6} | JIANZHU HUAGONG | 资质认定：建筑材料及工程质量检验检测
zjj sg 3 0 普通 | 建筑工程施工许可决定书 | 周住建施许〔{y}〕{n}号 | 建筑工程施工许可证 | 370306-{ymd}-{m4} | JIANZHU FANGDICHAN | {proj}工程，建筑面积{a}平方米
zjj ys 1 0 普通 | 商品房预售许可决定书 | 周住建预售〔{y}〕{n}号 | 商品房预售许可证 | 周房预售证第{y}{m3}号 | FANGDICHAN | {e}开发的住宅小区{q}号楼，预售面积{a}平方米
sthjfj pw 3 5 普通 | 排污许可证核发决定书 | 周环排许〔{y}〕{n}号 | 排污许可证 | {u}001P | HUAGONG TAOCI FANGZHI FOOD JIXIE | 行业类别：{hy}；主要污染物类别：废气、废水
sthjfj hp 2 5 普通 | 建设项目环境影响报告表审批决定书 | 周环审〔{y}〕{n}号 | - | - | HUAGONG TAOCI JIXIE FANGZHI | 同意{e}技术改造项目按照环境影响报告表所列性质、规模和环境保护措施进行建设
yjglj wh 3 3 普通 | 危险化学品经营许可决定书 | 周应急危化许〔{y}〕{n}号 | 危险化学品经营许可证 | 鲁淄周危化经字〔{y}〕{m6} | HUAGONG NENGYUAN SHANGMAO | 许可范围：汽油、柴油（闭杯闪点≤60℃）（不带储存设施经营） / 许可范围：盐酸、硫酸、氢氧化钠（不带储存设施经营）
yjglj yh 2 1 普通 | 烟花爆竹经营（零售）许可决定书 | 周应急烟爆许〔{y}〕{n}号 | 烟花爆竹经营（零售）许可证 | （鲁）YH零〔{y}〕{m6} | CHAOSHI | 许可范围：烟花爆竹零售（C级、D级）
jtysj dy 4 4 普通 | 道路运输经营许可决定书 | 周交运许〔{y}〕{n}号 | 道路运输经营许可证 | 鲁交运管许可淄字370306{m6}号 | WULIU YUNSHU | 经营范围：道路普通货物运输 / 经营范围：道路普通货物运输；货物专用运输（集装箱） / 经营范围：道路危险货物运输（2类1项、3类）
wjj gc 3 4 普通 | 公共场所卫生许可决定书 | 周卫公许〔{y}〕{n}号 | 公共场所卫生许可证 | 周卫公字〔{y}〕第{m4}号 | WENLV YANGLAO | 许可项目：住宿业 / 许可项目：美容美发 / 许可项目：游泳场所 / 许可项目：歌舞厅
wjj yl 2 5 普通 | 医疗机构执业许可决定书 | 周卫医许〔{y}〕{n}号 | 医疗机构执业许可证 | PDY{m5}-370306-17A1002 | YILIAO | 诊疗科目：内科；外科；口腔科；医学检验科 / 诊疗科目：口腔科；医学影像科
rsj lw 2 3 普通 | 劳务派遣经营许可决定书 | 周人社派许〔{y}〕{n}号 | 劳务派遣经营许可证 | 370306{y}{m4} | SHANGMAO WULIU JIANZHU | 劳务派遣业务
rsj rl 1 5 普通 | 人力资源服务许可决定书 | 周人社人服许〔{y}〕{n}号 | 人力资源服务许可证 | （鲁）人服证字〔{y}〕第0306{m4}号 | SHANGMAO | 职业介绍；人才推荐；人员培训
jtj mb 1 5 普通 | 民办学校办学许可决定书 | 周教体许〔{y}〕{n}号 | 中华人民共和国民办学校办学许可证 | 教民137030670{m4}号 | JIAOYU | 办学内容：文化艺术类培训 / 办学内容：学前教育 / 办学内容：体育类培训
nyncj ny 2 5 普通 | 农药经营许可决定书 | 周农许〔{y}〕{n}号 | 农药经营许可证 | 农药经许（鲁）37030{m5} | HEZUOSHE SHANGMAO | 经营范围：农药（不含限制使用农药）
nyncj zz 1 5 普通 | 农作物种子生产经营许可决定书 | 周农种许〔{y}〕{n}号 | 农作物种子生产经营许可证 | D（鲁淄周）农种许字（{y}）第{m4}号 | HEZUOSHE | 生产经营范围：小麦、玉米常规种子
swuj wm 2 0 登记 | 对外贸易经营者备案登记 | 周商备〔{y}〕{n}号 | 对外贸易经营者备案登记表 | 0{m6} | FANGZHI TAOCI JIXIE HUAGONG | 对外贸易经营者备案登记
swuj cp 1 5 特许 | 成品油零售经营资格审批决定书 | 周商油许〔{y}〕{n}号 | 成品油零售经营批准证书 | 油零售证书第37030{m4}号 | NENGYUAN | 成品油零售经营：汽油、柴油
wlj yl 1 2 普通 | 娱乐场所经营许可决定书 | 周文旅娱许〔{y}〕{n}号 | 娱乐经营许可证 | 370306{m6}0001 | WENLV | 经营范围：歌舞娱乐场所 / 经营范围：游艺娱乐场所
zrzyfj gh 2 0 普通 | 建设工程规划许可决定书 | 周自然规许〔{y}〕{n}号 | 建设工程规划许可证 | 建字第370306{y}{m5}号 | FANGDICHAN JIANZHU | {proj}，总建筑面积{a}平方米
zrzyfj xc 0+nat 0 普通 | 乡村建设规划许可决定书 | 周自然乡许〔{y}〕{n}号 | 乡村建设规划许可证 | 乡字第370306{y}{m5}号 | - | 农村村民住宅建设，{loc}，建筑面积{a2}平方米
cgj gg 2 1 普通 | 户外广告设施设置许可决定书 | 周城管广许〔{y}〕{n}号 | - | - | SHANGMAO CANYIN FOOD WENLV | 在{road}设置户外广告设施，面积{a2}平方米
cgj lj 1 1 核准 | 城市建筑垃圾处置核准决定书 | 周城管垃核〔{y}〕{n}号 | 建筑垃圾处置核准证 | 周建垃准{y}{m4} | JIANZHU YUNSHU | 准予运输处置建筑垃圾，消纳场所：北郊镇建筑垃圾消纳场
swj fp 1 0 普通 | 准予税务行政许可决定书 | 周税税许〔{y}〕{n}号 | - | - | CO | 增值税专用发票（增值税税控系统）最高开票限额审批：最高开票限额十万元 / 增值税专用发票（增值税税控系统）最高开票限额审批：最高开票限额一百万元
mzj mf 1 5 登记 | 民办非企业单位登记决定书 | 周民登〔{y}〕{n}号 | 民办非企业单位登记证书 | 民非登字第{m4}号 | JIAOYU YANGLAO | 成立登记 / 变更登记（住所）
czj dz 1 0 普通 | 代理记账许可决定书 | 周财会许〔{y}〕{n}号 | 代理记账许可证书 | DLJZ370306{y}{m4} | SHANGMAO | 代理记账业务
fgj hz 1 2 核准 | 企业投资项目核准批复 | 周发改核准〔{y}〕{n}号 | - | - | HUAGONG NENGYUAN JIXIE FANGZHI TAOCI | 核准{e}技术改造项目，总投资{a}万元
fgj jn 1 0 其他 | 固定资产投资项目节能审查意见 | 周发改能审〔{y}〕{n}号 | - | - | HUAGONG JIXIE TAOCI | {e}技术改造项目节能审查，年综合能源消费量{a}吨标准煤（当量值）
slj qs 1 5 普通 | 取水许可决定书 | 周水许〔{y}〕{n}号 | 取水许可证 | 取水（鲁淄周）字〔{y}〕第{m4}号 | FOOD HUAGONG FANGZHI HEZUOSHE | 取水地点：{loc}；取水方式：地下水；年取水量{x}万立方米
"""
# 行政处罚: dept id weight(+nat) severity(heavy: often 严重, light: often 轻微) | 违法行为类型 | 处罚依据 |
# 处罚类别 (alternatives) | 罚款 choices in 元 | industries | 违法事实 (alternatives)
CF_TABLE = """
scjgj gq 4 - | 经营超过保质期的食品 | 《中华人民共和国食品安全法》第一百二十四条第一款第（二）项 | 罚款；没收违法所得 / 罚款 | 5000 10000 20000 50000 | FOOD CANYIN CHAOSHI | 当事人于{dc}在其经营场所销售超过保质期的{food}{q}袋，货值金额{v}元，违法所得{g}元。 / 经执法人员现场检查，当事人于{dc}经营超过保质期的{food}{q}件，货值金额{v}元。
scjgj jk 3 - | 安排未取得健康证明的人员从事接触直接入口食品的工作 | 《中华人民共和国食品安全法》第一百二十六条第一款第（六）项 | 警告 / 警告；罚款 | 5000 10000 | CANYIN FOOD CHAOSHI | 当事人于{dc}安排{q}名未取得健康证明的人员从事接触直接入口食品的工作。
scjgj bz 2 heavy | 生产不符合食品安全标准的食品 | 《中华人民共和国食品安全法》第一百二十四条第一款第（一）项 | 罚款；没收违法所得 | 50000 100000 150000 | FOOD | 当事人于{dc}生产的{food}经抽样检验，菌落总数项目不符合食品安全国家标准，涉案货值金额{v}元。
scjgj gg 1 - | 发布虚假广告 | 《中华人民共和国广告法》第五十五条第一款 | 罚款 | 20000 30000 50000 | SHANGMAO YILIAO WENLV | 当事人于{dc}通过其微信公众号发布含有虚假内容的广告，广告费用{v}元。
scjgj jg 2 - | 不按规定明码标价 | 《中华人民共和国价格法》第四十二条 | 警告 / 罚款 | 2000 5000 | CHAOSHI CANYIN WUJIN JIANCAI | 当事人于{dc}在其经营场所销售商品未按规定明码标价。
swj yq 4 light | 未按照规定期限办理纳税申报和报送纳税资料 | 《中华人民共和国税收征收管理法》第六十二条 | 罚款 | 200 500 1000 2000 | CO CANYIN CHAOSHI | 当事人未按照规定期限办理{tax}纳税申报（所属期{pm}）。
swj ts 1 heavy | 偷税 | 《中华人民共和国税收征收管理法》第六十三条第一款 | 罚款 | 50000 100000 300000 | CO | 当事人通过在账簿上多列支出、少列收入的手段，少缴{tax}{v}元。
swj fp 2 - | 未按规定开具发票 | 《中华人民共和国发票管理办法》第三十五条第（一）项 | 罚款 | 1000 2000 5000 | CO JIANCAI WUJIN | 当事人于{dc}销售商品未按规定开具发票，涉及金额{v}元。
yjglj px 3 - | 未按照规定对从业人员进行安全生产教育和培训 | 《中华人民共和国安全生产法》第九十七条第（三）项 | 罚款 | 10000 20000 30000 | HUAGONG JIXIE TAOCI FANGZHI JIANZHU | 经现场检查，当事人于{dc}未按照规定对{q}名从业人员进行安全生产教育和培训。
yjglj yh 2 heavy | 未采取措施消除事故隐患 | 《中华人民共和国安全生产法》第一百零二条 | 罚款；责令停产停业整顿 | 50000 100000 | HUAGONG JIXIE TAOCI FANGZHI JIANZHU | 当事人对{dc}检查发现的{hz}等事故隐患未采取措施消除。
yjglj bz 2 - | 未在有较大危险因素的生产经营场所设置明显的安全警示标志 | 《中华人民共和国安全生产法》第九十九条第（一）项 | 警告；罚款 | 10000 20000 | HUAGONG TAOCI NENGYUAN | 当事人于{dc}未在其危险化学品储存区域设置明显的安全警示标志。
sthjfj dq 3 heavy | 超过大气污染物排放标准排放大气污染物 | 《中华人民共和国大气污染防治法》第九十九条第（二）项 | 罚款 | 100000 200000 300000 | HUAGONG TAOCI JIXIE | 经监测，当事人于{dc}排放的废气中颗粒物浓度超过排放标准{x}倍。
sthjfj yc 2 - | 未采取有效措施防治扬尘污染 | 《中华人民共和国大气污染防治法》第一百一十五条第一款 | 罚款 | 10000 30000 50000 | JIANZHU FANGDICHAN | 当事人于{dc}在{proj}施工工地未采取覆盖、围挡等有效措施防治扬尘污染。
sthjfj hp 1 - | 建设项目未依法进行环境影响评价擅自开工建设 | 《中华人民共和国环境影响评价法》第三十一条第一款 | 罚款 | 50000 100000 | HUAGONG TAOCI FANGZHI FOOD | 当事人扩建生产线项目未依法报批环境影响报告表，于{dc}擅自开工建设。
sthjfj wf 1 - | 未按照规定贮存危险废物 | 《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项 | 罚款 | 100000 200000 | HUAGONG JIXIE | 当事人于{dc}将废矿物油等危险废物露天堆放，未采取防渗漏措施。
sthjfj fs 0+nat - | 露天焚烧秸秆 | 《中华人民共和国大气污染防治法》第一百一十九条第一款 | 罚款 | 500 1000 | - | 当事人于{dc}在{loc}露天焚烧秸秆，产生烟尘污染。
zjj wz 2 - | 未取得施工许可证擅自施工 | 《中华人民共和国建筑法》第六十四条；《建筑工程施工许可管理办法》第十二条 | 罚款 | 10000 20000 50000 | JIANZHU FANGDICHAN | 当事人承建的{proj}项目于{dc}未取得施工许可证擅自施工。
zjj aq 1 - | 施工现场安全防护措施不符合规定 | 《建设工程安全生产管理条例》第六十二条第（四）项 | 罚款 | 20000 50000 | JIANZHU | 当事人于{dc}在{proj}施工现场未按规定设置临边防护设施。
jtysj fy 2+nat - | 未取得道路运输经营许可，擅自从事道路普通货物运输经营 | 《中华人民共和国道路运输条例》第六十三条 | 罚款；没收违法所得 | 10000 20000 30000 | WULIU YUNSHU JIANCAI | 当事人于{dc}驾驶鲁C{plate}号货车，未取得道路运输经营许可擅自从事道路普通货物运输经营。
jtysj cx 2 - | 超限运输车辆擅自行驶公路 | 《公路安全保护条例》第六十四条 | 罚款 | 3000 5000 10000 | WULIU YUNSHU | 当事人所属鲁C{plate}号货车于{dc}在309国道周村段超限运输，车货总重超过限定标准。
jtysj zk 1 - | 道路危险货物运输企业未配备专职安全管理人员 | 《道路危险货物运输管理规定》第六十六条 | 罚款；暂扣许可证件 | 20000 30000 | WULIU YUNSHU | 当事人于{dc}从事道路危险货物运输经营，未按规定配备专职安全管理人员。
wjj jk 2 - | 公共场所从业人员未获得有效健康合格证明上岗 | 《公共场所卫生管理条例实施细则》第三十八条 | 警告 / 警告；罚款 | 500 1000 2000 | WENLV YANGLAO | 当事人于{dc}安排{q}名未获得有效健康合格证明的从业人员直接为顾客服务。
wjj fw 2 - | 使用非卫生技术人员从事医疗卫生技术工作 | 《医疗机构管理条例》第四十七条 | 罚款 | 10000 30000 | YILIAO | 当事人于{dc}使用{q}名非卫生技术人员从事医疗卫生技术工作。
rsj qx 3 - | 无故拖欠劳动者工资报酬 | 《劳动保障监察条例》第二十六条 | 罚款 | 5000 10000 20000 | JIANZHU FANGZHI JIXIE WULIU | 当事人无故拖欠{q}名劳动者{pm}工资共计{v}元，经责令限期支付逾期未支付。
rsj mc 2 - | 未按规定建立职工名册 | 《中华人民共和国劳动合同法实施条例》第三十三条 | 警告 / 罚款 | 2000 5000 | SHANGMAO FANGZHI JIXIE | 当事人于{dc}未按照规定建立职工名册。
cgj gg 2 - | 擅自设置户外广告设施 | 《城市市容和环境卫生管理条例》第三十六条 | 罚款 | 500 1000 2000 | SHANGMAO CANYIN CHAOSHI WUJIN | 当事人于{dc}未经批准在{road}擅自设置户外广告牌{q}块。
cgj sl 2 - | 运输建筑垃圾沿途丢弃、遗撒 | 《城市建筑垃圾管理规定》第二十三条 | 罚款 | 5000 10000 | YUNSHU JIANZHU WULIU | 当事人所属鲁C{plate}号车辆于{dc}在{road}运输建筑垃圾沿途遗撒。
cgj zd 1+nat - | 占用城市道路摆摊经营 | 《城市市容和环境卫生管理条例》第三十六条 | 罚款 | 200 500 | CANYIN | 当事人于{dc}在{road}占用城市道路摆摊经营，经责令改正拒不改正。
nyncj jn 1 - | 经营假农药 | 《农药管理条例》第五十五条第一款第（二）项 | 罚款；没收违法所得 | 5000 10000 | HEZUOSHE SHANGMAO WUJIN | 当事人于{dc}经营的农药经抽样检验，有效成分含量不符合产品质量标准，货值金额{v}元。
ybj fj 1 - | 定点医疗机构分解住院、挂床住院 | 《医疗保障基金使用监督管理条例》第三十八条第（一）项 | 罚款 | 20000 50000 | YILIAO | 当事人通过分解住院方式造成医疗保障基金损失{v}元，于{dc}被查实。
wlj mb 1 - | 娱乐场所未按规定建立从业人员名簿、营业日志 | 《娱乐场所管理条例》第五十条 | 警告 / 警告；罚款 | 1000 5000 | WENLV | 当事人于{dc}未按照规定建立从业人员名簿和营业日志。
zrzyfj zd 1 - | 未经批准非法占用土地 | 《中华人民共和国土地管理法》第七十七条第一款 | 罚款；没收在非法占用的土地上新建的建筑物和其他设施 | 20000 50000 | JIXIE HUAGONG TAOCI | 当事人于{dc}未经批准占用{loc}集体土地{a2}平方米建设厂房。
"""
CF_WH = {"scjgj": "周市监处罚〔{y}〕{n}号", "swj": "周税罚〔{y}〕{n}号", "yjglj": "（周）应急罚〔{y}〕{n}号",
         "sthjfj": "周环罚〔{y}〕{n}号", "zjj": "周住建罚〔{y}〕{n}号", "jtysj": "周交运罚〔{y}〕{n}号", "wjj": "周卫罚〔{y}〕{n}号",
         "rsj": "周人社监罚〔{y}〕{n}号", "cgj": "周综执罚〔{y}〕{n}号", "nyncj": "周农罚〔{y}〕{n}号",
         "ybj": "周医保罚〔{y}〕{n}号", "wlj": "周文旅罚〔{y}〕{n}号", "zrzyfj": "周自然罚〔{y}〕{n}号"}
XK_W = {"scjgj": 30, "zjj": 8, "sthjfj": 8, "yjglj": 6, "jtysj": 7, "wjj": 7, "rsj": 5, "jtj": 3, "nyncj": 4, "swuj": 3,
        "wlj": 3, "zrzyfj": 3, "cgj": 4, "swj": 5, "mzj": 2, "czj": 2, "fgj": 3, "slj": 2}    # records per department
CF_W = {"scjgj": 28, "swj": 12, "yjglj": 9, "sthjfj": 9, "zjj": 5, "jtysj": 8, "wjj": 5, "rsj": 6, "cgj": 6, "nyncj": 3,
        "ybj": 2, "wlj": 2, "zrzyfj": 2}


def industries(s):
    return [i for n in s.split() if n != "-" for i in (COMPANIES if n == "CO" else [IND[n]])]


def load_table(text, fields):
    out = {}
    for line in text.strip().splitlines():
        head, *cols = [c.strip() for c in line.split("|")]
        dept, tid, w, extra, *lb = head.split()
        t = dict(zip(fields, cols), id=tid, w=float(w.split("+")[0]), nat=w.endswith("+nat"), extra=extra, lb=lb)
        t["ind"] = industries(t["ind"])
        out.setdefault(dept, []).append(t)
    return out


XK = load_table(XK_TABLE, ["ws", "wh", "zs", "bh", "ind", "nr"])
CF = load_table(CF_TABLE, ["wx", "yj", "cats", "fines", "ind", "sy"])
for _t in (t for ts in XK.values() for t in ts):
    _t.update(yrs=int(_t["extra"]), lb=_t["lb"][0], zs="" if _t["zs"] == "-" else _t["zs"],
              bh="" if _t["bh"] == "-" else _t["bh"], nr=_t["nr"].split(" / "))
for _t in (t for ts in CF.values() for t in ts):
    _t.update(cats=_t["cats"].split(" / "), fines=[int(x) for x in _t["fines"].split()], sy=_t["sy"].split(" / "))

# ------------------------------------------------------------------ columns and the ledger digest (摘要)
XK_H = ("行政相对人名称,行政相对人类别,统一社会信用代码,工商注册号,法定代表人,证件类型,证件号码,行政许可决定文书名称,行政许可决定文书号,"
        "许可类别,许可证书名称,许可编号,许可内容,许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码,当前状态,状态日期,"
        "状态说明,数据来源单位,数据来源单位统一社会信用代码,备注").split(",")
XK_CODES = ("XK_XDR_MC,XK_XDR_LB,XK_XDR_SHXYM,XK_XDR_GSZC,XK_FRDB,XK_XDR_ZJLX,XK_XDR_ZJHM,XK_XKWS,XK_WSH,XK_XKLB,XK_XKZS,"
            "XK_XKBH,XK_NR,XK_JDRQ,XK_YXQZ,XK_YXQZI,XK_XKJG,XK_XKJGDM,XK_ZT,状态日期,状态说明,XK_LYDW,XK_LYDWDM,BZ").split(",")
CF_H = ("行政相对人名称,行政相对人类别,统一社会信用代码,工商注册号,法定代表人,证件类型,证件号码,行政处罚决定书文号,违法行为类型,违法事实,"
        "处罚依据,处罚类别,处罚内容,罚款金额（万元）,没收违法所得、没收非法财物的金额（万元）,暂扣或吊销证照名称及编号,处罚决定日期,"
        "处罚有效期,公示截止期,处罚机关,处罚机关统一社会信用代码,失信严重程度,当前状态,状态日期,状态说明,数据来源单位,"
        "数据来源单位统一社会信用代码,备注").split(",")
MD_H = ("名单类型,名单名称,主体名称,主体类别,统一社会信用代码,法定代表人,列入日期,列入事由,认定部门,认定依据,有效期至,移出日期,"
        "当前状态,状态日期,状态说明").split(",")
HEAD = {"xzxk": XK_H, "xzcf": CF_H, "mingdan": MD_H}
DATE_COLS = {k: [HEAD[k].index(h) for h in hs] for k, hs in
             {"xzxk": ("许可决定日期", "有效期自", "有效期至", "状态日期"), "xzcf": ("处罚决定日期", "处罚有效期", "公示截止期", "状态日期")}.items()}
AUTH, DOCNO, STATUS = {"xzxk": 16, "xzcf": 19}, {"xzxk": 8, "xzcf": 7}, {"xzxk": 18, "xzcf": 22}
IDENT = "行政相对人名称,行政相对人类别,统一社会信用代码,工商注册号,组织机构代码,税务登记号,事业单位证书号,社会组织登记证号,法定代表人,"
PUBLISHED = {  # the published fields, in digest order (证件, 状态 and 移出 fields are not part of it)
    "xzxk": (IDENT + "行政许可决定文书名称,行政许可决定文书号,许可类别,许可证书名称,许可编号,许可内容,许可决定日期,有效期自,有效期至,"
             "许可机关,许可机关统一社会信用代码,数据来源单位,数据来源单位统一社会信用代码,备注").split(","),
    "xzcf": (IDENT + "行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,"
             "没收违法所得、没收非法财物的金额（万元）,暂扣或吊销证照名称及编号,处罚决定日期,处罚有效期,公示截止期,处罚机关,"
             "处罚机关统一社会信用代码,失信严重程度,数据来源单位,数据来源单位统一社会信用代码,备注").split(","),
    "mingdan": "名单类型,名单名称,主体名称,主体类别,统一社会信用代码,法定代表人,列入日期,列入事由,认定部门,认定依据,有效期至".split(","),
}
USCC_F = {"统一社会信用代码", "许可机关统一社会信用代码", "处罚机关统一社会信用代码", "数据来源单位统一社会信用代码"}
CODE_F = {"工商注册号", "组织机构代码", "税务登记号", "事业单位证书号", "社会组织登记证号"}
DATE_F = {"许可决定日期", "有效期自", "有效期至", "处罚决定日期", "处罚有效期", "公示截止期", "列入日期"}
DIGEST = {}   # kind -> (labels, column indexes, positions of USCC, date and free-text fields, of 失信严重程度)
for _k, _fs in PUBLISHED.items():
    _fs = [f for f in _fs if f in HEAD[_k]]
    _pos = lambda test: [j for j, f in enumerate(_fs) if test(f)]
    DIGEST[_k] = ([f + "\t" for f in _fs], [HEAD[_k].index(f) for f in _fs], _pos(USCC_F.__contains__), _pos(DATE_F.__contains__),
                  _pos(lambda f: f not in USCC_F | CODE_F | DATE_F), _fs.index("失信严重程度") if "失信严重程度" in _fs else None)
CAPPED = {k: (DIGEST[k][0].index(end + "\t"), DIGEST[k][0].index(start + "\t")) for k, end, start in
          (("xzcf", "公示截止期", "处罚决定日期"), ("mingdan", "有效期至", "列入日期"))}
ID_RE = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
MOBILE_RE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
DATE_RE = re.compile(r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})")
HAS11 = re.compile("[0-9]{11}").search


def mask(v):
    """Free-text masking: valid 18-digit ID numbers first, then mobile numbers."""
    v = ID_RE.sub(lambda m: m[0][:6] + "********" + m[0][-4:] if valid_id(m[0]) else m[0], v)
    return MOBILE_RE.sub(lambda m: m[0][:3] + "****" + m[0][-4:], v)


def norm_date(v):
    if len(v) == 10 and v[4] == "-" and v[7] == "-":
        return v
    m = DATE_RE.match(v)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else v


def digest(kind, row):
    """摘要: first 16 hex chars of SHA-256 over 'label\\tvalue\\n' of the published non-empty fields, values trimmed,
    codes upper-cased, dates as YYYY-MM-DD, an empty 失信严重程度 inferred from 处罚类别, free text masked."""
    labels, idx, upper, dates, text, sev = DIGEST[kind]
    v = [row[i].strip() for i in idx]
    for j in upper:
        v[j] = v[j].upper()
    for j in dates:
        v[j] = norm_date(v[j]) if v[j] else ""
    if sev is not None and not v[sev]:
        v[sev] = inferred_severity(row[HEAD[kind].index("处罚类别")].strip())
    cap = CAPPED.get(kind)                  # an end beyond the legal maximum is published as the maximum
    if cap and v[cap[0]]:
        start = date.fromisoformat(v[cap[1]])
        limit = add_months(start, 60 if kind == "mingdan" else MAX_MONTHS[v[sev]])
        if (kind != "mingdan" or v[0] == "黑名单") and date.fromisoformat(v[cap[0]]) > limit:
            v[cap[0]] = limit.isoformat()
    if HAS11("\x00".join([v[j] for j in text])):
        for j in text:
            v[j] = mask(v[j]) if HAS11(v[j]) else v[j]
    return hashlib.sha256("".join([lb + x + "\n" for lb, x in zip(labels, v) if x]).encode()).hexdigest()[:16]


class Events:
    """Ledger rows of one unit of work, as tab-separated lines: date, type order, key, event, digest."""
    TYPES = ["xzxk", "xzcf", "mingdan"]

    def __init__(self):
        self.lines, self.counts = [], Counter()

    def add(self, d, event, kind, key, dig, why=""):
        if d is not None and d <= CUTOFF:
            self.lines.append(f"{d.isoformat()}\t{self.TYPES.index(kind)}\t{key}\t{event}\t{dig}\n")
            self.counts[f"{kind} {event}{why}"] += 1


class Ledger:
    """ledger.csv: rows spilled to one temporary file per month, then sorted month by month (bounded memory)."""

    def __init__(self, folder):
        self.dir = Path(tempfile.mkdtemp(prefix=".ledger-", dir=folder))
        self.files, self.counts = {}, Counter()

    def spill(self, events):
        for line in events.lines:
            f = self.files.get(line[:7]) or self.files.setdefault(line[:7], open(self.dir / line[:7], "w", encoding="utf-8"))
            f.write(line)
        self.counts += events.counts

    def finish(self, path):
        try:
            with open(path, "w", encoding="utf-8", newline="") as out:
                w = csv.writer(out, lineterminator="\n")
                w.writerow(["日期", "事件", "类型", "记录键", "摘要"])
                for ym in sorted(self.files):
                    self.files[ym].close()
                    with open(self.dir / ym, encoding="utf-8") as f:
                        lines = f.read().splitlines()
                    lines.sort()                            # = by date, type, key, event: fields hold no char < TAB
                    w.writerows((r[0], r[3], Events.TYPES[int(r[1])], r[2], r[4]) for r in map(str.split, lines, repeat("\t")))
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


# ------------------------------------------------------------------ records
class Rec:
    __slots__ = ("d", "row", "tpl", "nat", "end", "status", "s", "note", "k", "wd_k", "no_wd", "tag")

    def __init__(self, d, row, tpl, nat, end):
        self.d, self.row, self.tpl, self.nat, self.end = d, row, tpl, nat, end    # end: last public day or None
        self.status = self.s = self.note = self.k = self.tag = None
        self.wd_k, self.no_wd = 1, False


def money(y):
    return f"{y / 10000:g}万元" if y >= 10000 and y % 1000 == 0 else f"{y}元"


def wan(y):
    return f"{y / 10000:.4f}".rstrip("0").rstrip(".") if y else ""


def make_xk(rng, dept, d, tpl, ent, ok_status):
    to = add_months(d, 12 * tpl["yrs"]) - timedelta(1) if tpl["yrs"] else None
    nr = rng.choice(tpl["nr"]).format_map(Ctx(rng, d, e=ent[0], hy="" if ent[7] is None else INDUSTRIES[ent[7]][2]))
    row = [*ent[:7], tpl["ws"], "", tpl["lb"], tpl["zs"], "", nr, d.isoformat(), d.isoformat(), to.isoformat() if to else "",
           DNAME[dept], DUSCC[dept], ok_status if rng.random() < 0.3 else "", "", "", DNAME[dept], DUSCC[dept], ""]
    return Rec(d, row, tpl, ent[1] == NAT, to)


def make_cf(rng, dept, d, tpl, ent, sev=None, gsjz=None):
    cat = rng.choice(tpl["cats"])
    fine = rng.choice(tpl["fines"]) if "罚款" in cat else 0
    conf = rng.choice([200, 380, 560, 1200, 3000, 6800]) if "没收违法所得" in cat else 0
    zk = yxq = ""
    parts = {"罚款": f"罚款人民币{money(fine)}", "没收违法所得": f"没收违法所得人民币{money(conf)}", "暂扣许可证件": "暂扣道路运输经营许可证三个月"}
    if "暂扣" in cat:
        zk = f"道路运输经营许可证（鲁交运管许可淄字370306{rng.randint(1, 999999):06d}号）"
        yxq = (add_months(d, 3) - timedelta(1)).isoformat()
    if sev is None:
        r = rng.random()
        sev = (("轻微" if r < 0.4 else "一般") if cat == "警告" else ("严重" if r < 0.45 else "一般") if tpl["extra"] == "heavy"
               else ("轻微" if r < 0.3 else "一般") if tpl["extra"] == "light" else "轻微" if r < 0.03 else "严重" if r > 0.92 else "一般")
    written = "" if sev == "一般" and rng.random() < 0.05 and inferred_severity(cat) == "一般" else sev  # empty: inferred
    sy = rng.choice(tpl["sy"]).format_map(Ctx(rng, d, e=ent[0]))
    row = [*ent[:7], "", tpl["wx"], sy, tpl["yj"], cat, "；".join(parts.get(c, c) for c in cat.split("；")), wan(fine),
           wan(conf), zk, d.isoformat(), yxq, gsjz.isoformat() if gsjz else "", DNAME[dept], DUSCC[dept], written,
           "正常" if rng.random() < 0.3 else "", "", "", DNAME[dept], DUSCC[dept],
           "当事人已按期缴纳罚款" if fine and rng.random() < 0.06 else ""]
    return Rec(d, row, tpl, ent[1] == NAT, min(gsjz, add_months(d, MAX_MONTHS[sev])) if gsjz else add_months(d, MONTHS[sev]))


NOTES = {"撤销": {"xzxk": ["申请人以欺骗手段取得行政许可，依法予以撤销", "行政机关违反法定程序作出准予行政许可决定，依法撤销"],
                "xzcf": ["经行政复议撤销原处罚决定", "经行政诉讼判决撤销原处罚决定", "原决定认定事实不清，依法自行撤销"]},
         "异议": {"xzxk": ["当事人提出异议，信息核实中"], "xzcf": ["当事人对处罚信息提出异议，信息核实中"]},
         "修复": {"xzcf": ["已完成信用修复，提前终止公示"]}}
KS = [1] * 30 + [2] * 25 + [3] * 18 + [4] * 12 + [5] * 7 + [6] * 5 + [7] * 3     # working days to first publication


class Rng(random.Random):
    """random.Random whose choice() and randint() draw one random() each: faster, and still deterministic."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


class Generator:
    """Makes records. One instance per unit of work (one kind and month, or the lists) with its own random stream,
    so that the files do not depend on how many processes run the units."""

    def __init__(self, site, rng):
        self.site, self.cal, self.rng, self.demo, self.Q = site, site.cal, rng, site.demo, site.Q
        self.events, self.counters, self.tags, self.stats, self.pools = Events(), {}, {}, Counter(), {}

    def pick(self, seq):
        return self.rng.choice(seq)

    def serial(self, dept, fmt, base):
        """Document serials grow with the date, with gaps, per department and document kind; base is 3 times the
        number of the department's records earlier in the year, so months made apart never collide."""
        n = self.counters.get((dept, fmt), base) + self.rng.randint(1, 3)
        self.counters[(dept, fmt)] = n
        return n

    def gen_month(self, kind, y, m, counts, bases):
        _, _, wds, off = next(x for x in self.site.months if x[:2] == (y, m))
        planted = [p for p in self.site.planted.get(kind, []) if (p["d"].year, p["d"].month) == (y, m)]
        for dept in sorted(set(counts) | {p["dept"] for p in planted}):
            recs = [self.background(kind, dept, self.pick(wds) if not off or self.rng.random() > 0.02 else self.pick(off))
                    for _ in range(counts.get(dept, 0))]
            recs += [self.planted_rec(kind, p) for p in planted if p["dept"] == dept]
            recs.sort(key=lambda r: r.d)
            self.write_chunk(kind, dept, f"{y}-{m:02d}-{dept}.csv", recs, bases.get(dept, 0))

    def background(self, kind, dept, d):
        rng, tpls = self.rng, (XK if kind == "xzxk" else CF)[dept]
        nat = not self.demo and any(t["nat"] for t in tpls) and rng.random() < 0.15
        if (kind, dept, nat) not in self.pools:
            pool = [t for t in tpls if (t["nat"] if nat else t["w"])]
            self.pools[(kind, dept, nat)] = pool, list(itertools.accumulate(t["w"] or 1 for t in pool))
        pool, cum = self.pools[(kind, dept, nat)]
        tpl = pool[bisect.bisect(cum, rng.random() * cum[-1])]
        ent = person(rng.randint(0, 10 ** 6)) if nat else \
            entity(int(self.Q * rng.random() ** 1.3) * NIND + self.pick(tpl["ind"]))     # some entities are busier
        if kind == "xzxk":
            rec = make_xk(rng, dept, d, tpl, ent, "0" if dept in CODE_HEADERS else "正常")
        else:
            gsjz = None if rng.random() > 0.02 else add_months(d, rng.choice([3, 6, 12]))     # explicit 公示截止期
            rec = make_cf(rng, dept, d, tpl, ent, gsjz=gsjz)
        if not self.demo:                             # random statuses and late publications
            r = rng.random()
            rec.status = ("撤销" if r < 0.003 else "异议" if r < 0.006 else "修复" if r < 0.011 and kind == "xzcf" else None)
            rec.k = rng.randint(8, 15) if rng.random() < 0.02 else None
        elif date(2026, 11, 16) <= d <= date(2026, 11, 18):
            rec.k = 7                                  # published at its deadline, after 2026-11-24: due soon
        return rec

    def planted_rec(self, kind, s):
        e = s["ent"]
        ent = GETIHU0 if e[0] == "getihu0" else person(e[1], len(e) > 2) if e[0] == "person" else entity(e[2] * NIND + e[1])
        tpl = next(t for t in (XK if kind == "xzxk" else CF)[s["dept"]] if t["id"] == s["tpl"])
        rec = make_xk(self.rng, s["dept"], s["d"], tpl, ent, "正常") if kind == "xzxk" else \
            make_cf(self.rng, s["dept"], s["d"], tpl, ent, s.get("sev", "一般"), s.get("gsjz"))
        for f, v in s.get("fields", {}).items():
            rec.row[HEAD[kind].index(f)] = v
        rec.tag, rec.k = s["tag"], s.get("k")
        if "status" in s:
            rec.status, rec.s, rec.note, rec.wd_k, rec.no_wd = s["status"], s["s"], s["note"], s.get("wd_k", 1), s.get("no_wd", False)
        return rec

    def window(self, kind, rec):
        """(first publication, (withdrawal, reason)) of a licence or penalty; first publication None if never public."""
        p = None if rec.nat else self.cal.add(rec.d, rec.k or self.pick(KS))
        if p is None or (rec.end is not None and p > rec.end):
            rec.status = rec.status if rec.s else None
            return None, (None, "")
        if rec.status and rec.s is None:               # a random status of the scaled site, after publication
            rec.s, rec.wd_k = self.cal.add(p, self.rng.randint(5, 120)), self.rng.randint(1, 3)
            if rec.s > CUTOFF or (rec.end and rec.s >= rec.end):
                rec.status = rec.s = None
            else:
                rec.note = self.rng.choice(NOTES[rec.status][kind])
        w, why = (rec.end + timedelta(1), "到期") if rec.end else (None, "")
        if rec.status == "修复" and (w is None or rec.s < w):
            w, why = rec.s, "修复"
        if rec.status in WITHDRAWALS and not rec.no_wd and (w is None or self.cal.add(rec.s, rec.wd_k) < w):
            w, why = self.cal.add(rec.s, rec.wd_k), "撤销"
        if rec.status:
            assert rec.s > p, (rec.tag, rec.s, p)
            rec.row[STATUS[kind]:STATUS[kind] + 3] = [rec.status, rec.s.isoformat(), rec.note]
        return p, (w, why)

    def write_chunk(self, kind, dept, name, recs, base):
        rows = []
        for r in recs:
            fmt = r.tpl["wh"] if kind == "xzxk" else CF_WH[dept]
            n = self.serial(dept, fmt, base)
            num = Num(y=r.d.year, n=n, u=r.row[2], d=r.d)
            r.row[DOCNO[kind]] = fmt.format_map(num)
            if kind == "xzxk":
                r.row[11] = r.tpl["bh"].format_map(num)
            p, (w, why) = self.window(kind, r)
            row = r.row
            if dept in SLASH_DATES:
                row = [f"{int(v[:4])}/{int(v[5:7])}/{int(v[8:10])}" if i in DATE_COLS[kind] and v else v for i, v in enumerate(row)]
            if p and p <= CUTOFF:
                key, dig = f"{kind}:{row[AUTH[kind]].strip()}:{row[DOCNO[kind]].strip()}", digest(kind, row)
                self.events.add(p, "公示", kind, key, dig)
                self.events.add(w, "撤回", kind, key, dig, f"({why})")
            self.count(kind, r, p)
            rows.append(row)
            if r.tag:
                self.tags[r.tag] = (f"{self.site.out.name}/{kind}/{name}", len(rows) + 1)
        header = XK_CODES if kind == "xzxk" and dept in CODE_HEADERS else HEAD[kind]
        write_csv(self.site.out / kind / name, header, rows, ENCODING.get(dept, "utf-8"))

    def count(self, kind, r, p):
        s = self.stats
        s[kind] += 1
        s[f"{kind} {r.row[1]}"] += 1
        if r.status:
            s[f"{kind} {r.status}"] += 1
        if r.row[2] == "00000000000000000X":
            s[f"{kind} 无代码个体工商户"] += 1
        if p and p > CUTOFF and (r.end is None or r.end >= BUILD):
            s[f"{kind} 待公示且临近期限(due-soon)"] += BUILD <= self.cal.add(r.d, 7) <= self.cal.add(BUILD, 2)
        if r.k and r.k > 7 and p and p <= CUTOFF:
            s[f"{kind} 迟延公示(late-disclosure)"] += 1

    def gen_lists(self, total, memo):
        rng, cal, made, seen, conflicts = self.rng, self.cal, {}, set(), []
        for L in sorted(LISTS, key=lambda L: L["type"] != "黑名单"):   # black first: conflicts are planted on red
            off = 2 if L["type"] == "黑名单" else 0    # red entities have q % 4 == 0, black q % 4 == 2: disjoint
            cand = (self.Q - off + 3) // 4 * len(L["ind"])
            made[L["slug"]] = []
            for idx, pick in enumerate(rng.sample(range(cand), min(cand, max(1, round(total * L["n"] / 84))))):
                force = FORCE.get(L["slug"]) if idx == 0 else None
                if force and "red" in force:            # a red-list candidate must be a company
                    pick += L["ind"].index(COMPANIES[pick % len(COMPANIES)]) - pick % len(L["ind"])
                nat = L["slug"] == "shixin-beizhixing" and idx % 8 == 3
                ent = person(10 ** 6 + rng.randint(0, 10 ** 6)) if nat else \
                    entity((4 * (pick // len(L["ind"])) + off) * NIND + L["ind"][pick % len(L["ind"])])
                ld = cal.snap(force["d"]) if force and "d" in force else cal.snap(rng.choice(L["batch"])) if L["batch"] else None
                while ld is None or (L["name"], ent[2] or ent[0], ld) in seen:
                    _, _, wds, _ = self.pick(self.site.months)
                    ld = self.pick(wds)
                seen.add((L["name"], ent[2] or ent[0], ld))
                e = self.entry(L, ent, ld, memo, nat)
                if force:
                    e.update(tag=force["tag"], removed=False)
                    for f, v in force.get("fields", {}).items():
                        e["row"][MD_H.index(f)] = v
                    if "status" in force:
                        e["row"][12:15] = [force["status"], force["s"], force["note"]]
                    if "red" in force:
                        conflicts.append((ent, force))
                made[L["slug"]].append(e)
        for ent, force in conflicts:                    # the same company, later, on a red list: never public
            slug, d = force["red"]
            e = self.entry(LBY[slug], ent, cal.snap(d), memo, False, tag=force["tag"] + "（红名单）", withheld=True)
            made[slug].append(dict(e, removed=False))
        for L in LISTS:
            rows = []
            for e in sorted(made[L["slug"]], key=lambda e: e["d"]):
                row, to, p = e["row"], e["to"], cal.add(e["d"], rng.randint(1, 3))
                w, why = (to + timedelta(1), "到期") if to else (None, "")
                if e["removed"]:
                    r = cal.add(p, rng.randint(20, 200))
                    if r <= CUTOFF and (to is None or r <= to):
                        row[11:15] = [r.isoformat(), "移出", r.isoformat(), rng.choice(L["rmnote"])]
                        w, why = r, "移出"
                if not (e["nat"] or e["withheld"]) and p <= CUTOFF and (to is None or p <= to):
                    key, dig = f"mingdan:{row[1].strip()}:{(row[4] or row[2]).strip()}:{row[6]}", digest("mingdan", row)
                    self.events.add(p, "公示", "mingdan", key, dig)
                    self.events.add(w, "撤回", "mingdan", key, dig, f"({why})")
                for k in ("mingdan", f"mingdan {L['type']}", f"mingdan {row[3]}", f"mingdan {row[12]}"):
                    self.stats[k] += 1
                rows.append(row)
                if e["tag"]:
                    self.tags[e["tag"]] = (f"{self.site.out.name}/mingdan/{L['slug']}.csv", len(rows) + 1)
            write_csv(self.site.out / "mingdan" / f"{L['slug']}.csv", MD_H, rows, "utf-8")

    def entry(self, L, ent, ld, memo, nat, tag=None, withheld=False):
        to = add_months(ld, 12 * L["yrs"]) - timedelta(1) if L["yrs"] else None
        reason = L["reason"].format_map(Ctx(self.rng, ld, y=ld.year - 1, n=self.rng.randint(100, 2999)))
        row = [L["type"], L["name"], ent[0], ent[1], ent[2], ent[4], ld.isoformat(), reason, DNAME[L["dept"]],
               L["basis"].format(memo.get(L["memo"], "")), to.isoformat() if to else "", "", "正常", "", ""]
        return dict(d=ld, row=row, to=to, nat=nat, tag=tag, withheld=withheld, removed=self.rng.random() < L["rm"])


# slug type 认定部门 demo-size validity-years removed-share | 名单名称 | memoranda.csv 文件名称 keyword (-: none) |
# 认定依据 ({} = the memorandum's 文号) | 列入事由 | industries | batch dates (-: any working day) | 移出说明 alternatives
LIST_TABLE = """
nashui-a 红名单 swj 16 1 0.05 | 纳税信用A级纳税人 | 纳税信用A级 | {}；《纳税信用管理办法》 | {y}年度纳税信用评价为A级 | CO | 2025-04-15 2026-04-14 | 经复评不再符合A级条件，予以移出
shouhetong-zhongxinyong 红名单 scjgj 12 2 0.05 | 守合同重信用企业 | - | 《山东省守合同重信用企业公示管理办法》 | 被公示为{y}年度山东省守合同重信用企业 | CO | 2025-06-17 2026-06-16 | 发生严重违法失信行为，撤销公示
chengxin-shifan 红名单 fgj 8 2 0.05 | 诚信示范企业 | - | 《周村区诚信示范企业评选办法》 | 被评为周村区{y}年度诚信示范企业 | CO HEZUOSHE | 2025-01-21 2026-01-20 | 经复核不再符合条件，撤销称号
shixin-beizhixing 黑名单 fy 16 2 0.2 | 失信被执行人 | 失信被执行人实施联合惩戒措施 | {}；《最高人民法院关于公布失信被执行人名单信息的若干规定》 | 有履行能力而拒不履行生效法律文书确定的义务；执行案号（{y}）鲁0306执{n}号 | CO CANYIN JIANCAI CHAOSHI | - | 已履行生效法律文书确定的义务，依法删除失信信息 / 双方达成执行和解并已履行完毕
zhongda-shuishou 黑名单 swj 8 3 0.15 | 重大税收违法失信主体 | 重大税收违法案件 | {}；《重大税收违法失信主体信息公布管理办法》 | 虚开增值税专用发票，涉案税款{n}万元 | CO | - | 已缴清税款、滞纳金和罚款，经申请提前停止公布
anquan-shengchan 黑名单 yjglj 8 1 0.15 | 安全生产严重失信主体 | 安全生产领域 | {}；《安全生产严重失信主体名单管理办法》 | 发生一般生产安全责任事故，造成{q}人受伤 | HUAGONG JIXIE TAOCI FANGZHI JIANZHU | - | 已完成整改并通过信用修复，提前移出
tuoqian-gongzi 黑名单 rsj 8 1 0.15 | 拖欠农民工工资失信联合惩戒对象 | - | 《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》 | 拖欠{q}名农民工工资共计{v}元，经责令限期支付仍未支付 | JIANZHU FANGDICHAN FANGZHI | - | 已足额支付拖欠工资，依法移出
huanjing-shixin 黑名单 sthjfj 8 2 0.15 | 环境违法失信企业 | 环境保护领域 | {}；《企业环境信用评价办法（试行）》 | 篡改、伪造自动监测数据，被依法查处 | HUAGONG TAOCI JIXIE | - | 已完成整改并通过信用修复，提前移出
"""
LISTS = []
for _line in LIST_TABLE.strip().splitlines():
    _h, _name, _memo, _basis, _reason, _ind, _batch, _rm = [c.strip() for c in _line.split("|")]
    _slug, _type, _dept, _n, _yrs, _rmshare = _h.split()
    LISTS.append(dict(slug=_slug, type=_type, dept=_dept, n=int(_n), yrs=int(_yrs), rm=float(_rmshare), name=_name,
                      memo=_memo.strip("-"), basis=_basis, reason=_reason, ind=industries(_ind),
                      batch=_batch.split() if _batch != "-" else None, rmnote=_rm.split(" / ")))
LBY = {L["slug"]: L for L in LISTS}
FORCE = {  # the first entry of these lists is planted
    "shixin-beizhixing": dict(d="2026-03-10", tag="红黑冲突-1", red=("shouhetong-zhongxinyong", "2026-06-16")),
    "zhongda-shuishou": dict(d="2025-12-16", tag="红黑冲突-2", red=("nashui-a", "2026-04-14")),
    "anquan-shengchan": dict(d="2026-05-12", tag="异议-黑名单", status="异议", s="2026-11-23",
                             note="当事人对列入名单提出异议，信息核实期间暂停公示"),
    "huanjing-shixin": dict(d="2026-02-10", tag="黑名单-有效期超过五年", fields={"有效期至": "2032-02-09"}),
    "tuoqian-gongzi": dict(tag="未知备忘录文号", fields={"认定依据": "人社部规〔2017〕16号；《拖欠农民工工资“黑名单”管理暂行办法》"}),
}
MEMO_FALLBACK = {"纳税信用A级": "发改财金〔2016〕1467号", "失信被执行人实施联合惩戒措施": "发改财金〔2016〕141号",
                 "重大税收违法案件": "发改财金〔2016〕2798号", "安全生产领域": "发改财金〔2016〕1001号", "环境保护领域": "发改财金〔2016〕1580号"}


def read_memo(path):
    """文号 of the memoranda the lists cite, looked up by a keyword of 文件名称."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return {kw: next((r["文号"].strip() for r in rows if kw in r["文件名称"] and r["文号"].strip()), fb)
            for kw, fb in MEMO_FALLBACK.items()}


# ------------------------------------------------------------------ the demo's planted records
_ID = (lambda s: s + id_check(s))("37030619850712001")
PLANTED = [  # tag, kind, department, decision date (moved to a working day), template, entity, extras
    ("自然人-许可", "xzxk", "zrzyfj", "2026-05-12", "xc", ("person", 0), {}),
    ("自然人-许可-2", "xzxk", "zrzyfj", "2025-09-16", "xc", ("person", 1), {}),
    ("自然人-处罚", "xzcf", "jtysj", "2026-07-08", "fy", ("person", 2), {}),
    ("自然人-处罚-GB18030", "xzcf", "sthjfj", "2026-04-21", "fs", ("person", 3), {}),
    ("自然人-证件号码无效", "xzcf", "cgj", "2026-10-13", "zd", ("person", 4, "bad"), {}),
    ("个体工商户-无代码", "xzxk", "scjgj", "2026-09-15", "fsp", ("getihu0",), {}),
    ("撤销-许可-已撤回", "xzxk", "scjgj", "2025-11-18", "fsp", ("org", IND["CANYIN"], 3),
     dict(status="撤销", s="2026-03-16", note=NOTES["撤销"]["xzxk"][0], wd_k=2)),
    ("撤销-许可-未撤回", "xzxk", "zjj", "2026-09-08", "sg", ("org", IND["JIANZHU"], 5),
     dict(status="撤销", s="2026-11-20", note="建设单位申请撤回，经审查依法撤销", no_wd=True)),
    ("撤销-处罚-已撤回", "xzcf", "scjgj", "2025-12-09", "gq", ("org", IND["FOOD"], 7),
     dict(status="撤销", s="2026-04-14", note="经行政复议撤销原处罚决定", wd_k=1)),
    ("撤销-处罚-撤回迟延", "xzcf", "yjglj", "2026-05-19", "px", ("org", IND["HUAGONG"], 9),
     dict(status="撤销", s="2026-08-11", note="经行政诉讼判决撤销原处罚决定", wd_k=6)),
    ("撤销-处罚-未撤回", "xzcf", "swj", "2026-06-16", "fp", ("org", IND["SHANGMAO"], 11),
     dict(status="撤销", s="2026-11-20", note="经行政复议撤销原处罚决定", no_wd=True)),
    ("异议-处罚-1", "xzcf", "sthjfj", "2026-08-25", "yc", ("org", IND["JIANZHU"], 13),
     dict(status="异议", s="2026-11-10", note=NOTES["异议"]["xzcf"][0])),
    ("异议-处罚-2", "xzcf", "scjgj", "2026-04-08", "bz", ("org", IND["FOOD"], 1),
     dict(sev="严重", status="异议", s="2026-11-18", note=NOTES["异议"]["xzcf"][0])),
    ("修复-处罚-1", "xzcf", "scjgj", "2026-01-13", "gq", ("org", IND["CHAOSHI"], 15),
     dict(status="修复", s="2026-06-15", note=NOTES["修复"]["xzcf"][0])),
    ("修复-处罚-2", "xzcf", "swj", "2025-03-18", "ts", ("org", IND["HUAGONG"], 17),
     dict(sev="严重", status="修复", s="2026-09-21", note=NOTES["修复"]["xzcf"][0])),
    ("警告-不公示", "xzcf", "scjgj", "2026-10-14", "jg", ("org", IND["WUJIN"], 23), dict(sev="轻微", fields={
        "处罚类别": "警告", "处罚内容": "警告", "罚款金额（万元）": "", "没收违法所得、没收非法财物的金额（万元）": "", "失信严重程度": ""})),
    ("确认无效-处罚", "xzcf", "zjj", "2026-06-09", "wz", ("org", IND["JIANZHU"], 25),
     dict(status="确认无效", s="2026-09-15", note="经行政诉讼判决确认原处罚决定无效", wd_k=2)),
    ("修复-早于最短公示期", "xzcf", "scjgj", "2026-08-11", "gq", ("org", IND["CANYIN"], 27),
     dict(status="修复", s="2026-10-13", note=NOTES["修复"]["xzcf"][0])),
    ("公示截止期-已过", "xzcf", "wjj", "2026-02-10", "jk", ("org", IND["WENLV"], 19), dict(gsjz=date(2026, 5, 10))),
    ("公示截止期-轻微仍公示", "xzcf", "scjgj", "2026-09-09", "jg", ("org", IND["WUJIN"], 21), dict(sev="轻微", gsjz=date(2026, 12, 9))),
    ("迟延公示-许可-1", "xzxk", "wjj", "2026-06-09", "gc", ("org", IND["WENLV"], 4), dict(k=10)),
    ("迟延公示-许可-2", "xzxk", "rsj", "2026-03-24", "lw", ("org", IND["WULIU"], 8), dict(k=8)),
    ("迟延公示-处罚-1", "xzcf", "zjj", "2026-07-14", "wz", ("org", IND["JIANZHU"], 10), dict(k=12)),
    ("迟延公示-处罚-2", "xzcf", "scjgj", "2026-10-20", "gq", ("org", IND["CANYIN"], 12), dict(k=9)),
    ("临近期限-许可", "xzxk", "scjgj", "2026-11-17", "fsp", ("org", IND["CHAOSHI"], 6), dict(k=7)),
    ("临近期限-处罚", "xzcf", "scjgj", "2026-11-18", "jk", ("org", IND["CANYIN"], 20), dict(k=6)),
    ("个人信息-手机号", "xzcf", "scjgj", "2026-09-22", "gq", ("org", IND["FOOD"], 14), dict(fields={"违法事实":
        "经群众举报（举报电话13805331234），执法人员于2026年9月2日检查发现当事人销售超过保质期的周村烧饼15袋，货值金额120元。"})),
    ("个人信息-身份证号", "xzcf", "yjglj", "2026-10-27", "px", ("org", IND["JIXIE"], 16),
     dict(fields={"备注": f"现场负责人李某某，身份证号码{_ID}，已整改完毕"})),
    ("逗号与换行", "xzcf", "scjgj", "2026-08-04", "gq", ("org", IND["FOOD"], 18), dict(fields={"违法事实":
        "当事人于2026年7月15日销售超过保质期的食品（周村烧饼、麻花）,共计12袋，货值金额96元。\n经查,当事人未建立食品进货查验记录。"})),
]

# ------------------------------------------------------------------ files and the command line
SITE_YML = """title: 信用周村
baseURL: https://xinyong.zhoucun.example.gov.cn/
region: 周村区
language: zh-CN
disclosure:
  deadlineWorkdays: 7
  withdrawWorkdays: 3
  naturalPersons: withhold
  adoptedOn: 2025-01-01               # 本站启用日期：此前作出、台账中没有的记录由原系统公示（xzxk/2024-12-yuanxitong.csv 等）
  penaltyPublicityMonths:
    轻微: 0
    一般: 12
    严重: 36
feeds:
  items: 100
pagination: 50
footer:                              # 页脚，按《政府网站发展指引》
  sponsor: 周村区发展和改革局           # 主办单位
  organizer: 周村区大数据中心           # 承办单位
  contact: 电话 0533-6000000（工作日 8:30—17:00）  # 联系方式
  siteCode: "3703060001"               # 网站标识码
  icp: 鲁ICP备00000000号               # ICP备案号，链接到 beian.miit.gov.cn
  psb: 鲁公网安备 37030602000000号      # 公安机关备案号，链接到 beian.gov.cn 的备案信息
  correction: https://zfwzzc.www.gov.cn/   # 找错/纠错入口（全国政府网站找错，或本站自己的地址）
  # partyMarkImage: assets/dzjg.png    # 党政机关网站标识图片（放在 Templates/assets/ 中）
  # partyMarkLink: https://bszs.conac.cn/sitename?method=show&id=…   # 标识的证书地址
# 部门导出文件使用的表头与标准列名的对应（比较时忽略大小写、空格和括号样式）
columns:
  mingdan:
    发布日期: 列入日期
    失信行为: 列入事由
"""


def write_csv(path, header, rows, encoding):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# ------------------------------------------------------------------ the demo's real-export files (SPEC §8.2–§8.4)
# Written by --demo beside the generated data: records the previous system published before adoptedOn (not in the
# ledger), an e-commerce black list as a market regulator exports it (企业名称 / 统一信用代码 / 工商注册号, a 15-digit
# number in the code column, a masked code) with its sidecar, and the court's and the licensing department's .xlsx
# exports (Scripts/make_demo_xlsx.py) with the court's sidecar.
HISTORY_XK = [
    ["淄博周村福瑞祥食品有限公司", "法人及非法人组织", make_uscc("91370306", "MA3Q1A01"), "", "周福瑞", "", "", "食品经营许可决定书",
     "周市监食经〔2024〕611号", "普通", "食品经营许可证", "JY23703060006111", "预包装食品销售", "2024-12-16", "2024-12-16",
     "2029-12-15", "区市场监管局", DUSCC["scjgj"], "", "", "", "区市场监管局", DUSCC["scjgj"], "原系统公示"],
    ["周村区北郊张记修理部", "个体工商户", "00000000000000000X", regno("37030660098765"), "", "", "", "个体工商户登记决定书",
     "周市监个登〔2024〕903号", "登记", "营业执照", "", "家用电器修理", "2024-12-23", "2024-12-23", "",
     "区市场监管局", DUSCC["scjgj"], "", "", "", "区市场监管局", DUSCC["scjgj"], "原系统公示"],
]
HISTORY_CF = [
    ["淄博周村宏达化工有限公司", "法人及非法人组织", make_uscc("91370306", "MA3Q1B02"), "", "宋宏达", "", "", "周应急罚〔2024〕58号",
     "未按规定对重大危险源进行安全评估", "经查，当事人储罐区构成重大危险源，未按规定进行安全评估并备案。",
     "《中华人民共和国安全生产法》第一百零一条", "罚款；责令停产停业", "罚款人民币8万元，责令停产停业整顿", "8", "", "",
     "2024-12-18", "", "", "区应急管理局", DUSCC["yjglj"], "严重", "", "", "", "区应急管理局", DUSCC["yjglj"], "原系统公示"],
]
DIANSHANG_H = ["企业名称", "统一信用代码", "工商注册号", "失信行为", "发布日期", "有效期至"]
DIANSHANG = [
    ["淄博云帆电子商务有限公司", make_uscc("91370306", "MA3Q1C03"), "", "虚构交易、编造用户评价", "2026-11-12", "2029-11-11"],
    ["周村区锦程网络科技有限公司", regno("37030620004321"), "", "刷单炒信", "2026-11-12", "2029-11-11"],
    ["淄博 优品汇 商贸有限公司", "9137030*******8X1K", regno("37030620005678"), "销售假冒商品", "2026-11-12", "2029-11-11"],
]
DIANSHANG_YML = """# 2026-11-dianshang.csv 是区市场监管局导出的电子商务领域失信名单：以下各列在文件中没有，对每一行都适用。
名单类型: 黑名单
名单名称: 电子商务领域严重失信主体名单
主体类别: 法人及非法人组织
认定部门: 区市场监管局
认定依据: 《中华人民共和国电子商务法》第三十九条、第八十一条
"""
FAYUAN_YML = """# 2026-11-fayuan.xlsx 是区法院导出的失信被执行人名单：以下各列在文件中没有，对每一行都适用。
名单类型: 黑名单
名单名称: 失信被执行人
主体类别: 法人及非法人组织
认定部门: 区法院
认定依据: 发改财金〔2016〕141号；《最高人民法院关于公布失信被执行人名单信息的若干规定》
"""


def write_real_exports(out):
    """The demo's files that are not generated data: see the comment above HISTORY_XK."""
    write_csv(out / "xzxk" / "2024-12-yuanxitong.csv", XK_H, HISTORY_XK, "utf-8")
    write_csv(out / "xzcf" / "2024-12-yuanxitong.csv", CF_H, HISTORY_CF, "utf-8")
    write_csv(out / "mingdan" / "2026-11-dianshang.csv", DIANSHANG_H, DIANSHANG, "utf-8")
    (out / "mingdan" / "2026-11-dianshang.yml").write_text(DIANSHANG_YML, encoding="utf-8")
    (out / "mingdan" / "2026-11-fayuan.yml").write_text(FAYUAN_YML, encoding="utf-8")
    import make_demo_xlsx
    make_demo_xlsx.licensing(str(out))
    make_demo_xlsx.court_list(str(out))

# The demo site keeps copies of the shared registries, so that a clone anywhere can make a site.
REPO_CONTENT = Path(__file__).resolve().parents[1] / "Content"

def prepare(out, shared):
    """Copy the registries from shared/ (else the demo's copies), clear old data files, write site.yml and
    departments.csv."""
    out.mkdir(parents=True, exist_ok=True)
    sources = [shared, REPO_CONTENT]
    memoranda = next((d / "memoranda.csv" for d in sources if (d / "memoranda.csv").is_file()), None)
    if memoranda and memoranda.resolve() != (out / "memoranda.csv").resolve():
        shutil.copyfile(memoranda, out / "memoranda.csv")
    elif not (out / "memoranda.csv").is_file():
        sys.exit(f"no memoranda.csv in {shared}, {REPO_CONTENT} nor {out}")
    calendars = next((d / "calendar" for d in sources if (d / "calendar").is_dir()), None)
    if calendars and calendars.resolve() != (out / "calendar").resolve():
        (out / "calendar").mkdir(exist_ok=True)
        for f in sorted(calendars.glob("*.yml")):
            shutil.copyfile(f, out / "calendar" / f.name)
    elif not (out / "calendar").is_dir():
        sys.exit(f"no calendar/ in {shared}, {REPO_CONTENT} nor {out}")
    for kind in HEAD:
        (out / kind).mkdir(exist_ok=True)
        for f in (out / kind).glob("*.csv"):
            f.unlink()
    (out / "site.yml").write_text(SITE_YML, encoding="utf-8")
    write_csv(out / "departments.csv", ["编码", "名称", "统一社会信用代码", "网站"],
              [[c, n, DUSCC[c], f"https://www.zhoucun.gov.cn/bm/{c}/" if k % 2 == 0 else ""] for k, (c, n) in enumerate(DEPTS)],
              "utf-8")


def months(cal):
    """(year, month, working days, other days) of every month from FIRST to CUTOFF."""
    out, d = [], FIRST
    while d <= CUTOFF:
        days = [x for x in (d + timedelta(i) for i in range(31)) if x.month == d.month and x <= CUTOFF]
        out.append((d.year, d.month, [x for x in days if cal.is_wd(x)], [x for x in days if not cal.is_wd(x)]))
        d = add_months(d, 1)
    return out


def allocate(site, kind, total):
    """Units of work of one kind: (kind, year, month, records per department, serial base per department)."""
    weights, yw = (XK_W if kind == "xzxk" else CF_W), {2025: 1, 2026: 2 if site.demo else 1}
    cells = [((y, m, dept), yw[y] * len(wd) * w) for y, m, wd, _ in site.months for dept, w in weights.items()]
    exact = [total * w / sum(w for _, w in cells) for _, w in cells]
    counts = [int(x) for x in exact]                    # largest remainders make the total exact
    for i in sorted(range(len(cells)), key=lambda i: counts[i] - exact[i])[:total - sum(counts)]:
        counts[i] += 1
    n = Counter({c: k for (c, _), k in zip(cells, counts)})
    full = n + Counter((p["d"].year, p["d"].month, p["dept"]) for p in site.planted.get(kind, []))
    jobs, before = [], Counter()
    for y, m, _, _ in site.months:
        depts = sorted(d for (yy, mm, d) in full if (yy, mm) == (y, m))
        jobs.append((kind, y, m, {d: n[(y, m, d)] for d in depts if n[(y, m, d)]}, {d: 3 * before[(y, d)] for d in depts}))
        before.update({(y, d): full[(y, m, d)] for d in depts})
    return jobs


SITE = None


def set_site(site):
    global SITE
    SITE = site


def month_unit(job):
    kind, y, m, counts, bases = job
    g = Generator(SITE, Rng(f"{SITE.seed}/{kind}/{y}-{m:02d}"))
    g.gen_month(kind, y, m, counts, bases)
    return g.events, g.stats, g.tags


def main():
    ap = argparse.ArgumentParser(description="Write Gongshi demo or benchmark data (see the module docstring).")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--demo", action="store_true", help="write the demo site's data")
    mode.add_argument("--records", type=int, metavar="N", help="write a synthetic site of N records")
    ap.add_argument("--out", required=True, help="the Content folder to write")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"),
                    help="folder holding memoranda.csv and calendar/ (default: <repo>/../shared/data, else <repo>/Content)")
    ap.add_argument("--seed", type=int, default=20261125)
    a = ap.parse_args()
    assert valid_uscc("91512081MA62K0260E") and valid_uscc("91110000600037341L") and valid_id("360426199101010071")
    t0, out = time.perf_counter(), Path(a.out)
    prepare(out, Path(a.shared))
    cal, n = Calendar(out / "calendar"), a.records or 0
    site = SimpleNamespace(out=out, cal=cal, demo=a.demo, seed=a.seed, Q=30 if a.demo else max(30, n // (3 * NIND)),
                           months=months(cal), planted={})
    if a.demo:
        for tag, kind, dept, d, tpl, ent, extra in PLANTED:
            extra = {k: cal.snap(v) if k == "s" else v for k, v in extra.items()}
            site.planted.setdefault(kind, []).append(dict(extra, tag=tag, dept=dept, d=cal.snap(d), tpl=tpl, ent=ent))
    n_xk = 440 if a.demo else round(n * 0.6)
    jobs = allocate(site, "xzxk", n_xk) + allocate(site, "xzcf", 300 if a.demo else n - n_xk)
    ledger, stats, tags = Ledger(out), Counter(), {}
    workers = min(os.cpu_count() or 1, 8) if n >= 50000 else 1
    set_site(site)
    with multiprocessing.Pool(workers, set_site, (site,)) if workers > 1 else contextlib.nullcontext() as pool:
        for events, st, tg in (pool.imap(month_unit, jobs) if pool else map(month_unit, jobs)):
            ledger.spill(events)
            stats.update(st)
            tags.update(tg)
    g = Generator(site, Rng(f"{a.seed}/mingdan"))
    g.gen_lists(84 if a.demo else n // 20, read_memo(out / "memoranda.csv"))
    ledger.spill(g.events)
    stats.update(g.stats)
    tags.update(g.tags)
    ledger.finish(out / "ledger.csv")
    if a.demo:
        write_real_exports(out)
    secs, lc = time.perf_counter() - t0, ledger.counts
    if not a.demo:
        print(f"{out}: {stats['xzxk']} xzxk + {stats['xzcf']} xzcf records, {stats['mingdan']} list entries, "
              f"{sum(lc.values())} ledger rows (seed {a.seed}, {workers} processes) in {secs:.1f} s")
        return
    print(f"demo data written to {out} in {secs:.1f} s (seed {a.seed}; build date {BUILD}, ledger up to {CUTOFF})")
    print("  records:", ", ".join(f"{k} {v}" for k, v in sorted(stats.items()) if v))
    print("  ledger:", ", ".join(f"{k} {v}" for k, v in sorted(lc.items())))
    print("  planted (file, row as Excel counts it, header = 1):")
    for tag, (f, row) in sorted(tags.items(), key=lambda t: t[1]):
        print(f"    {f} row {row}: {tag}")


if __name__ == "__main__":
    main()
