#!/usr/bin/env python3
"""Browser test of /sousuo/: headless Chromium (selenium) types queries and checks the results.

Usage: search_test.py --gongshi BIN --site DIR [--date 2026-11-25]
Exit 0 passed, 1 failed, 77 skipped (no chromium, chromedriver or selenium).
Prints the bytes fetched per query. Expected results are computed independently from the open data
(/data/*.json): every entity whose name contains the query, or whose code contains it.
"""
import argparse, functools, http.server, json, os, shutil, socket, subprocess, sys, tempfile, threading


def skip(why):
    print(f"search_test: skipped ({why})")
    sys.exit(77)


try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    skip("selenium not installed")
if not shutil.which("chromium") and not shutil.which("chromium-browser"):
    skip("chromium not installed")
if not shutil.which("chromedriver"):
    skip("chromedriver not installed")

ap = argparse.ArgumentParser()
ap.add_argument("--gongshi", required=True)
ap.add_argument("--site", required=True)
ap.add_argument("--date", default="2026-11-25")
args = ap.parse_args()

out = tempfile.mkdtemp(prefix="gongshi-search-")
subprocess.run([args.gongshi, "build", "--site", args.site, "--out", out, "--date", args.date, "--no-ledger", "--quiet"], check=True)

# Independent expectations from the open data.
entities = {}
for kind in ("xzxk", "xzcf", "mingdan"):
    with open(os.path.join(out, "data", kind + ".json"), encoding="utf-8") as f:
        for row in json.load(f):
            name = row.get("行政相对人名称") or row.get("主体名称") or ""
            code = row.get("统一社会信用代码", "")
            if code == "00000000000000000X":
                code = ""
            entities[(name, code)] = True

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


handler = functools.partial(Quiet, directory=out)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()

# Never let Selenium Manager look for drivers or send statistics over the network.
os.environ["SE_AVOID_STATS"] = "true"
os.environ["SE_OFFLINE"] = "true"
from selenium.webdriver.chrome.service import Service
opts = webdriver.ChromeOptions()
opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    opts.add_argument(a)
driver = webdriver.Chrome(options=opts, service=Service(shutil.which("chromedriver")))
failures = []
try:
    codes = sorted(c for (_, c) in entities if c)
    queries = ["周村", "食品有限公司"]
    if codes:
        queries.append(codes[len(codes) // 2][8:14])  # six characters from the middle of a real code
    for q in queries:
        driver.get(f"http://127.0.0.1:{port}/sousuo/")
        box = driver.find_element(By.ID, "q")
        box.send_keys(q)
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在查询…"))
        status = driver.find_element(By.ID, "search-status").text
        names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#results li > a")]
        fetched = driver.execute_script(
            "return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/sousuo/i/') >= 0)"
            ".reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), 0)")
        qn = q.upper()
        expected = sorted({n for (n, c) in entities if qn in n.upper() or (len(qn) >= 4 and qn in c)})
        print(f"query {q!r}: {len(names)} shown, {len(expected)} expected, {fetched} bytes of index fetched; status: {status}")
        if not expected:
            failures.append(f"{q}: the fixture has no entity for this query")
        elif "结果较多" in status or "可能还有更多" in status:
            wrong = [n for n in names if n not in expected]
            if wrong or not names:
                failures.append(f"{q}: partial results wrong: {wrong[:3]}")
        elif sorted(names) != expected[:100]:
            failures.append(f"{q}: got {sorted(names)[:5]}…, expected {expected[:5]}…")
        # Every result links to a page that exists.
        for a in driver.find_elements(By.CSS_SELECTOR, "#results li > a")[:5]:
            href = a.get_attribute("href").split("#")[0]
            path = href.split(f":{port}/", 1)[1]
            if not os.path.exists(os.path.join(out, path, "index.html")):
                failures.append(f"{q}: result link {path} missing")
    # Entities without a 统一社会信用代码 are found by their 组织机构代码 (typed with its hyphen) or
    # 工商注册号, and a name with inner spaces by the name typed without them.
    others = []
    for kind in ("xzxk", "xzcf", "mingdan"):
        with open(os.path.join(out, "data", kind + ".json"), encoding="utf-8") as f:
            for row in json.load(f):
                name = row.get("行政相对人名称") or row.get("主体名称") or ""
                if row.get("统一社会信用代码"):
                    continue
                for field in ("组织机构代码", "工商注册号"):
                    if row.get(field):
                        others.append((row[field], name))
                if " " in name:
                    others.append((name.replace(" ", "")[:8], name))
    for q, name in sorted(set(others))[:6]:
        driver.get(f"http://127.0.0.1:{port}/sousuo/")
        box = driver.find_element(By.ID, "q")
        box.send_keys(q)
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在查询…"))
        names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#results li > a")]
        print(f"identity query {q!r}: {len(names)} shown, expecting {name!r}")
        if name not in names:
            failures.append(f"{q}: {name} not found (got {names[:3]})")
    # A fragment of a 决定书文号 typed with full-width digits finds every number containing it.
    def fold(t):
        t = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in t).upper()
        t = "".join(t.split())
        for a in "[【(〔":
            t = t.replace(a, "〔")
        for b in "]】)〕":
            t = t.replace(b, "〕")
        return t
    numbers = []
    for kind, field in (("xzxk", "行政许可决定文书号"), ("xzcf", "行政处罚决定书文号")):
        with open(os.path.join(out, "data", kind + ".json"), encoding="utf-8") as f:
            numbers += [r.get(field, "") for r in json.load(f) if r.get(field)]
    penalty = sorted(n for n in numbers if "罚" in n)
    if penalty:
        whole = penalty[len(penalty) // 2]
        fragment = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in whole[whole.index("罚"):-1])
        # Typed as its authority's part with the year (周市监罚〔2026〕): the authority's numbers, never
        # a false "没有找到".
        prefix = whole[: whole.index("〕") + 1]
        for q in (whole, fragment, prefix):
            driver.get(f"http://127.0.0.1:{port}/sousuo/")
            box = driver.find_element(By.ID, "q")
            box.send_keys(q)
            box.send_keys(Keys.ENTER)
            WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在查询…"))
            status = driver.find_element(By.ID, "search-status").text
            shown = sorted(a.text for a in driver.find_elements(By.CSS_SELECTOR, "#results li > a"))
            expected = sorted({n for n in numbers if fold(q) in fold(n)})
            print(f"number query {q!r}: {len(shown)} shown, {len(expected)} expected; status: {status}")
            if "结果较多" in status or "可能还有更多" in status:
                if not shown or any(n not in expected for n in shown):
                    failures.append(f"{q}: partial results wrong")
            elif shown != expected:
                failures.append(f"{q}: got {shown[:3]}…, expected {expected[:3]}…")
    # No result for a name that does not exist.
    driver.get(f"http://127.0.0.1:{port}/sousuo/?q=不存在的主体名称")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在查询…"))
    if driver.find_elements(By.CSS_SELECTOR, "#results li"):
        failures.append("a nonsense query found something")
finally:
    driver.quit()
    server.shutdown()
    shutil.rmtree(out, ignore_errors=True)

for f in failures:
    print("FAIL:", f)
print(f"search_test: {len(failures)} failed")
sys.exit(1 if failures else 0)
