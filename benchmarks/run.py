"""Benchmark: build the site from synthetic registers of several sizes and check the performance bars.

Run from the repository root:

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/run.py [--sizes 1,4,10,42] [--seed 0]

For each size (a number of integrated care systems) it writes a synthetic register
(`benchmarks/synth.py`), times the data layer in this process (`govreg.build.generate`: load,
validate, index, render Markdown, export), builds the whole site as `make site` does
(`python -m govreg build`, a subprocess), and builds the same generated Markdown with a
plain `mkdocs build` (same theme and Markdown settings, no hooks), so the register's own
cost and the engine's are measured side by side on one machine in one run. It prints a
table and the performance bars with whether each is met, and writes both to
benchmarks/results.md.

Each full build starts with an empty rendered-HTML cache (`GOVREG_HTML_CACHE`, see
hooks/html_cache_hook.py), and is then repeated with the cache it filled ("warm rebuild").

Edit-to-preview (`--preview seed,42`): starts `govreg serve` on 127.0.0.1 and a free port
on a temporary copy of the data (the bundled `data/` for `seed`, else a synthetic register),
waits for the first build, then repeatedly edits one record's text (a body's purpose), each
edit 1 to 2 s after the last showed (a seeded random pause, so that edits fall at any point of
MkDocs' half-second file polling, as a person's do), and polls that record's page over HTTP
until the edit shows. MkDocs' server holds page requests
while a rebuild runs, so the time is what a browser waits. Median and maximum are reported.

Why CPU seconds as well as wall seconds: the build machines are shared, and CPU time is
what a build costs when other jobs compete for the cores; both are reported, with the load
average before and after each measurement.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.synth import write as write_synthetic
from govreg import build as register_build
from govreg.settings import read_config
from govreg.stage import PYTHON, write_tree

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.md"
AS_OF = date(2021, 3, 24)  # the as-of date in mkdocs.yml, so synthetic updates fall either side of it
KB = 1024
HTML_CACHE = [True]  # --html-cache off measures builds without the rendered-HTML cache (before/after)

LINEAR_FACTOR = 1.1  # 10x the records may cost at most 11x the time
DATA_SHARE = 0.10
FLAT_HTML = 0.10
MEDIAN_HTML_MAX = 60 * KB
SEARCH_GZ_MAX = 1.5 * KB * KB


@dataclass
class Run:
    """What one build cost and produced."""

    wall: float
    cpu: float
    peak_kb: int
    ok: bool
    stderr: str = ""


@dataclass
class Row:
    """One size: records, the data layer, the full build, the plain MkDocs build and the site."""

    systems: int
    records: int
    nested: int
    check_wall: float
    check_cpu: float
    data_wall: float
    data_cpu: float
    outputs: int
    markdown_bytes: int
    full: Run
    plain: Run
    warm: Run | None = None
    load_before: str = ""
    load_after: str = ""
    pages: int = 0
    median_html: float = 0
    largest_html: int = 0
    largest_page: str = ""
    search_raw: int = 0
    search_gz: int = 0
    site_bytes: int = 0


def timed_subprocess(cmd: list[str], env: dict[str, str], cwd: Path) -> Run:
    """Run a command; wall and CPU seconds (children included) and peak resident memory.

    Why /usr/bin/time: getrusage(RUSAGE_CHILDREN) keeps the largest child ever seen,
    so a smaller build after a larger one would report the larger one's memory.
    """
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        full = [str(gnu_time), "-f", "%M", "-o", report.name, *cmd] if gnu_time.exists() else cmd
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(full, env=env, cwd=cwd, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        text = Path(report.name).read_text().strip().splitlines() if gnu_time.exists() else []
    peak = int(text[-1]) if text and text[-1].isdigit() else after.ru_maxrss
    return Run(wall, cpu, peak, done.returncode == 0, done.stderr[-2000:])


def write_plain_tree(result: register_build.Result, out: Path) -> int:
    """The tree `govreg generate` writes (pages, exports, theme, a plugin-free mkdocs.yml); Markdown bytes."""
    return write_tree(result, read_config(ROOT / "mkdocs.yml"), ROOT / "docs", out)


def measure_site(site: Path, row: Row) -> None:
    """Pages (redirect stubs excluded), HTML bytes per page, search index and total bytes."""
    sizes: list[tuple[int, str]] = []
    total = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            with path.open("rb") as fh:
                head = fh.read(600)
            if b'http-equiv="refresh"' not in head:
                sizes.append((size, path.relative_to(site).as_posix()))
    search = site / "search" / "search_index.json"
    raw = search.read_bytes() if search.exists() else b""
    row.pages = len(sizes)
    row.median_html = statistics.median(s for s, _ in sizes) if sizes else 0
    row.largest_html, row.largest_page = max(sizes) if sizes else (0, "")
    row.search_raw = len(raw)
    row.search_gz = len(gzip.compress(raw, compresslevel=6, mtime=0))
    row.site_bytes = total


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its children that have ended (the data layer forks)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def bench_size(systems: int, seed: int, work: Path) -> Row:
    """Generate, time the data layer, build fully, build plainly, measure."""
    data = work / "data"
    write_synthetic(data, systems, seed)
    load_before = load_average()
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH=register_build.epoch_of(AS_OF),
        GOVREG_HTML_CACHE=str(work / "html-cache") if HTML_CACHE[0] else "off",
    )

    c0, w0 = time.process_time(), time.perf_counter()
    index, problems = register_build.check(data)
    check_cpu, check_wall = time.process_time() - c0, time.perf_counter() - w0
    if problems:
        raise SystemExit(f"synthetic data for {systems} systems has problems:\n{register_build.report(problems)}")
    c0, w0 = _cpu_with_children(), time.perf_counter()
    result = register_build.generate(data, AS_OF)  # the exports run in a forked child
    data_cpu, data_wall = _cpu_with_children() - c0, time.perf_counter() - w0

    tree = work / "plain"
    markdown = write_plain_tree(result, tree)
    config = tree / "mkdocs.yml"
    full_site, plain_site = work / "site", work / "plain-site"
    python = sys.executable
    build_cmd = [python, "-m", "govreg", "build", "--data", str(data), "--site-dir", str(full_site)]
    build_cmd += ["--as-of", str(AS_OF)]
    full = timed_subprocess(build_cmd, env, ROOT)  # the HTML cache starts empty
    plain = timed_subprocess(
        [python, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(plain_site)],
        dict(env, PYTHONPATH=str(tree / PYTHON)),
        ROOT,
    )
    row = Row(
        systems,
        len(index.records),
        len(index.nested),
        check_wall,
        check_cpu,
        data_wall,
        data_cpu,
        len(result.outputs),
        markdown,
        full,
        plain,
    )
    if full.ok:
        measure_site(full_site, row)
        row.warm = timed_subprocess(build_cmd, env, ROOT)  # the same data, with the cache the first build filled
    row.load_before, row.load_after = load_before, load_average()
    return row


PREVIEW_SEED_SHARE = 1 / 3  # of the first (clean) build, edit-to-preview at seed size
PREVIEW_NATIONAL = 15.0  # seconds, at 42 systems
PURPOSE = re.compile(r"^  purpose: (?:>-?\n +)?(?=[A-Za-z])", re.MULTILINE)


@dataclass
class Preview:
    """Edit-to-preview in `govreg serve` for one register."""

    label: str
    records: int
    first_build: float
    times: list[float]
    serve_cpu: float
    load_before: str
    load_after: str
    error: str = ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def _cpu_of(pid: int) -> float:
    """User + system seconds of a live process, its waited-for children and its live descendants, from /proc.

    `govreg serve` runs `mkdocs serve` as a child, which forks a child of its own at each rebuild.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = [
            int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()
        ]
    except OSError:
        return 0.0
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK") + sum(_cpu_of(c) for c in children)


def edit_target(data: Path) -> tuple[Path, str, str]:
    """A body with a plain or folded `purpose`: its file, its id and the file's text."""
    for path in sorted(data.glob("*/bodies.yml")):
        text = path.read_text(encoding="utf-8")
        match = PURPOSE.search(text)
        if match:
            ids = re.findall(r"^- id: ([a-z0-9-]+)$", text[: match.start()], re.MULTILINE)
            if ids:
                return path, ids[-1], text
    raise SystemExit(f"no body with a plain purpose in {data}")


def measure_preview(label: str, data: Path, work: Path, repeats: int, records: int) -> Preview:
    """Start `govreg serve` on a copy of `data`, edit one record `repeats` times, time each edit to the page."""
    copy = work / "serve-data"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(data, copy)
    path, rid, original = edit_target(copy)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    page = f"{base}/bodies/{rid}/"
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        GOVREG_DATA=str(copy),
        GOVREG_AS_OF=str(AS_OF),
        SOURCE_DATE_EPOCH=register_build.epoch_of(AS_OF),
        GOVREG_HTML_CACHE=str(work / "serve-html-cache") if HTML_CACHE[0] else "off",
    )
    # The preview command the README gives: `mkdocs serve` with its scratch site in memory where there is room.
    cmd = [sys.executable, "-m", "govreg", "serve", "--config", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    load_before = load_average()
    log = (work / "serve.log").open("w", encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    result = Preview(label, records, 0.0, [], 0.0, load_before, "")
    try:
        while _fetch(page, 600) is None:
            if proc.poll() is not None:
                result.error = f"govreg serve exited with {proc.returncode}; see {work / 'serve.log'}"
                return result
            time.sleep(0.2)
        result.first_build = time.perf_counter() - start
        cpu0 = _cpu_of(proc.pid)
        # A person's edit lands at any moment of MkDocs' file polling (every 0.5 s). A fixed pause
        # would not: with a rebuild of about a second, a 1-second pause put every edit just after
        # a poll, so each waited nearly the whole interval. So the pause is 1 s plus a seeded draw.
        phase = random.Random(f"preview {label}")
        for i in range(repeats):
            time.sleep(1.0 + phase.uniform(0.0, 1.0))  # let the watcher settle between edits
            marker = f"Preview check {i + 1} of {repeats}."
            found = PURPOSE.search(original)
            assert found is not None
            text = original[: found.end()] + marker + " " + original[found.end() :]
            t0 = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            while True:
                body = _fetch(page, 600)
                if body is not None and marker in body:
                    break
                if proc.poll() is not None or time.perf_counter() - t0 > 1800:
                    result.error = f"the edit did not show; see {work / 'serve.log'}"
                    return result
                time.sleep(0.05)
            result.times.append(time.perf_counter() - t0)
        result.serve_cpu = _cpu_of(proc.pid) - cpu0
    finally:
        path.write_text(original, encoding="utf-8")
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
        result.load_after = load_average()
    return result


def preview_table(previews: list[Preview]) -> str:
    out = [
        "| Register | Records | First build in `govreg serve`, s | Edit-to-preview median, s | Maximum, s "
        "| Edits | Serve CPU per edit, s | Load average before / after |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for p in previews:
        if p.error or not p.times:
            out.append(f"| {p.label} | {p.records:,} | {p.error or 'no edits'} | - | - | 0 | - | {p.load_before} / - |")
            continue
        out.append(
            f"| {p.label} | {p.records:,} | {p.first_build:.1f} | {statistics.median(p.times):.1f} | "
            f"{max(p.times):.1f} | {len(p.times)} | {p.serve_cpu / len(p.times):.1f} | "
            f"{p.load_before} / {p.load_after} |"
        )
    return "\n".join(out)


def preview_targets(previews: list[Preview]) -> list[tuple[str, str, str]]:
    """Seed: the median edit within a third of the first (clean) build; 42 systems: within 15 s."""
    out = []
    for p in previews:
        if p.label == "seed":
            bar, name = p.first_build * PREVIEW_SEED_SHARE, f"a third of the first build ({p.first_build:.1f} s)"
        elif p.label.startswith("42 "):
            bar, name = PREVIEW_NATIONAL, f"{PREVIEW_NATIONAL:.0f} s"
        else:
            continue
        median = statistics.median(p.times) if p.times else 0.0
        got = f"median {median:.2f} s ({median / p.first_build:.2f}x), max {max(p.times):.2f} s" if p.times else p.error
        ok = bool(p.times) and median <= bar
        out.append((f"Edit-to-preview in `govreg serve` within {name} ({p.label})", got, "met" if ok else "NOT met"))
    return out


def _mb(n: float) -> str:
    return f"{n / KB / KB:.1f} MB"


def _kb(n: float) -> str:
    return f"{n / KB:.1f} KB"


def _run(run: Run | None, what: str) -> str:
    if run is None:
        return "-"
    return f"{getattr(run, what):.1f}" + ("" if run.ok else " (failed)")


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def table(rows: list[Row]) -> str:
    """The results as a Markdown table, one column per size."""
    lines = [
        ("Systems", lambda r: str(r.systems)),
        ("Records (top level)", lambda r: f"{r.records:,}"),
        ("Nested items (seats, principles, ...)", lambda r: f"{r.nested:,}"),
        ("Pages (HTML, redirect stubs excluded)", lambda r: f"{r.pages:,}"),
        ("Generated Markdown", lambda r: _mb(r.markdown_bytes)),
        ("Full build, wall s", lambda r: f"{r.full.wall:.1f}" + ("" if r.full.ok else " (failed)")),
        ("Full build, CPU s", lambda r: f"{r.full.cpu:.1f}"),
        ("Warm rebuild (same data, HTML cache filled), wall s", lambda r: _run(r.warm, "wall")),
        ("Warm rebuild, CPU s", lambda r: _run(r.warm, "cpu")),
        ("Data layer (`generate`), wall s", lambda r: f"{r.data_wall:.2f}"),
        ("Data layer (`generate`), CPU s", lambda r: f"{r.data_cpu:.2f}"),
        ("CLI pre-validation (`check`), CPU s", lambda r: f"{r.check_cpu:.2f}"),
        (
            "MkDocs + Material in the full build, CPU s",
            lambda r: f"{max(r.full.cpu - r.data_cpu - r.check_cpu, 0):.1f}",
        ),
        ("Data layer share of full build (CPU)", lambda r: f"{r.data_cpu / r.full.cpu:.1%}" if r.full.cpu else "-"),
        ("Plain `mkdocs build`, wall s", lambda r: f"{r.plain.wall:.1f}" + ("" if r.plain.ok else " (failed)")),
        ("Plain `mkdocs build`, CPU s", lambda r: f"{r.plain.cpu:.1f}"),
        ("Full build / plain build (CPU)", lambda r: f"{r.full.cpu / r.plain.cpu:.2f}x" if r.plain.cpu else "-"),
        ("Peak memory, full build", lambda r: _mb(r.full.peak_kb * KB)),
        ("Peak memory, plain build", lambda r: _mb(r.plain.peak_kb * KB)),
        ("Median HTML per page", lambda r: _kb(r.median_html)),
        ("Largest HTML page", lambda r: f"{_kb(r.largest_html)} (`{r.largest_page}`)"),
        ("Search index, raw", lambda r: _kb(r.search_raw)),
        ("Search index, gzipped", lambda r: _kb(r.search_gz)),
        ("Total site", lambda r: _mb(r.site_bytes)),
        ("Load average (1, 5, 15 min) before / after", lambda r: f"{r.load_before} / {r.load_after}"),
    ]
    out = ["| Measure | " + " | ".join(f"{r.systems} system{'s' if r.systems > 1 else ''}" for r in rows) + " |"]
    out.append("| --- |" + " ---: |" * len(rows))
    for label, get in lines:
        out.append(f"| {label} | " + " | ".join(get(r) for r in rows) + " |")
    return "\n".join(out)


def _by_systems(rows: list[Row], n: int) -> Row | None:
    return next((r for r in rows if r.systems == n), None)


def targets(rows: list[Row]) -> list[tuple[str, str, str]]:
    """(bar, measured, verdict) for each performance bar."""
    out: list[tuple[str, str, str]] = []
    small, large = rows[0], rows[-1]

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    ten = _by_systems(rows, small.systems * 10)
    if ten and ten.full.ok and small.full.ok:
        data_ratio = ten.records / small.records
        for what, a, b in (("CPU", small.full.cpu, ten.full.cpu), ("wall", small.full.wall, ten.full.wall)):
            ratio = b / a
            out.append(
                (
                    f"10x the records costs at most 11x the time ({small.systems} -> {ten.systems} systems, {what})",
                    f"{data_ratio:.1f}x records, {ratio:.1f}x time (allowed {LINEAR_FACTOR * data_ratio:.1f}x)",
                    verdict(ratio <= LINEAR_FACTOR * data_ratio),
                )
            )
    else:
        out.append(("10x the records costs at most 11x the time", "needs sizes N and 10N", "not measured"))
    if len(rows) > 2 and large.full.ok:
        base = rows[1]
        data_ratio, ratio = large.records / base.records, large.full.cpu / base.full.cpu
        out.append(
            (
                f"Also: {base.systems} -> {large.systems} systems (CPU), where fixed start-up costs matter less",
                f"{data_ratio:.1f}x records, {ratio:.1f}x time (allowed {LINEAR_FACTOR * data_ratio:.1f}x)",
                verdict(ratio <= LINEAR_FACTOR * data_ratio),
            )
        )
    if large.full.ok and large.full.cpu:
        share = large.data_cpu / large.full.cpu
        both = (large.data_cpu + large.check_cpu) / large.full.cpu
        out.append(
            (
                f"Data layer at most 10% of a full build ({large.systems} systems, CPU)",
                f"`generate` {share:.1%}; with the CLI's validation pass {both:.1%}",
                verdict(share <= DATA_SHARE),
            )
        )
    if small.pages and large.pages:
        change = large.median_html / small.median_html - 1
        out.append(
            (
                "Median HTML per page flat (within 10%) from smallest to largest, and under 60 KB",
                f"{_kb(small.median_html)} -> {_kb(large.median_html)} ({change:+.1%})",
                verdict(abs(change) <= FLAT_HTML and large.median_html < MEDIAN_HTML_MAX),
            )
        )
    n42 = _by_systems(rows, 42)
    if n42 is not None:
        out.append(
            (
                "42-system search index under 1.5 MB gzipped",
                _kb(n42.search_gz),
                verdict(n42.full.ok and n42.search_gz < SEARCH_GZ_MAX),
            )
        )
        out.append(
            (
                "42-system build finishes",
                f"{n42.full.wall:.0f} s wall, {n42.full.cpu:.0f} s CPU, {_mb(n42.full.peak_kb * KB)} peak",
                verdict(n42.full.ok),
            )
        )
    else:
        out.append(("42-system search index and build", "42 not in --sizes", "not measured"))
    return out


def machine() -> str:
    import mkdocs  # type: ignore[import-untyped]

    material = subprocess.run(
        [sys.executable, "-m", "pip", "show", "mkdocs-material"], capture_output=True, text=True, check=False
    ).stdout
    version = next((ln.split(":", 1)[1].strip() for ln in material.splitlines() if ln.startswith("Version")), "?")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"MkDocs {mkdocs.__version__}, Material {version}; load average at the end {load}"
    )


def report(rows: list[Row], seed: int, started: str, previews: list[Preview]) -> str:
    bars = (targets(rows) if rows else []) + preview_targets(previews)
    verdicts = "\n".join(f"| {bar} | {got} | {ok} |" for bar, got, ok in bars)
    preview = f"Edit-to-preview in `govreg serve`:\n\n{preview_table(previews)}\n\n" if previews else ""
    failures = "".join(
        f"\n\n{name} build for {r.systems} systems failed:\n\n```text\n{run.stderr}\n```"
        for r in rows
        for name, run in (("Full", r.full), ("Plain", r.plain))
        if not run.ok
    )
    return (
        f"Synthetic registers (`python -m benchmarks.synth --seed {seed}`), as-of date {AS_OF}. "
        f"Rendered-HTML cache {'on' if HTML_CACHE[0] else 'off'}. "
        f"Load average at the start {started}.\n{machine()}.\n\n"
        f"{table(rows) + chr(10) * 2 if rows else ''}{preview}"
        f"| Bar | Measured | Verdict |\n| --- | --- | --- |\n{verdicts}{failures}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,10,42", help="numbers of systems, comma-separated (default 1,4,10,42)")
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--keep", type=Path, help="keep the data and sites in this folder")
    parser.add_argument("--out", type=Path, default=RESULTS, help="Markdown file for the results")
    parser.add_argument(
        "--preview", default="", help="edit-to-preview in `govreg serve` for these registers: 'seed' and/or sizes"
    )
    parser.add_argument("--preview-repeats", default=5, type=int, help="edits per register (default 5)")
    parser.add_argument("--html-cache", choices=("on", "off"), default="on", help="off: build without the HTML cache")
    args = parser.parse_args(argv)
    HTML_CACHE[0] = args.html_cache == "on"
    sizes = sorted({int(x) for x in args.sizes.split(",") if x.strip()})  # --sizes "" for edit-to-preview only
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="govreg-bench-") as tmp:
        root = args.keep or Path(tmp)
        for n in sizes:
            work = root / f"systems-{n}"
            if work.exists():
                shutil.rmtree(work)
            work.mkdir(parents=True)
            print(f"{n} systems ...", file=sys.stderr, flush=True)
            row = bench_size(n, args.seed, work)
            rows.append(row)
            print(
                f"  {row.records} records, {row.pages} pages, full build {row.full.wall:.1f} s wall"
                f" / {row.full.cpu:.1f} s CPU, data layer {row.data_cpu:.2f} s CPU, plain {row.plain.wall:.1f} s wall",
                file=sys.stderr,
                flush=True,
            )
        previews: list[Preview] = []
        for label in [x.strip() for x in args.preview.split(",") if x.strip()]:
            work = root / f"preview-{label}"
            if work.exists():
                shutil.rmtree(work)
            work.mkdir(parents=True)
            if label == "seed":
                data, name = ROOT / "data", "seed"
            else:
                data, name = work / "data", f"{int(label)} systems"
                write_synthetic(data, int(label), args.seed)
            index, _ = register_build.check(data)
            print(f"edit-to-preview, {name} ...", file=sys.stderr, flush=True)
            p = measure_preview(name, data, work, args.preview_repeats, len(index.records))
            previews.append(p)
            print(f"  {p.error or ', '.join(f'{t:.1f}' for t in p.times)} s", file=sys.stderr, flush=True)
    text = report(rows, args.seed, started, previews)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Benchmark results\n\n" + text, encoding="utf-8")
    return 0 if all(r.full.ok for r in rows) and not any(p.error for p in previews) else 1


if __name__ == "__main__":
    sys.exit(main())
