"""Zensical against MkDocs on the same generated Markdown (issue 14, step 5).

Zensical, from the Material team, reads `mkdocs.yml`, Material's templates and Python-Markdown,
but runs no MkDocs hooks, so the register cannot feed it as the hook feeds MkDocs. This script
does what a `--engine zensical` would: it generates the register (`govreg.build.generate`),
stages the hand-written docs and every generated page and export in one folder with a copy of
`mkdocs.yml` minus the hooks (the glossary given to the abbr extension, as the hook does), then
times `zensical build` twice (cold, then with the cache it keeps) and a plain `mkdocs build` of the
same folder, one after the other on the same machine. Zensical is not a dependency of the site:

    make bench-zensical   # installs the pinned Zensical into .venv-zensical, then runs this at 42 systems

or `.venv/bin/python -m benchmarks.zensical --systems 42 --zensical PATH/TO/zensical`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.run import AS_OF, ROOT, Run, load_average, timed_subprocess, write_plain_tree
from benchmarks.synth import write as write_synthetic
from govreg import build as register_build
from govreg.stage import PYTHON


def stage(systems: int, work: Path, seed: int = 0) -> int:
    """Generate a synthetic register and stage it for an engine without plugins (`govreg generate`'s tree)."""
    data = work / "data"
    write_synthetic(data, systems, seed)
    result = register_build.generate(data, AS_OF)
    if result.problems:
        raise SystemExit(register_build.report(result.problems))
    return write_plain_tree(result, work)


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def _row(name: str, run: Run, pages: int) -> str:
    state = "" if run.ok else " (failed: " + run.stderr.strip().splitlines()[-1][:120] + ")"
    return f"| {name}{state} | {run.wall:.1f} | {run.cpu:.1f} | {run.peak_kb / 1024:.0f} MB | {pages:,} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default=42, type=int)
    parser.add_argument("--zensical", default=str(ROOT / ".venv-zensical" / "bin" / "zensical"))
    parser.add_argument("--keep", type=Path, help="keep the staged folder and sites here")
    args = parser.parse_args(argv)
    zensical = Path(args.zensical)
    if not zensical.exists():
        raise SystemExit(f"no Zensical at {zensical}: run `make bench-zensical`, or pass --zensical")
    with tempfile.TemporaryDirectory(prefix="govreg-zensical-") as tmp:
        work = args.keep or Path(tmp)
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        print(f"staging {args.systems} systems ...", file=sys.stderr, flush=True)
        markdown = stage(args.systems, work)
        # Zensical imports the Markdown extensions named in mkdocs.yml, govreg.mdtables among them.
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(work / PYTHON))
        env["SOURCE_DATE_EPOCH"] = register_build.epoch_of(AS_OF)
        before = load_average()
        z_cold = timed_subprocess([str(zensical), "build", "-f", "mkdocs.yml"], env, work)
        z_pages = _pages(work / "site")
        z_warm = timed_subprocess([str(zensical), "build", "-f", "mkdocs.yml"], env, work)
        mk_site = work / "mkdocs-site"
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml"]
        mkdocs += ["-d", str(mk_site)]
        plain = timed_subprocess(mkdocs, env, work)
        after = load_average()
        mk_pages = _pages(mk_site) if plain.ok else 0
    print(f"{args.systems} systems, {markdown / 1e6:.1f} MB of generated Markdown; load average {before} / {after}")
    print("| Engine | Wall s | CPU s | Peak memory | HTML files |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(_row("Zensical, cold", z_cold, z_pages))
    print(_row("Zensical, again with its cache", z_warm, z_pages))
    print(_row("Plain `mkdocs build`, same folder", plain, mk_pages))
    return 0 if z_cold.ok and plain.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
