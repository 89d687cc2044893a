"""Command line: `govreg init|validate|build|generate|schema|release|reviews import` (also `python -m govreg`).

Exit status: 0 when all is well, 1 when the data has problems, 2 for usage
errors (bad options, a failed site build).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import __version__
from .build import Result, check, epoch_of, generate, resolve_as_of
from .contract import CONTRACT_JSON, contract_text
from .derive import derive
from .export.json_ import register_json
from .export.schema import schema_text
from .problems import report
from .progress import FD_VARIABLE
from .settings import configured_as_of, plugin_options, read_config
from .versions import release_name


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govreg", description=__doc__)
    parser.add_argument("--version", action="version", version=f"govreg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    i = sub.add_parser("init", help="start a register of your own in a new or empty folder")
    i.add_argument("folder", type=Path, help="where to write the starter register")
    data_help = "data folder (default: the govreg plugin's `data` in mkdocs.yml, else data)"
    v = sub.add_parser("validate", help="check the data and list every problem")
    v.add_argument("--data", default=None, type=Path, help=data_help)
    v.add_argument("--as-of", default=None, help="warn of records dated after this day (default: mkdocs.yml)")
    v.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs configuration file (for as_of)")
    b = sub.add_parser("build", help="validate, then build the site; a failed build keeps the old site")
    b.add_argument("--data", default=None, type=Path, help=data_help)
    b.add_argument("--site-dir", default="site", type=Path)
    b.add_argument("--as-of", default=None, help="the register's 'today', YYYY-MM-DD (default: mkdocs.yml)")
    b.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs configuration file")
    b.add_argument("--releases", default=None, type=Path, help="folder of earlier releases (default: mkdocs.yml)")
    b.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="mkdocs (with the govreg plugin) or zensical (on the PATH, or GOVREG_ZENSICAL; builds the staged tree)",
    )
    sv = sub.add_parser("serve", help="live preview (`mkdocs serve`), its pages kept in memory where there is room")
    sv.add_argument("--data", default=None, type=Path, help=data_help)
    sv.add_argument("--as-of", default=None, help="the register's 'today', YYYY-MM-DD (default: mkdocs.yml)")
    sv.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs configuration file")
    sv.add_argument("-a", "--dev-addr", default=None, help="IP:PORT to serve on (default: MkDocs' 127.0.0.1:8000)")
    g = sub.add_parser("generate", help="write the whole documentation tree (pages, exports, theme) for any engine")
    g.add_argument("--out", required=True, type=Path, help="a new folder for the tree")
    g.add_argument("--data", default=None, type=Path, help=data_help)
    g.add_argument("--as-of", default=None, help="the register's 'today', YYYY-MM-DD (default: mkdocs.yml)")
    g.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs configuration file")
    r = sub.add_parser("release", help="keep the current register.json in releases/ for later comparison")
    r.add_argument("--data", default="data", type=Path)
    r.add_argument("--as-of", required=True, help="the release's as-of date, YYYY-MM-DD")
    r.add_argument("--out", default="releases", type=Path)
    s = sub.add_parser("schema", help="write the JSON Schema of the data, and of the published files beside it")
    s.add_argument("--out", default="schema/register.schema.json", type=Path)
    rv = sub.add_parser("reviews", help="Healthwatch's loop: bring a filled review pack back into data/")
    rsub = rv.add_subparsers(dest="reviews_command", required=True)
    ri = rsub.add_parser(
        "import",
        help="read a filled review pack (.xlsx or .csv) and write the verdicts to the reviewer's file",
        description="Read a filled review pack and write one review per row with a verdict into "
        "data/reviews/<reviewer>.yml. Every bad row is reported and nothing is written; exit status 1.",
    )
    ri.add_argument("pack", type=Path, help="the filled pack, PACK.xlsx or PACK.csv")
    ri.add_argument("--reviewer", required=True, help="id of the reviewing organisation or body")
    ri.add_argument("--data", default="data", type=Path, help="data folder (default: data)")
    return parser


def data_folder(data: Path | None, config: Path) -> Path:
    """--data, else the plugin's `data` option (relative to mkdocs.yml), else `data`."""
    if data is not None:
        return data
    configured = (plugin_options(config) or {}).get("data")
    return config.parent / str(configured) if configured else Path("data")


def validate(data: Path, as_of: str | None = None, config: Path | None = None) -> int:
    """Problems exit 1; records dated after the as-of date are warnings only (exit 0)."""
    from .lint import dated_after, unfinished_titles

    index, problems = check(data)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    day_text = as_of or (configured_as_of(config) if config is not None else None)
    if day_text:
        try:
            day = resolve_as_of(day_text)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
        for warning in dated_after(index, day):
            print(f"warning: {warning}", file=sys.stderr)
    for warning in unfinished_titles(index):
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{len(index.records)} records, {len(index.nested)} nested items: no problems.")
    return 0


def build(data: Path, site_dir: Path, as_of: str | None, config: Path, releases: Path | None = None) -> int:
    """Validate while MkDocs builds into a temporary folder, then swap it in whole.

    Why both at once: the MkDocs hook validates too before writing anything, but this
    process prints the problems alone (MkDocs' copy of them is dropped) and returns 1; the
    build's first seconds are loading the data, so checking it here meanwhile costs no wall time.
    """
    env = dict(os.environ, GOVREG_DATA=str(data.resolve()), NO_MKDOCS_2_WARNING="1")
    if releases is not None:
        env["GOVREG_RELEASES"] = str(releases.resolve())
    if as_of:
        try:
            resolve_as_of(as_of)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
        env["GOVREG_AS_OF"] = as_of
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "--config-file",
        str(config),
        "--site-dir",
        str(tmp),
    ]
    # MkDocs' output is held back (the problems are printed once, by this process); on a
    # terminal, the plugin's progress line is lent this process's terminal instead.
    lent = os.dup(2) if sys.stderr.isatty() else None
    if lent is not None:
        env[FD_VARIABLE] = str(lent)
    with tempfile.TemporaryFile() as log:
        mkdocs = subprocess.Popen(
            cmd, env=env, stdout=log, stderr=subprocess.STDOUT, pass_fds=() if lent is None else (lent,)
        )
        if lent is not None:
            os.close(lent)

        def abandon() -> None:
            mkdocs.kill()
            mkdocs.wait()
            shutil.rmtree(tmp, ignore_errors=True)

        try:
            valid = validate(data)
        except BaseException:
            abandon()
            raise
        if valid != 0:
            abandon()
            print(f"Site not built; {site_dir} is unchanged.", file=sys.stderr)
            return 1
        code = mkdocs.wait()
        log.seek(0)
        sys.stderr.write(log.read().decode("utf-8", errors="replace"))
    if code != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Site build failed; {site_dir} is unchanged.", file=sys.stderr)
        return 2
    swap_in(tmp, site_dir)
    print(f"Built {site_dir}. Serve it with: python -m http.server -d {site_dir} 8000")
    return 0


def swap_in(built: Path, site_dir: Path) -> None:
    """Put a finished site in place of the old one, which is kept until the new one is there."""
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    built.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def docs_folder(raw: dict[str, object], config: Path) -> Path:
    """The register's hand-written pages: `docs_dir` of mkdocs.yml, relative to it."""
    return config.parent / str(raw.get("docs_dir", "docs"))


def release(data: Path, as_of: str, out: Path) -> int:
    """Keep the current register.json, named by as-of date and version."""
    index, problems = check(data)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    try:
        day = resolve_as_of(as_of)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    derived = derive(index, day)
    text = register_json(index, derived)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{release_name(day, derived.version)}.json"
    path.write_text(text, encoding="utf-8")
    print(f"Wrote {path}")
    return 0


def write_schema(out: Path) -> int:
    """The data's schema at `out`, and the published files' contract beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(schema_text(), encoding="utf-8")
    contract = out.parent / CONTRACT_JSON
    contract.write_text(contract_text(), encoding="utf-8")
    print(f"Wrote {out} and {contract}")
    return 0


def _generated(data: Path, as_of: str | None, config: Path) -> Result | int:
    """Validate and generate in this process; an exit status on problems."""
    try:
        day = resolve_as_of(as_of, configured_as_of(config))
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    result = generate(data, day)
    if result.problems:
        print(report(result.problems), file=sys.stderr)
        return 1
    return result


def generate_tree(data: Path, out: Path, as_of: str | None, config: Path) -> int:
    """`govreg generate`: the staged tree in a new folder."""
    from .stage import write_tree

    if out.exists() and any(out.iterdir()):
        print(f"govreg generate: {out} is not empty; choose a new folder. Nothing was written.", file=sys.stderr)
        return 2
    result = _generated(data, as_of, config)
    if isinstance(result, int):
        return result
    raw = read_config(config)
    docs = docs_folder(raw, config)
    out.mkdir(parents=True, exist_ok=True)
    write_tree(result, raw, docs, out)
    print(f"Wrote {out}: {len(result.outputs)} generated files, the pages of {docs} and mkdocs.yml")
    return 0


def build_zensical(data: Path, site_dir: Path, as_of: str | None, config: Path) -> int:
    """Stage the tree and build it with Zensical; the old site stays unless the build succeeds."""
    from .stage import PYTHON, write_tree

    found = shutil.which(os.environ.get("GOVREG_ZENSICAL") or "zensical")
    if not found:
        print(
            "govreg build --engine zensical: no `zensical` command on the PATH (or GOVREG_ZENSICAL). "
            "Install it, for example: pip install -r requirements/zensical.txt",
            file=sys.stderr,
        )
        return 2
    exe = str(Path(found).resolve())  # the build runs in the staged folder
    result = _generated(data, as_of, config)
    if isinstance(result, int):
        print(f"Site not built; {site_dir} is unchanged.", file=sys.stderr)
        return result
    raw = read_config(config)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-zensical-", dir=site_dir.parent))
    try:
        write_tree(result, raw, docs_folder(raw, config), work / "tree")
        env = dict(os.environ, PYTHONPATH=str(work / "tree" / PYTHON))
        assert result.derived is not None
        env.setdefault("SOURCE_DATE_EPOCH", epoch_of(result.derived.as_of))
        done = subprocess.run([exe, "build", "-f", "mkdocs.yml"], cwd=work / "tree", env=env, check=False)
        if done.returncode != 0 or not (work / "tree" / "site" / "index.html").exists():
            print(f"Zensical build failed; {site_dir} is unchanged.", file=sys.stderr)
            return 2
        swap_in(work / "tree" / "site", site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Built {site_dir} with Zensical.")
    return 0


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if getattr(args, "data", "") is None and args.command != "serve":  # serve: the plugin reads its own option
        args.data = data_folder(None, args.config)
    if args.command == "init":
        from .starter import init

        code = init(args.folder)
    elif args.command == "validate":
        code = validate(args.data, args.as_of, args.config)
    elif args.command == "serve":
        from .preview import serve

        code = serve(args.config, args.data, args.as_of, args.dev_addr)
    elif args.command == "generate":
        code = generate_tree(args.data, args.out, args.as_of, args.config)
    elif args.command == "build" and args.engine == "zensical":
        code = build_zensical(args.data, args.site_dir, args.as_of, args.config)
    elif args.command == "build":
        code = build(args.data, args.site_dir, args.as_of, args.config, args.releases)
    elif args.command == "reviews":
        from .reviewpack.importer import run as import_reviews

        code = import_reviews(args.pack, args.reviewer, args.data)
    elif args.command == "release":
        code = release(args.data, args.as_of, args.out)
    else:
        code = write_schema(args.out)
    sys.exit(code)
