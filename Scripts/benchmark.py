#!/usr/bin/env python3
"""Benchmark: build a synthetic site of N records; print wall time, CPU time, CPU/wall and peak memory,
beside Hugo building the same records.

    python3 Scripts/benchmark.py 10000 100000 [--hugo] [--runs 3] [--work DIR]

For each size N the site comes from the demo generator (Scripts/generate_site.py --records N). Every run
builds on tmpfs (/dev/shm) in a fresh copy of the site (hard links to the generated Content, so that a
cache the build keeps beside its site starts cold), and measures, for the release `gongshi`:

  full        a build into an empty --out;
  no-change   the same build again into the same --out (what an incremental build can skip);
  +100        a day's 100 new records (a new CSV of licences decided the day before the build date)
              added to the site, and the build again into the same --out.
  +100 again  another 100 new records and the build again: the steady state of daily builds, where the
              site before the live one is kept as the spare to stage into (the +100 build has none yet:
              it is only the second build).
  next-day    a webmaster's real daily build: the day's build having written the ledger (not measured),
              another 100 new records, and the build of the next working day (--date one day later), with
              the ledger, into the same --out.

Full, no-change and +100 use --no-ledger and one date, as Hugo's build has neither.

The incremental scenarios are also printed as a percentage of the full build's wall time. With --hugo,
the records Gongshi published (its open data, xzxk and xzcf) are written as one Markdown page each (JSON
front matter, a table template, sections paginated by the site's 50 like Gongshi's listings) and built
with Debian's `hugo` into an empty folder. Figures are medians of --runs runs. CPU seconds are
user+system of the child (os.wait4's rusage); peak memory is its maximum resident set. A child whose
resident set passes --max-rss-mb is killed and reported as such (Hugo at 1 000 000 records may).
Before each size's runs one full build is made and not measured (--no-warmup skips it): see warm_up.
Figures only: this is not a test and asserts nothing.

A size whose runs would not fit in memory on tmpfs (the output, about 20 KB a record with the cache, next to
the build's own memory; 1 000 000 records need about 22 GB) runs on disk instead, in --scratch (default
/var/tmp), and says so; its Content is then copied, not linked. With two sizes or more, the last lines
give each size's full build against the previous size's (issue 11 asks at most 11x from 100 000 to 1 000 000).
"""
import argparse, csv, os, shutil, signal, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_DATE = "2026-11-25"
NEXT_DATE = "2026-11-26"  # the next working day (a Thursday)
# What one run holds on its filesystem per record: the output (1.7 GB at 100 000 records on tmpfs), the cache
# beside the site (0.15 GB) and the spare's changed files, with room to spare.
RUN_BYTES_PER_RECORD = 20_000
# The build's own resident memory per record (2.2 GB at 1 000 000), which tmpfs competes with for memory.
BUILD_BYTES_PER_RECORD = 2_300
# Hugo's site (one Markdown file a record) and output, on the same filesystem.
HUGO_BYTES_PER_RECORD = 12_000
# What the system keeps beside the runs: the kernel, the page cache of the generated Content, this script.
# Without it a run of 1 000 000 records was put on tmpfs with 0.4 GB to spare and thrashed the page cache.
SYSTEM_BYTES = 3_000_000_000


class Measure:
    """One run of a child: wall and CPU seconds, peak RSS in MB, and whether it was killed for memory."""

    def __init__(self, wall, cpu, mb, killed=False):
        self.wall, self.cpu, self.mb, self.killed = wall, cpu, mb, killed


def rss_mb(pid):
    """The current resident set of a process and its children threads, in MB (0 when gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0


def run_measured(cmd, max_rss_mb, env=None):
    """Runs cmd with stdout discarded; returns a Measure from the child's rusage."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        try:
            os.execvpe(cmd[0], cmd, env or os.environ)
        finally:
            os._exit(127)
    killed = threading.Event()

    def watch():
        # Polled beside a blocking wait so that a child growing past the limit is stopped before the
        # kernel's out-of-memory killer picks a victim on a shared machine, while the wall time is
        # taken when the child ends (a polled wait rounded it up to the next poll: up to 50 ms).
        while not done.wait(0.05):
            if rss_mb(pid) > max_rss_mb:
                os.kill(pid, signal.SIGKILL)
                killed.set()
                return

    done = threading.Event()
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    done.set()
    watcher.join()
    if not killed.is_set() and os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}")
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, killed.is_set())


def count_files(d):
    pages = files = 0
    for _, _, names in os.walk(d):
        files += len(names)
        pages += sum(1 for n in names if n.endswith(".html"))
    return pages, files


def generated_content(n, work):
    """The Content folder of a synthetic site of n records, generated once into work (kept with --work)."""
    content = os.path.join(work, f"content-{n}")
    if not os.path.exists(os.path.join(content, ".complete")):
        shutil.rmtree(content, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate_site.py"), "--records", str(n),
                        "--out", content], check=True, stdout=subprocess.DEVNULL)
        open(os.path.join(content, ".complete"), "w").close()
    return content


def link_or_copy(src, dst):
    """A hard link where src and dst share a filesystem, else a copy (a run on disk, Content on tmpfs)."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def fresh_site(content, base):
    """A site folder of its own for one run: Content hard-linked (cheap on tmpfs), Templates copied."""
    site = os.path.join(base, "site")
    shutil.copytree(content, os.path.join(site, "Content"), copy_function=link_or_copy,
                    ignore=shutil.ignore_patterns(".complete", "ledger.csv"))
    # The ledger is copied, not linked: the next-day scenario's builds append to it.
    if os.path.exists(os.path.join(content, "ledger.csv")):
        shutil.copy(os.path.join(content, "ledger.csv"), os.path.join(site, "Content", "ledger.csv"))
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(site, "Templates"))
    return site


def add_day_of_records(site, count=100, decided="2026-11-24", series="基准", file="benchmark"):
    """Writes `count` new licences into a new file, as a department's export of one more day: rows of an
    existing UTF-8 export with new document numbers, decided the working day before the build date."""
    folder = os.path.join(site, "Content", "xzxk")
    source = next(os.path.join(folder, f) for f in sorted(os.listdir(folder), reverse=True) if "scjgj" in f)
    with open(source, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    doc_col, decided_col, valid_from = (header.index(c) for c in ("行政许可决定文书号", "许可决定日期", "有效期自"))
    out = []
    for i in range(count):
        row = list(body[i % len(body)])
        row[doc_col] = f"周市监{series}〔2026〕{i + 1}号"
        row[decided_col] = row[valid_from] = decided
        out.append(row)
    path = os.path.join(folder, f"2026-11-scjgj-{file}.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([header] + out)
    return path


def hugo_site(gongshi_out, base):
    """Writes a Hugo site: one Markdown page per published licence and penalty (streamed from Gongshi's
    CSV open data, so Hugo gets exactly the records Gongshi published), a table template."""
    h = os.path.join(base, "hugo")
    os.makedirs(os.path.join(h, "layouts", "_default"))
    with open(os.path.join(h, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.gov.cn/"\ntitle = "bench"\npaginate = 50\n'
                'disableKinds = ["taxonomy", "term"]\n')
    with open(os.path.join(h, "layouts", "_default", "single.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
                "<table>{{ range $k, $v := .Params.fields }}<tr><th>{{ $k }}</th><td>{{ $v }}</td></tr>{{ end }}</table>"
                "{{ .Content }}</body></html>")
    with open(os.path.join(h, "layouts", "_default", "list.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>"
                "{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>")
    import json
    n = 0
    for kind in ("xzxk", "xzcf"):
        d = os.path.join(h, "content", kind)
        os.makedirs(d)
        with open(os.path.join(gongshi_out, "data", kind + ".csv"), encoding="utf-8-sig", newline="") as f:
            for i, row in enumerate(csv.DictReader(f)):
                fields = {k: v for k, v in row.items() if v and k != "页面"}
                with open(os.path.join(d, f"r{i}.md"), "w", encoding="utf-8") as page:
                    page.write("---\n" + json.dumps({"title": row.get("行政相对人名称", ""), "fields": fields},
                                                    ensure_ascii=False) + "\n---\n")
                n += 1
    return h, n


def build_command(binary, site, out):
    """The measured build: into `out`, on the build date, without the ledger (Hugo's build has none)."""
    return [binary, "build", "--site", site, "--out", out, "--date", BUILD_DATE, "--no-ledger", "--quiet"]


def warm_up(content, scratch, args):
    """One full build, not measured, before a size's runs. On a virtual machine the first touch of each
    page of guest memory is slow while the host backs it: right after boot the first benchmark of the
    day measured 12.7 s and Hugo 27.2 s for builds that took 9.5 s and 21.1 s an hour later (its
    output on tmpfs is memory too). The warm-up build touches as much memory as a measured one."""
    base = tempfile.mkdtemp(prefix="gongshi-bench-warmup-", dir=scratch)
    try:
        site = fresh_site(content, base)
        run_measured(build_command(args.binary, site, os.path.join(base, "out")), args.max_rss_mb)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def mem_available():
    """The memory the kernel could still give, in bytes (tmpfs files are not part of it)."""
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 0


def free_bytes(folder):
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


def scratch_for(n, hugo, tmp, disk):
    """Where the runs of n records go: tmpfs when their files fit beside the build's memory, else disk.
    Returns the folder and a note saying why (None on tmpfs)."""
    need = n * (RUN_BYTES_PER_RECORD + (HUGO_BYTES_PER_RECORD if hugo else 0))
    room = min(free_bytes(tmp), mem_available() - n * BUILD_BYTES_PER_RECORD - SYSTEM_BYTES) if tmp else 0
    if need < room:
        return tmp, None
    os.makedirs(disk, exist_ok=True)
    gb = lambda b: f"{max(b, 0) / 1e9:.1f} GB"
    if need > free_bytes(disk):
        sys.exit(f"{n} records need about {gb(need)}: tmpfs has {gb(room)} to spare, {disk} {gb(free_bytes(disk))}")
    return disk, f"# {n} records: on disk in {disk}, not tmpfs (the runs need about {gb(need)}, tmpfs has {gb(room)} to spare)"


def median(ms, attr):
    return statistics.median(getattr(m, attr) for m in ms)


def row(n, scenario, ms, pages, files, tool, full_wall=None):
    wall, cpu, mb = median(ms, "wall"), median(ms, "cpu"), median(ms, "mb")
    killed = sum(m.killed for m in ms)
    share = f"{100 * wall / full_wall:6.1f}%" if full_wall else "       "
    note = f"  (killed at the memory limit in {killed} of {len(ms)} runs)" if killed else ""
    print(f"{n:>9} {scenario:<10} {wall:>8.2f} {cpu:>8.2f} {cpu / wall:>6.2f} {mb:>8.0f} {share} "
          f"{pages:>8} {files:>8}  {tool}{note}")
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[10000])
    ap.add_argument("--hugo", action="store_true", help="also build the same records with hugo")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (the median is printed)")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "gongshi"))
    ap.add_argument("--work", help="keep generated sites here for the next invocation (default: a temporary folder)")
    ap.add_argument("--max-rss-mb", type=float, default=12000, help="kill a build whose resident set passes this")
    ap.add_argument("--no-incremental", action="store_true", help="measure full builds only")
    ap.add_argument("--no-warmup", dest="warmup", action="store_false",
                    help="skip the unmeasured full build before each size's runs")
    ap.add_argument("--scratch", default="/var/tmp", help="where runs go that do not fit on tmpfs (a disk folder)")
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release", "--product", "gongshi"], cwd=ROOT, check=True)
    tmp = "/dev/shm" if os.path.isdir("/dev/shm") else None
    work = args.work or tempfile.mkdtemp(prefix="gongshi-bench-", dir=tmp)
    print(f"{'records':>9} {'scenario':<10} {'wall s':>8} {'CPU s':>8} {'CPU/wall':>6} {'peak MB':>8} {'of full':>7} "
          f"{'pages':>8} {'files':>8}  tool")
    if args.hugo and not shutil.which("hugo"):
        print("note: --hugo asked for, but no `hugo` is on PATH (apt-get install -y hugo): Hugo's rows are left out",
              file=sys.stderr)
    try:
        fulls = []
        for n in args.sizes:
            content = generated_content(n, work)
            full, same, day, again, nextday = [], [], [], [], []
            hugo = []
            pages = files = hpages = hfiles = 0
            scratch, note = scratch_for(n, args.hugo and shutil.which("hugo"), tmp, args.scratch)
            if note:
                print(note)
            if args.warmup:
                warm_up(content, scratch, args)
            for run in range(args.runs):
                base = tempfile.mkdtemp(prefix=f"gongshi-bench-{n}-", dir=scratch)
                try:
                    site = fresh_site(content, base)
                    out = os.path.join(base, "gongshi-public")
                    cmd = build_command(args.binary, site, out)
                    full.append(run_measured(cmd, args.max_rss_mb))
                    if run == 0:
                        pages, files = count_files(out)
                    # Hugo gets the records of the full build, before the day's new ones are added.
                    with_hugo = args.hugo and shutil.which("hugo")
                    if with_hugo:
                        h, count = hugo_site(out, base)
                    if not args.no_incremental:
                        same.append(run_measured(cmd, args.max_rss_mb))
                        add_day_of_records(site)
                        day.append(run_measured(cmd, args.max_rss_mb))
                        add_day_of_records(site, series="再次", file="again")
                        again.append(run_measured(cmd, args.max_rss_mb))
                        with_ledger = [c for c in cmd if c != "--no-ledger"]
                        run_measured(with_ledger, args.max_rss_mb)
                        add_day_of_records(site, decided=BUILD_DATE, series="次日", file="nextday")
                        next_cmd = [NEXT_DATE if c == BUILD_DATE else c for c in with_ledger]
                        nextday.append(run_measured(next_cmd, args.max_rss_mb))
                    if with_hugo:
                        hout = os.path.join(base, "hugo-public")
                        hugo.append(run_measured(["hugo", "--quiet", "-s", h, "-d", hout], args.max_rss_mb))
                        if run == 0 and not hugo[-1].killed:
                            hpages, hfiles = count_files(hout)
                finally:
                    shutil.rmtree(base, ignore_errors=True)
            row(n, "full", full, pages, files, "gongshi build")
            fulls.append((n, full, "disk" if note else "tmpfs"))
            if same:
                row(n, "no-change", same, pages, files, "gongshi build (again into the same --out)",
                    median(full, "wall"))
                row(n, "+100", day, pages, files, "gongshi build (100 new records, same --out)",
                    median(full, "wall"))
                row(n, "+100 again", again, pages, files, "gongshi build (100 more new records, same --out)",
                    median(full, "wall"))
                row(n, "next-day", nextday, pages, files,
                    "gongshi build (ledger written, 100 new records, --date a day later)", median(full, "wall"))
            if hugo:
                row(count, "full", hugo, hpages, hfiles, "hugo (one page per published record)")
                print(f"{'':>9} gongshi CPU / hugo CPU = {median(full, 'cpu') / median(hugo, 'cpu'):.2f}, "
                      f"wall = {median(full, 'wall') / median(hugo, 'wall'):.2f}")
        for (a, fa, wa), (b, fb, wb) in zip(fulls, fulls[1:]):
            print(f"{b} / {a} records ({b / a:g}x): full build {median(fb, 'wall') / median(fa, 'wall'):.2f}x the wall "
                  f"time, {median(fb, 'cpu') / median(fa, 'cpu'):.2f}x the CPU seconds, "
                  f"{median(fb, 'mb') / median(fa, 'mb'):.2f}x the peak memory ({wa}, {wb})")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
