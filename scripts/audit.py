"""Lighthouse audit of the built site, served gzipped on 127.0.0.1: `make audit`.

Prints the four category scores (performance, accessibility, best practices, SEO) and the total
blocking time for the home page, a body page, a place page and the commitments register, as
Lighthouse's default mobile run measures them. Lighthouse is pinned in package.json (npm ci);
Chromium is Debian's, passed as CHROME_PATH.

Usage: python scripts/audit.py [--site site] [--json out.json] [--strict]
--strict exits 1 when accessibility, best practices or SEO is below 100 on any page
(performance is printed, never asserted: it is noisy on a shared machine).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
from contextlib import AbstractContextManager
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.chromium import ARGS, CHROMIUM  # noqa: E402  (the repository root is on the path only now)
from scripts.chromium import serve as serve_site  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "/",
    "body": "/bodies/bolton-jcc/",
    "place": "/places/bolton/",
    "commitments": "/commitments/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
ASSERTED = ["accessibility", "best-practices", "seo"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the client accepts it (as a production server would)."""

    cache: ClassVar[dict[str, bytes]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        if (
            not path.endswith(COMPRESSIBLE)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not os.path.isfile(path)
        ):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            with open(path, "rb") as f:
                body = self.cache[path] = gzip.compress(f.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(site: Path) -> AbstractContextManager[str]:
    return serve_site(site, GzipHandler)


def lighthouse(url: str) -> dict[str, float]:
    """One mobile Lighthouse run: category scores (0-100) and total blocking time (ms)."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (make node_modules/.installed)")
    with tempfile.TemporaryDirectory(prefix="lh-") as tmp:
        out = Path(tmp) / "report.json"
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new " + " ".join(ARGS),
            ],
            env=dict(os.environ, CHROME_PATH=CHROMIUM, LH_NO_UPDATE_NOTIFIER="1"),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores["tbt-ms"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    scores["failed"] = [  # type: ignore[assignment]
        f"{c}: {a['id']}"
        for c in ASSERTED
        for ref in report["categories"][c]["auditRefs"]
        if ref.get("weight", 0) > 0
        for a in [report["audits"][ref["id"]]]
        if a.get("score") is not None and a["score"] < 1
    ]
    return scores


def audit(site: Path, pages: dict[str, str] | None = None) -> dict[str, dict[str, float]]:
    results = {}
    with serve(site) as base:
        for name, path in (pages or PAGES).items():
            results[name] = lighthouse(base + path)
    return results


def table(results: dict[str, dict[str, float]]) -> str:
    head = f"{'page':<12} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'TBT ms':>7}"
    rows = [head, "-" * len(head)]
    for name, s in results.items():
        rows.append(
            f"{name:<12} {s['performance']:>5} {s['accessibility']:>5} {s['best-practices']:>5} "
            f"{s['seo']:>5} {s['tbt-ms']:>7}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--json", type=Path, help="also write the scores here")
    ap.add_argument("--strict", action="store_true", help="exit 1 if accessibility, best practices or SEO < 100")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"No built site in {args.site}: run `make site` first.", file=sys.stderr)
        return 2
    results = audit(args.site)
    print(f"Lighthouse (mobile, served gzipped) on {args.site}")
    print(table(results))
    for name, s in results.items():
        for f in s["failed"]:  # type: ignore[union-attr]
            print(f"  {name}: failing audit {f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    low = [f"{n} {c}={s[c]}" for n, s in results.items() for c in ASSERTED if s[c] < 100]
    if low and args.strict:
        print("Below 100: " + ", ".join(low), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
