#!/usr/bin/env python3
"""Randomized differential test of incremental builds (run by hand; not part of .ci/run).

  python3 Scripts/incremental_fuzz.py [--binary B] [--work DIR] [--steps N] [--seed S]
                                      [--content DIR] [--kill P] [--keep-failures] [--stop-on-failure]

Guarantee under test (issue 11, README "Incremental builds"): the output and the ledger of an incremental
`gongshi build` (cache `.gongshi.cache/` beside the site, persistent `Public/`) are byte-identical to those
of a `--no-cache` build of the same input and date, whatever happened before: any sequence of edits,
hand edits of the live output or of the spare, damaged cache files, and builds killed with SIGKILL at any
moment (after which `Public/` must be the old site or the new one, never a mix, and the next build must
again equal a full build).

The site is the repository's demo (`git archive HEAD Content Templates`: CSV and .xlsx exports, red and
black lists, articles, the ledger), or with `--content DIR` a copy of that Content folder (e.g.
/dev/shm/w/content-10000; never written into) with the repository's Templates. For each of N steps the
driver applies a random edit (weighted towards what webmasters do daily: new files of records, changed rows,
the date moving on) to the site, copies Content/ and Templates/ to a twin (before the build, so that a
build that writes the ledger is compared with a full build fed the same ledger), builds the site
incrementally and the twin with `--no-cache` into a fresh folder, with the same date and options
(`--no-ledger` on some steps, `--base-url` on a few), and compares:
  - `diff -r` of the two outputs and of the two Content folders (the ledger and the day's report);
  - the exit codes, and the printed summary (without its time and paths).
With probability P (`--kill`) the incremental build is first killed with SIGKILL after a random fraction
of its expected time; then `Public/` must be exactly the old site (copied before) or the new one (the full
build), and the build is run again to completion and compared as above.

Each step's edit and options are printed; a failure prints what differs and, with --keep-failures, keeps
the site as it was before the step (with its cache and output) in WORK/fail-STEP/ with a `replay.sh`.
Same seed, same edits (kill moments depend on timing). Exit status: 0 no difference, 1 differences.
Examples:
  python3 Scripts/incremental_fuzz.py --steps 200 --seed 1 --kill 0.15
  python3 Scripts/incremental_fuzz.py --content /dev/shm/w/content-10000 --steps 30 --seed 7
"""
import argparse
import csv
import datetime
import io
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from generate_site import make_uscc  # noqa: E402
from make_demo_xlsx import serial, workbook  # noqa: E402

KINDS = ("xzxk", "xzcf", "mingdan")
XZXK_HEADER = ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政许可决定文书名称",
               "行政许可决定文书号", "许可类别", "许可内容", "许可决定日期", "有效期至", "许可机关",
               "许可机关统一社会信用代码", "当前状态", "状态日期", "状态说明"]
XZCF_HEADER = ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政处罚决定书文号", "违法行为类型",
               "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "公示截止期", "处罚机关",
               "处罚机关统一社会信用代码", "失信严重程度", "当前状态", "状态日期", "状态说明"]
DOC_COLUMNS = ("行政许可决定文书号", "行政许可决定书文号", "行政处罚决定书文号", "认定文书号")
DATE_COLUMNS = ("许可决定日期", "处罚决定日期", "列入日期", "发布日期")
CODE_COLUMNS = ("统一社会信用代码", "统一信用代码", "行政相对人代码_1 (统一社会信用代码)")
NAME_COLUMNS = ("行政相对人名称", "主体名称", "企业名称")
TEXT_COLUMNS = ("许可内容", "违法事实", "处罚内容", "列入事由", "失信行为", "备注", "违法行为类型")
STATUS = {"xzxk": ["撤销", "异议", "其他", "正常", "", "变更"], "xzcf": ["撤销", "异议", "修复", "正常", "", "确认无效"],
          "mingdan": ["异议", "移出", "正常", ""]}


def iso(d):
    return d.isoformat()


class Table:
    """A CSV data file read whole, written back in its encoding, BOM and line ends."""

    def __init__(self, path):
        self.path = path
        raw = open(path, "rb").read()
        self.bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8-sig")
            self.encoding = "utf-8"
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
            self.encoding = "gb18030"
        self.crlf = "\r\n" in text
        self.rows = list(csv.reader(io.StringIO(text, newline="")))
        self.head = next((i for i, r in enumerate(self.rows) if sum(1 for c in r if c.strip()) >= 4), 0)

    @property
    def header(self):
        return self.rows[self.head] if self.rows else []

    def data(self):
        """Indices of the data rows (non-empty rows under the header)."""
        return [i for i in range(self.head + 1, len(self.rows)) if any(c.strip() for c in self.rows[i])]

    def col(self, names):
        for n in names:
            if n in self.header:
                return self.header.index(n)
        return None

    def set(self, i, names, value):
        c = self.col(names)
        if c is None:
            return False
        row = self.rows[i]
        row += [""] * (c + 1 - len(row))
        row[c] = value
        return True

    def get(self, i, names):
        c = self.col(names)
        return self.rows[i][c] if c is not None and c < len(self.rows[i]) else ""

    def save(self):
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n" if self.crlf else "\n").writerows(self.rows)
        data = out.getvalue().encode(self.encoding)
        with open(self.path, "wb") as f:
            f.write((b"\xef\xbb\xbf" if self.bom else b"") + data)


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.work = os.path.abspath(args.work)
        self.site = os.path.join(self.work, "site")
        self.binary = args.binary
        self.date = datetime.date.fromisoformat(args.date)
        self.serial = 0
        self.failures = []
        self.expected_time = 1.0
        self.departments = []
        self.out = "Public"

    # --- helpers -------------------------------------------------------------------------------------

    def p(self, *parts):
        return os.path.join(self.site, *parts)

    def data_files(self, kinds=KINDS, ext=(".csv",)):
        out = []
        for k in kinds:
            folder = self.p("Content", k)
            if os.path.isdir(folder):
                out += [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(ext)]
        return out

    def pick_table(self, kinds=KINDS):
        files = self.data_files(kinds)
        self.rng.shuffle(files)
        for f in files[:8]:
            t = Table(f)
            if t.data():
                return t
        return None

    def load_departments(self):
        t = Table(self.p("Content", "departments.csv"))
        self.departments = [(r[1], r[2]) for r in t.rows[1:] if len(r) > 2 and r[1]]

    def uscc(self, individual=False):
        self.serial += 1
        body = "MA" + "".join(self.rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(6))
        return make_uscc("92370306" if individual else "91370306", body)

    def existing_entities(self):
        t = self.pick_table(("xzxk", "xzcf"))
        if not t:
            return []
        return [(t.get(i, NAME_COLUMNS), t.get(i, CODE_COLUMNS)) for i in t.data() if t.get(i, CODE_COLUMNS)]

    def new_rows(self, kind, n):
        rows = []
        olds = self.existing_entities()
        for _ in range(n):
            self.serial += 1
            s = self.serial
            dept, dept_code = self.rng.choice(self.departments)
            if olds and self.rng.random() < 0.3:
                name, code = self.rng.choice(olds)
            else:
                name, code = f"淄博周村测试{s}号商贸有限公司", self.uscc()
            decided = self.date - datetime.timedelta(days=self.rng.choice([0, 1, 2, 3, 5, 9, 15, 40, 200, -1, -3]))
            status = self.rng.choice(STATUS[kind] + [""] * 8)
            status_date = iso(decided + datetime.timedelta(days=self.rng.randint(0, 30))) if status else ""
            why = "经复核予以变更" if status else ""
            person = self.rng.random() < 0.05
            category = "自然人" if person else "法人及非法人组织"
            if kind == "xzxk":
                rows.append([name, category, code, "张测试", "食品经营许可决定书", f"周测许〔2026〕{s}号",
                             self.rng.choice(["普通", "01", "登记"]), f"预包装食品销售（第{s}项）", iso(decided),
                             self.rng.choice(["", iso(decided + datetime.timedelta(days=365)), "长期"]), dept, dept_code,
                             status, status_date, why])
            else:
                sev = self.rng.choice(["一般", "严重", "轻微", "", "3"])
                rows.append([name, category, code, "李测试", f"周测罚〔2026〕{s}号", "未按规定经营",
                             f"经查，当事人未按规定经营（第{s}次），联系电话13812345678。", "《测试条例》第十条",
                             self.rng.choice(["罚款", "警告", "罚款；责令停产停业"]), f"罚款人民币{s % 9 + 1}千元",
                             f"{(s % 9 + 1) / 10:.1f}", iso(decided), self.rng.choice(["", "", iso(decided + datetime.timedelta(days=30))]),
                             dept, dept_code, sev, status, status_date, why])
        return rows

    # --- edits (each returns a description) ----------------------------------------------------------

    def e_add_csv(self):
        kind = self.rng.choice(["xzxk", "xzcf"])
        n = self.rng.choice([1, 2, 5, 20, 60])
        rows = self.new_rows(kind, n)
        name = f"fuzz-{self.serial}.csv"
        with open(self.p("Content", kind, name), "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows([XZXK_HEADER if kind == "xzxk" else XZCF_HEADER] + rows)
        return f"add {kind}/{name} ({n} rows)"

    def e_add_xlsx(self):
        kind = self.rng.choice(["xzxk", "xzcf"])
        n = self.rng.choice([1, 3, 10])
        header = XZXK_HEADER if kind == "xzxk" else XZCF_HEADER
        dates = {i for i, h in enumerate(header) if h in DATE_COLUMNS}
        rows = [[serial(datetime.date.fromisoformat(v)) if i in dates else (v or None) for i, v in enumerate(r)]
                for r in self.new_rows(kind, n)]
        name = f"fuzz-{self.serial}.xlsx"
        workbook(self.p("Content", kind, name), "Sheet1", header, rows)
        return f"add {kind}/{name} ({n} rows)"

    def e_change_row(self):
        t = self.pick_table()
        if not t:
            return None
        i = self.rng.choice(t.data())
        what = self.rng.choice(["text", "date", "severity", "amount"])
        if what == "date":
            c = t.col(DATE_COLUMNS)
            old = t.get(i, DATE_COLUMNS)
            try:
                d = datetime.date.fromisoformat(old[:10]) + datetime.timedelta(days=self.rng.randint(-20, 20))
                t.set(i, DATE_COLUMNS, iso(d))
            except ValueError:
                t.set(i, DATE_COLUMNS, iso(self.date))
            if c is None:
                return None
        elif what == "severity" and t.col(("失信严重程度",)) is not None:
            t.set(i, ("失信严重程度",), self.rng.choice(["一般", "严重", "轻微", ""]))
        elif what == "amount" and t.col(("罚款金额（万元）",)) is not None:
            t.set(i, ("罚款金额（万元）",), str(self.rng.randint(1, 99)))
        else:
            c = t.col(TEXT_COLUMNS)
            if c is None:
                return None
            t.set(i, TEXT_COLUMNS, t.get(i, TEXT_COLUMNS) + self.rng.choice(["（更正）", "，已整改", " 补充说明"]))
        t.save()
        return f"change {what} of {os.path.relpath(t.path, self.site)} row {i + 1}"

    def e_delete_row(self):
        t = self.pick_table()
        if not t:
            return None
        i = self.rng.choice(t.data())
        del t.rows[i]
        t.save()
        return f"delete {os.path.relpath(t.path, self.site)} row {i + 1}"

    def e_duplicate_row(self):
        t = self.pick_table(("xzxk", "xzcf"))
        if not t:
            return None
        i = self.rng.choice(t.data())
        row = list(t.rows[i])
        changed = self.rng.random() < 0.5
        header = list(t.header)
        if changed:
            c = t.col(TEXT_COLUMNS)
            if c is not None:
                row[c] = row[c] + "（重复报送）"
        kind = os.path.basename(os.path.dirname(t.path))
        name = f"fuzz-dup-{self.serial}.csv"
        self.serial += 1
        with open(self.p("Content", kind, name), "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows([header, row])
        return f"duplicate {os.path.relpath(t.path, self.site)} row {i + 1} into {kind}/{name} (changed={changed})"

    def e_identity(self):
        t = self.pick_table()
        if not t:
            return None
        i = self.rng.choice(t.data())
        what = self.rng.choice(["merge", "split", "rename"])
        if what == "merge":
            olds = self.existing_entities()
            if not olds:
                return None
            name, code = self.rng.choice(olds)
            t.set(i, CODE_COLUMNS, code)
        elif what == "split":
            t.set(i, CODE_COLUMNS, self.uscc())
        else:
            t.set(i, NAME_COLUMNS, t.get(i, NAME_COLUMNS) + "分公司")
        t.save()
        return f"identity {what} on {os.path.relpath(t.path, self.site)} row {i + 1}"

    def e_status(self):
        t = self.pick_table()
        if not t:
            return None
        kind = os.path.basename(os.path.dirname(t.path))
        i = self.rng.choice(t.data())
        status = self.rng.choice(STATUS[kind])
        if t.col(("当前状态",)) is None:
            return None
        t.set(i, ("当前状态",), status)
        day = self.date - datetime.timedelta(days=self.rng.choice([0, 1, 3, 10, 40]))
        t.set(i, ("状态日期",), iso(day) if self.rng.random() < 0.9 else "")
        t.set(i, ("状态说明",), "依法撤销（测试）" if self.rng.random() < 0.9 else "")
        if status == "移出":
            t.set(i, ("移出日期",), iso(day))
        t.save()
        return f"status {status or '(empty)'} on {os.path.relpath(t.path, self.site)} row {i + 1}"

    def e_date(self):
        step = self.rng.choice([1, 1, 1, 2, 3, 5, 7, 12, 30, 95, 200, -1, -3, -20])
        self.date += datetime.timedelta(days=step)
        if self.date > datetime.date(2027, 1, 31):
            # Mostly where the calendars are (2004-2026): past them timeliness is not judged at all.
            self.date = datetime.date(2026, 11, 2) + datetime.timedelta(days=self.rng.randint(0, 58))
        return f"date {step:+d} -> {self.date}"

    def e_template(self):
        folder = self.p("Templates")
        files = sorted(f for f in os.listdir(folder) if f.endswith(".mustache"))
        choice = self.rng.random()
        if choice < 0.2:
            path = os.path.join(folder, "assets", "site.css")
            open(path, "a", encoding="utf-8").write(f"\n/* fuzz {self.serial} */\n.fuzz{self.serial} {{ color: red; }}\n")
        else:
            path = os.path.join(folder, self.rng.choice(files))
            open(path, "a", encoding="utf-8").write(f"\n<!-- fuzz {self.serial} -->\n")
        self.serial += 1
        return f"template {os.path.relpath(path, self.site)}"

    def e_site_yml(self):
        path = self.p("Content", "site.yml")
        text = open(path, encoding="utf-8").read()
        what = self.rng.choice(["title", "baseURL", "persons", "pagination", "feeds"])
        if what == "title":
            text = re.sub(r"^title: .*$", f"title: 信用周村{self.rng.choice(['', '测试', '网'])}", text, count=1, flags=re.M)
        elif what == "baseURL":
            url = self.rng.choice(["https://xinyong.zhoucun.example.gov.cn/", "https://other.example/xy/",
                                   "http://127.0.0.1:8080/"])
            text = re.sub(r"^baseURL: .*$", f"baseURL: {url}", text, count=1, flags=re.M)
        elif what == "persons":
            mode = self.rng.choice(["withhold", "mask"])
            text = re.sub(r"naturalPersons: \w+", f"naturalPersons: {mode}", text, count=1)
            what += " " + mode
        elif what == "pagination":
            text = re.sub(r"^pagination: .*$", f"pagination: {self.rng.choice([10, 20, 50])}", text, count=1,
                          flags=re.M)
        else:
            text = re.sub(r"^  items: .*$", f"  items: {self.rng.choice([20, 50, 100])}", text, count=1, flags=re.M)
        open(path, "w", encoding="utf-8").write(text)
        return f"site.yml {what}"

    def e_department(self):
        t = Table(self.p("Content", "departments.csv"))
        i = self.rng.randrange(1, len(t.rows))
        t.rows[i][1] = t.rows[i][1] + ("分局" if not t.rows[i][1].endswith("分局") else "")
        if t.rows[i][1].endswith("分局分局"):
            t.rows[i][1] = t.rows[i][1][:-2]
        t.save()
        self.load_departments()
        return f"rename department {t.rows[i][0]} -> {t.rows[i][1]}"

    def e_article(self):
        folder = self.p("Content", "xinwen")
        mine = sorted(f for f in os.listdir(folder) if f.startswith("fuzz-"))
        if mine and self.rng.random() < 0.4:
            os.remove(os.path.join(folder, mine[0]))
            return f"remove article {mine[0]}"
        self.serial += 1
        d = self.date - datetime.timedelta(days=self.rng.randint(-2, 30))
        name = f"fuzz-{self.serial}.md"
        open(os.path.join(folder, name), "w", encoding="utf-8").write(
            f"---\ntitle: 测试新闻{self.serial}\ndate: {iso(d)}\ndraft: {self.rng.choice(['false', 'false', 'true'])}\n"
            f"---\n\n测试正文 {self.serial}。\n")
        return f"add article {name} dated {d}"

    def e_touch(self):
        files = self.data_files() + [self.p("Content", "site.yml"), self.p("Templates", "record.mustache")]
        f = self.rng.choice(files)
        os.utime(f, None)
        return f"touch {os.path.relpath(f, self.site)}"

    def e_same_size(self):
        """A data file rewritten in place with one digit changed, its size and times put back: only the
        change time (which nothing can set) says it was written (the build's input stamps)."""
        files = [f for f in self.data_files() if f.endswith(".csv")]
        self.rng.shuffle(files)
        for f in files[:8]:
            data = open(f, "rb").read()
            digits = [i for i, b in enumerate(data) if 0x30 <= b <= 0x39]
            if not digits:
                continue
            i = self.rng.choice(digits)
            st = os.stat(f)
            new = bytes([0x30 + (data[i] - 0x30 + self.rng.randint(1, 9)) % 10])
            with open(f, "r+b") as out:
                out.seek(i)
                out.write(new)
            os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
            return f"same-size edit of {os.path.relpath(f, self.site)} at byte {i}, times put back"
        return None

    def all_files(self, root):
        out = []
        for d, _, fs in os.walk(root):
            out += [os.path.join(d, f) for f in fs]
        return out

    def e_tamper_output(self):
        pub = self.p("Public")
        if not os.path.isdir(pub):
            return None
        files = sorted(self.all_files(pub))
        if not files:
            return None
        f = self.rng.choice(files)
        what = self.rng.choice(["append", "delete", "stray", "rewrite-same"])
        if what == "append":
            open(f, "ab").write(b"<!-- hand edit -->\n")
        elif what == "delete":
            os.remove(f)
        elif what == "stray":
            f = os.path.join(os.path.dirname(f), "stray.html")
            open(f, "w").write("stray")
        else:
            data = open(f, "rb").read()
            os.remove(f)
            open(f, "wb").write(data)
        return f"output {what} {os.path.relpath(f, self.site)}"

    def e_tamper_spare(self):
        spare = self.p(".gongshi.cache", "spare")
        if not os.path.isdir(spare):
            return None
        what = self.rng.choice(["append", "delete-folder", "delete-file", "rewrite-in-place"])
        if what == "delete-folder":
            dirs = sorted(d for d, _, _ in os.walk(spare) if d != spare)
            if not dirs:
                return None
            d = self.rng.choice(dirs)
            shutil.rmtree(d)
            return f"spare delete folder {os.path.relpath(d, self.site)}"
        files = sorted(self.all_files(spare))
        if not files:
            return None
        f = self.rng.choice(files)
        if what == "append":
            # The spare shares files with the live output by hard link: write a new file instead, as an
            # editor that saves by rename would.
            data = open(f, "rb").read()
            os.remove(f)
            open(f, "wb").write(data + b"<!-- hand edit in spare -->\n")
        elif what == "delete-file":
            os.remove(f)
        else:
            st = os.stat(f)
            if st.st_nlink > 1:
                return None
            open(f, "r+b").write(b"X")
        return f"spare {what} {os.path.relpath(f, self.site)}"

    def e_tamper_cache(self):
        cache = self.p(".gongshi.cache")
        if not os.path.isdir(cache):
            return None
        files = sorted(f for f in os.listdir(cache) if os.path.isfile(os.path.join(cache, f)))
        if not files:
            return None
        f = os.path.join(cache, self.rng.choice(files))
        what = self.rng.choice(["flip", "truncate", "delete"])
        if what == "delete":
            os.remove(f)
        else:
            data = bytearray(open(f, "rb").read())
            if what == "truncate":
                data = data[: len(data) // 2]
            elif data:
                k = self.rng.randrange(len(data))
                data[k] ^= 0x5A
            open(f, "wb").write(bytes(data))
        return f"cache {what} {os.path.relpath(f, self.site)}"

    def e_calendar(self):
        path = self.p("Content", "calendar", f"{self.date.year}.yml")
        if not os.path.exists(path):
            return None
        text = open(path, encoding="utf-8").read()
        day = self.date - datetime.timedelta(days=self.rng.randint(0, 12))
        if "# fuzz" in text and self.rng.random() < 0.5:
            text = "".join(line for line in text.splitlines(True) if "# fuzz" not in line)
            what = "removed the added days"
        else:
            text = text.replace("holidays:", f"holidays:\n  - {iso(day)}   # fuzz", 1)
            what = f"holiday {day}"
        open(path, "w", encoding="utf-8").write(text)
        return f"calendar {os.path.basename(path)}: {what}"

    def e_sidecar(self):
        folder = self.p("Content", "mingdan")
        sidecars = sorted(f for f in os.listdir(folder) if f.endswith(".yml"))
        if not sidecars:
            return None
        path = os.path.join(folder, self.rng.choice(sidecars))
        text = open(path, encoding="utf-8").read()
        if "（修订）" in text:
            text = text.replace("（修订）", "")
        else:
            text = re.sub(r"^(认定依据: .*)$", r"\1（修订）", text, count=1, flags=re.M)
        open(path, "w", encoding="utf-8").write(text)
        return f"sidecar {os.path.relpath(path, self.site)}"

    def e_columns(self):
        path = self.p("Content", "site.yml")
        text = open(path, encoding="utf-8").read()
        if "    发布日期: 列入日期\n" in text:
            text = text.replace("    发布日期: 列入日期\n", "")
            what = "removed 发布日期"
        elif "  mingdan:\n" in text:
            text = text.replace("  mingdan:\n", "  mingdan:\n    发布日期: 列入日期\n", 1)
            what = "added 发布日期"
        else:
            return None
        open(path, "w", encoding="utf-8").write(text)
        return f"site.yml columns: {what}"

    def e_rename_file(self):
        files = self.data_files(ext=(".csv", ".xlsx"))
        files = [f for f in files if not os.path.exists(f.rsplit(".", 1)[0] + ".yml")]
        if not files:
            return None
        f = self.rng.choice(files)
        self.serial += 1
        dest = os.path.join(os.path.dirname(f), f"renamed-{self.serial}-" + os.path.basename(f))
        os.rename(f, dest)
        return f"rename {os.path.relpath(f, self.site)} -> {os.path.basename(dest)}"

    def e_reencode(self):
        t = self.pick_table()
        if not t:
            return None
        what = self.rng.choice(["bom", "gb18030", "crlf"])
        if what == "bom":
            t.bom = not t.bom
            t.encoding = "utf-8"
        elif what == "gb18030":
            t.encoding, t.bom = "gb18030", False
        else:
            t.crlf = not t.crlf
        t.save()
        return f"re-encode {os.path.relpath(t.path, self.site)} ({what})"

    def e_remove_file(self):
        files = self.data_files(ext=(".csv", ".xlsx"))
        if not files:
            return None
        f = self.rng.choice(files)
        os.remove(f)
        return f"remove {os.path.relpath(f, self.site)}"

    def e_asset(self):
        folder = self.p("Templates", "assets")
        mine = sorted(f for f in os.listdir(folder) if f.startswith("fuzz-"))
        if mine and self.rng.random() < 0.5:
            os.remove(os.path.join(folder, mine[0]))
            return f"remove asset {mine[0]}"
        self.serial += 1
        name = f"fuzz-{self.serial}.txt"
        open(os.path.join(folder, name), "w").write(f"asset {self.serial}\n")
        return f"add asset {name}"

    def e_page(self):
        folder = self.p("Content", "pages")
        # A generated site (--content) may have no standing pages at all.
        files = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        if not files:
            return None
        path = os.path.join(folder, self.rng.choice(files))
        open(path, "a", encoding="utf-8").write(f"\n补充说明 {self.serial}。\n")
        self.serial += 1
        return f"edit page {os.path.basename(path)}"

    def e_nothing(self):
        return "no edit"

    EDITS = [("e_add_csv", 14), ("e_add_xlsx", 4), ("e_change_row", 12), ("e_delete_row", 5), ("e_duplicate_row", 4),
             ("e_identity", 6), ("e_status", 6), ("e_date", 14), ("e_template", 4), ("e_site_yml", 4),
             ("e_department", 3), ("e_article", 3), ("e_touch", 3), ("e_tamper_output", 4), ("e_tamper_spare", 4),
             ("e_tamper_cache", 3), ("e_nothing", 5), ("e_calendar", 2), ("e_sidecar", 2), ("e_columns", 1),
             ("e_rename_file", 2), ("e_reencode", 2), ("e_remove_file", 2), ("e_asset", 2), ("e_page", 2),
             ("e_same_size", 4)]

    # --- builds and comparisons ----------------------------------------------------------------------

    def ledger_last(self):
        """The date of the ledger's last event (the earliest date when it has none)."""
        last = datetime.date.min
        try:
            with open(self.p("Content", "ledger.csv"), encoding="utf-8", errors="replace") as f:
                for line in f:
                    try:
                        last = max(last, datetime.date.fromisoformat(line[:10]))
                    except ValueError:
                        pass
        except OSError:
            pass
        return last

    def build_args(self, site, options, full):
        if full and "--out" in options:  # the full build writes the twin's Public/
            i = options.index("--out")
            options = options[:i] + options[i + 2:]
        args = [self.binary, "build", "--site", site, "--date", iso(self.date)] + options
        return args + (["--no-cache"] if full else [])

    def summary(self, text, site):
        text = text.replace(site + "/Other", site + "/Public").replace(site, "SITE")
        if self.args.ignore_file_count:
            text = re.sub(r"共 [0-9]+ 个文件", "共 N 个文件", text)
        return re.sub(r"用时 [0-9.]+ 秒", "用时 X 秒", text)

    def diff(self, a, b):
        r = subprocess.run(["diff", "-rq", a, b], capture_output=True, text=True)
        return [line for line in r.stdout.splitlines() + r.stderr.splitlines() if line]

    def copy_twin(self, twin):
        shutil.rmtree(twin, ignore_errors=True)
        os.makedirs(twin)
        for part in ("Content", "Templates"):
            shutil.copytree(self.p(part), os.path.join(twin, part), symlinks=True)

    def run_full(self, twin, options):
        shutil.rmtree(os.path.join(twin, "Public"), ignore_errors=True)
        return subprocess.run(self.build_args(twin, options, True), capture_output=True, text=True)

    def compare(self, step, twin, inc, full, label):
        problems = []
        if inc.returncode != full.returncode:
            problems.append(f"exit {inc.returncode} (incremental) != {full.returncode} (full): {inc.stderr[-400:]}")
        if self.summary(inc.stdout, self.site) != self.summary(full.stdout, twin):
            problems.append(f"summary differs:\n  inc:  {self.summary(inc.stdout, self.site)!r}\n"
                            f"  full: {self.summary(full.stdout, twin)!r}")
        if os.path.isdir(os.path.join(twin, "Public")) or os.path.isdir(self.p(self.out)):
            problems += self.diff(self.p(self.out), os.path.join(twin, "Public"))[:20]
        problems += self.diff(self.p("Content"), os.path.join(twin, "Content"))[:20]
        if problems:
            print(f"  !! step {step} {label}: {len(problems)} problem(s)")
            for line in problems[:12]:
                print("     " + line)
        return problems

    def killed_build(self, step, options, twin, fraction):
        """Starts the incremental build, kills it, checks Public/ is the old or the new site."""
        old = os.path.join(self.work, "old-public")
        shutil.rmtree(old, ignore_errors=True)
        had_public = os.path.isdir(self.p(self.out))
        if had_public:
            shutil.copytree(self.p(self.out), old, symlinks=True)
        ledger = self.p("Content", "ledger.csv")
        old_ledger = open(ledger, "rb").read() if os.path.exists(ledger) else None
        delay = fraction * self.expected_time * 1.2
        proc = subprocess.Popen(self.build_args(self.site, options, False), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.returncode != -signal.SIGKILL:
            state = f"finished (exit {proc.returncode}) before the kill at {delay:.2f} s"
        else:
            state = f"killed at {delay:.2f} s"
        pub = self.p(self.out)
        problems = []
        if not os.path.isdir(pub):
            if had_public:
                problems.append("Public/ missing after the kill")
        else:
            as_old = had_public and not self.diff(pub, old)
            as_new = not self.diff(pub, os.path.join(twin, "Public"))
            if not as_old and not as_new:
                problems.append("Public/ is neither the old site nor the new one: "
                                + "; ".join(self.diff(pub, os.path.join(twin, "Public"))[:5]))
            state += ", Public/ is " + ("the old site" if as_old else "the new site" if as_new else "A MIX")
        now = open(ledger, "rb").read() if os.path.exists(ledger) else None
        twin_ledger = os.path.join(twin, "Content", "ledger.csv")
        new_ledger = open(twin_ledger, "rb").read() if os.path.exists(twin_ledger) else None
        if now != old_ledger and now != new_ledger:
            problems.append("the ledger is neither the old one nor the one a full build writes")
        print(f"     kill: {state}")
        if problems:
            print(f"  !! step {step} kill: " + "; ".join(problems))
        return problems

    def keep_failure(self, step, before, desc, options):
        dest = os.path.join(self.work, f"fail-{step}")
        shutil.rmtree(dest, ignore_errors=True)
        shutil.move(before, dest)
        with open(os.path.join(dest, "replay.sh"), "w") as f:
            f.write(f"# step {step}: {desc}\n# the site as it was before the step's edit\n"
                    f"{' '.join(self.build_args('SITE', options, False))}\n")
        print(f"     kept in {dest}")

    def setup(self):
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.site)
        # A copy of the program: a rebuild of .build/ during the run (swift test relinks it) would stop
        # the run with "Text file busy", or change the program the cache was written by.
        copy = os.path.join(self.work, "gongshi")
        shutil.copy2(self.binary, copy)
        self.binary = copy
        if self.args.content:
            shutil.copytree(self.args.content, self.p("Content"), symlinks=True)
            shutil.copytree(os.path.join(REPO, "Templates"), self.p("Templates"))
        else:
            archive = subprocess.run(["git", "-C", REPO, "archive", "HEAD", "Content", "Templates"], capture_output=True,
                                     check=True).stdout
            subprocess.run(["tar", "-x", "-C", self.site], input=archive, check=True)
        for k in KINDS + ("xinwen",):
            os.makedirs(self.p("Content", k), exist_ok=True)
        self.load_departments()

    def run(self):
        self.setup()
        twin = os.path.join(self.work, "twin")
        names = [n for n, _ in self.EDITS]
        weights = [w for _, w in self.EDITS]
        for step in range(self.args.steps):
            before = None
            if self.args.keep_failures:
                before = os.path.join(self.work, "before")
                shutil.rmtree(before, ignore_errors=True)
                # cp -a keeps the hard links between the live output and the spare (inodes still change:
                # a kept state is a faithful input, but its cache's manifests no longer match).
                subprocess.run(["cp", "-a", self.site, before], check=True)
            desc = None
            tries = 0
            while desc is None and tries < 10:
                desc = getattr(self, self.rng.choices(names, weights)[0])() if step else "first build"
                tries += 1
            options = []
            if self.rng.random() < 0.35:
                options.append("--no-ledger")
            elif self.ledger_last() > self.date:
                # Before the ledger's last date a build does not write it (LedgerGuard) and says so on
                # standard error: built with --no-ledger, the two builds compare as they should.
                options.append("--no-ledger")
            if self.rng.random() < 0.05:
                options += ["--base-url", "https://mirror.example/xinyong/"]
            if self.rng.random() < 0.05:
                options.append("--strict")
            # Now and then another output folder (`--out`): the cache keeps a manifest per output folder,
            # and the spare belongs to one.
            self.out = "Other" if self.rng.random() < 0.06 else "Public"
            if self.out != "Public":
                options += ["--out", self.p(self.out)]
            # Drawn on every step, so that a run with --kill 0 replays the same edits.
            kill_roll, fraction, repeat = self.rng.random(), self.rng.random(), self.rng.random()
            kill = step > 0 and kill_roll < self.args.kill
            print(f"[{step}] {self.date} {' '.join(options)} {desc}{' +kill' if kill else ''}", flush=True)
            self.copy_twin(twin)
            problems = []
            if kill:
                # The new site is the full build of the input as it is before the killed build.
                full = self.run_full(twin, options)
                # Sometimes killed again (and again) before a build completes: a half-claimed spare, staging
                # folders and old copies left by the first kill are the next build's to clean up.
                for k in range(1 if repeat < 0.7 else 2 if repeat < 0.9 else 3):
                    problems += self.killed_build(step, options, twin, (fraction + 0.37 * k) % 1.0)
                self.copy_twin(twin)  # the killed build may have written the ledger or the day's report
            start = time.monotonic()
            inc = subprocess.run(self.build_args(self.site, options, False), capture_output=True, text=True)
            elapsed = time.monotonic() - start
            self.expected_time = 0.7 * self.expected_time + 0.3 * elapsed if step else elapsed
            full = self.run_full(twin, options)
            problems += self.compare(step, twin, inc, full, desc)
            if inc.returncode not in (0, 1):
                print(f"     build exit {inc.returncode}: {inc.stderr.strip()[:300]}")
            if problems:
                self.failures.append((step, desc, problems))
                if before:
                    self.keep_failure(step, before, desc, options)
                if self.args.stop_on_failure:
                    break
                # Go on from a state both agree on: the full build's output replaces the incremental one.
                shutil.rmtree(self.p("Public"), ignore_errors=True)
                shutil.rmtree(self.p("Other"), ignore_errors=True)
                shutil.rmtree(self.p(".gongshi.cache"), ignore_errors=True)
                shutil.rmtree(self.p("Content"))
                shutil.copytree(os.path.join(twin, "Content"), self.p("Content"), symlinks=True)
                subprocess.run(self.build_args(self.site, options + ["--no-ledger"], False), capture_output=True)
        print(f"{self.args.steps} steps, seed {self.args.seed}: {len(self.failures)} failing step(s)")
        for step, desc, problems in self.failures:
            print(f"  step {step}: {desc}: {problems[0][:200]}")
        if not self.args.keep_work:
            shutil.rmtree(self.work, ignore_errors=True)
        return 1 if self.failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "gongshi"))
    ap.add_argument("--work", default="/dev/shm/incremental-fuzz")
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--date", default="2026-11-25", help="the first build date")
    ap.add_argument("--content", help="a Content folder to copy instead of the demo's (never written into)")
    ap.add_argument("--kill", type=float, default=0.1, help="share of steps whose build is first killed (SIGKILL)")
    ap.add_argument("--keep-failures", action="store_true", help="keep the site before each failing step")
    ap.add_argument("--keep-work", action="store_true", help="leave WORK in place at the end")
    ap.add_argument("--stop-on-failure", action="store_true")
    ap.add_argument("--ignore-file-count", action="store_true",
                    help="compare summaries without 共 N 个文件 (binaries before diff8's fix count some files twice)")
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"skipped: no gongshi binary at {args.binary} (build it: swift build -c release --product gongshi)")
        return 0
    return Fuzzer(args).run()


if __name__ == "__main__":
    sys.exit(main())
