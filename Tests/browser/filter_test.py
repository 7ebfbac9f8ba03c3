#!/usr/bin/env python3
"""Browser test of the listing filters of /xzcf/ (filter.js): headless Chromium (selenium) picks a
department, a 处罚类别, a severity and a month and checks the rows shown against the open data
(/data/xzcf.json) filtered independently, and that a filter fetched only a small part of the data.

Usage: filter_test.py --gongshi BIN --site DIR [--date 2026-11-25]
Exit 0 passed, 1 failed, 77 skipped (no chromium, chromedriver or selenium).
"""
import argparse, functools, http.server, json, os, re, shutil, socket, subprocess, sys, tempfile, threading


def skip(why):
    print(f"filter_test: skipped ({why})")
    sys.exit(77)


try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
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

out = tempfile.mkdtemp(prefix="gongshi-filter-")
subprocess.run([args.gongshi, "build", "--site", args.site, "--out", out, "--date", args.date, "--no-ledger", "--quiet"], check=True)

with open(os.path.join(out, "data", "xzcf.json"), encoding="utf-8") as f:
    rows = json.load(f)
for r in rows:
    r["_page"] = re.sub(r"^https?://[^/]+/", "", r["页面"])
    r["_cats"] = {c.strip() for c in re.split(r"[；;、，,/]", r.get("处罚类别", "")) if c.strip()} or {"未注明"}
    r["_month"] = r.get("处罚决定日期", "")[:7]
    # The department's 编码 from the record's URL (xzcf/<编码>-<hash>/), whatever the data calls the authority.
    r["_dept"] = r["_page"].split("/")[1].rsplit("-", 1)[0]
all_bytes = os.path.getsize(os.path.join(out, "data", "xzcf.json"))


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


handler = functools.partial(Quiet, directory=out)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()

os.environ["SE_AVOID_STATS"] = "true"
os.environ["SE_OFFLINE"] = "true"
from selenium.webdriver.chrome.service import Service
opts = webdriver.ChromeOptions()
opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,1800"):
    opts.add_argument(a)
driver = webdriver.Chrome(options=opts, service=Service(shutil.which("chromedriver")))
# A window cannot be made 360 px wide everywhere; emulate the device's viewport exactly.
driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 1800, "deviceScaleFactor": 1, "mobile": True})
failures = []


def shown_pages():
    """Every row of every page of the filtered results."""
    pages = []
    while True:
        pages += [a.get_attribute("href").split(f":{port}/", 1)[1] for a in driver.find_elements(By.CSS_SELECTOR, "#filter-results td.c-entity a")]
        nxt = [b for b in driver.find_elements(By.CSS_SELECTOR, "#filter-results .pager-button") if b.text == "下一页"]
        if not nxt:
            return pages
        before = driver.find_element(By.ID, "filter-status").text
        nxt[0].click()
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-status").text not in (before, "正在读取…"))


try:
    cases = []
    depts = sorted({r["_dept"] for r in rows})
    cats = sorted({c for r in rows for c in r["_cats"]})
    sevs = sorted({r.get("失信严重程度", "") for r in rows} - {""})
    months = sorted({r["_month"] for r in rows})
    cases.append(({"f-dept": depts[0]}, lambda r: r["_dept"] == depts[0]))
    cases.append(({"f-cat": cats[0]}, lambda r: cats[0] in r["_cats"]))
    if sevs:
        cases.append(({"f-sev": sevs[-1]}, lambda r: r.get("失信严重程度") == sevs[-1]))
    cases.append(({"f-month": months[-1]}, lambda r: r["_month"] == months[-1]))
    busiest = max(depts, key=lambda d: sum(1 for r in rows if r["_dept"] == d))
    its = sorted({c for r in rows if r["_dept"] == busiest for c in r["_cats"]})
    cases.append(({"f-dept": busiest}, lambda r: r["_dept"] == busiest))  # several pages of results
    cases.append(({"f-dept": busiest, "f-cat": its[-1]}, lambda r: r["_dept"] == busiest and its[-1] in r["_cats"]))
    for choice, keep in cases:
        driver.get(f"http://127.0.0.1:{port}/xzcf/")
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-app").is_displayed())
        for field, label in choice.items():
            sel = Select(driver.find_element(By.ID, field))
            if field in ("f-month", "f-dept"):
                sel.select_by_value(label)
            else:
                sel.select_by_visible_text(label)
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-status").text.startswith(("共", "没有")))
        status = driver.find_element(By.ID, "filter-status").text
        got = sorted(shown_pages())
        expected = sorted(r["_page"] for r in rows if keep(r))
        fetched = driver.execute_script(
            "return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/shaixuan/') >= 0)"
            ".reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), 0)")
        print(f"filter {choice}: {len(got)} rows, {len(expected)} expected, {fetched} bytes fetched of {all_bytes}; {status}")
        if got != expected:
            failures.append(f"{choice}: got {len(got)} rows, expected {len(expected)}")
        if f"共 {len(expected)} 条" not in status and expected:
            failures.append(f"{choice}: status says {status!r}")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        if width > 360:
            failures.append(f"{choice}: page scrolls sideways at 360 px ({width})")
    # Sorted by decision date, oldest first, across pages.
    driver.get(f"http://127.0.0.1:{port}/xzcf/?bumen={busiest}&paixu=asc")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-status").text.startswith(("共", "没有")))
    dates = []
    while True:
        dates += [td.text for td in driver.find_elements(By.CSS_SELECTOR, "#filter-results td.c-date")]
        nxt = [b for b in driver.find_elements(By.CSS_SELECTOR, "#filter-results .pager-button") if b.text == "下一页"]
        if not nxt:
            break
        before = driver.find_element(By.ID, "filter-status").text
        nxt[0].click()
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-status").text not in (before, "正在读取…"))
    print(f"sorted oldest first: {len(dates)} rows, {dates[:1]} … {dates[-1:]}")
    if dates != sorted(dates) or len(dates) != sum(1 for r in rows if r["_dept"] == busiest):
        failures.append("sorting by decision date, oldest first, is wrong")
    # The URL keeps the filter: a link to it shows the same rows.
    driver.get(f"http://127.0.0.1:{port}/xzcf/?yue={months[-1]}")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-status").text.startswith(("共", "没有")))
    if not driver.find_element(By.ID, "listing-static").get_attribute("hidden"):
        failures.append("a filter from the address left the plain listing visible")
finally:
    driver.quit()
    server.shutdown()
    shutil.rmtree(out, ignore_errors=True)

for f in failures:
    print("FAIL:", f)
print(f"filter_test: {len(failures)} failed")
sys.exit(1 if failures else 0)
