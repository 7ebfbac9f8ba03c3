#!/usr/bin/env python3
"""Benchmark: build a synthetic site of N records and print wall time, pages per second, peak memory.

    python3 Scripts/benchmark.py 10000 100000 [--hugo]

The site comes from the demo generator (Scripts/generate_site.py --records N) and is built on tmpfs
(/dev/shm), each run into a new folder: on this machine's disk, writing many files right after
deleting many gets slower run after run. With --hugo, the same records are also written as one
Markdown file each (front matter + a table template) and built with Debian's `hugo`, for comparison.
Figures only: this is not a test and asserts nothing.
"""
import argparse, json, os, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_measured(cmd, cwd=None):
    """Runs cmd; returns (seconds, peak RSS in MB of the child)."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if cwd:
            os.chdir(cwd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    secs = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return secs, usage.ru_maxrss / 1024


def count_files(d):
    pages = files = 0
    for _, _, names in os.walk(d):
        files += len(names)
        pages += sum(1 for n in names if n.endswith(".html"))
    return pages, files


def hugo_site(site, base):
    """Writes a Hugo site: one Markdown page per public record (from the open data), a table template."""
    h = os.path.join(base, "hugo")
    os.makedirs(os.path.join(h, "layouts", "_default"))
    with open(os.path.join(h, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.gov.cn/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term"]\n')
    with open(os.path.join(h, "layouts", "_default", "single.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
                "<table>{{ range $k, $v := .Params.fields }}<tr><th>{{ $k }}</th><td>{{ $v }}</td></tr>{{ end }}</table>"
                "{{ .Content }}</body></html>")
    with open(os.path.join(h, "layouts", "_default", "list.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>"
                "{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>")
    n = 0
    out = os.path.join(base, "gongshi-public")
    for kind in ("xzxk", "xzcf"):
        d = os.path.join(h, "content", kind)
        os.makedirs(d)
        with open(os.path.join(out, "data", kind + ".json"), encoding="utf-8") as f:
            rows = json.load(f)
        for i, row in enumerate(rows):
            fields = {k: v for k, v in row.items() if v and k != "页面"}
            with open(os.path.join(d, f"r{i}.md"), "w", encoding="utf-8") as f:
                f.write("---\n" + json.dumps({"title": row.get("行政相对人名称", ""), "fields": fields}, ensure_ascii=False) + "\n---\n")
            n += 1
    return h, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[10000])
    ap.add_argument("--hugo", action="store_true", help="also build the same records with hugo")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "gongshi"))
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release", "--product", "gongshi"], cwd=ROOT, check=True)
    tmp = "/dev/shm" if os.path.isdir("/dev/shm") else None
    print(f"{'records':>9} {'pages':>8} {'files':>8} {'seconds':>8} {'pages/s':>9} {'peak MB':>8}  tool")
    for n in args.sizes:
        base = tempfile.mkdtemp(prefix=f"gongshi-bench-{n}-", dir=tmp)
        try:
            site = os.path.join(base, "site")
            subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate_site.py"), "--records", str(n),
                            "--out", os.path.join(site, "Content")], check=True, stdout=subprocess.DEVNULL)
            shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(site, "Templates"))
            out = os.path.join(base, "gongshi-public")
            secs, mb = run_measured([args.binary, "build", "--site", site, "--out", out, "--date", "2026-11-25", "--no-ledger", "--quiet"])
            pages, files = count_files(out)
            print(f"{n:>9} {pages:>8} {files:>8} {secs:>8.2f} {pages / secs:>9.0f} {mb:>8.0f}  gongshi build")
            if args.hugo and shutil.which("hugo"):
                h, count = hugo_site(site, base)
                hout = os.path.join(base, "hugo-public")
                secs, mb = run_measured(["hugo", "--quiet", "-s", h, "-d", hout])
                hp, hf = count_files(hout)
                print(f"{count:>9} {hp:>8} {hf:>8} {secs:>8.2f} {hp / secs:>9.0f} {mb:>8.0f}  hugo (one page per record)")
            sys.stdout.flush()
        finally:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
