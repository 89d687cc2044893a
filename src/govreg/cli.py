"""Command line: `python -m govreg validate|build|schema`.

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

from .build import check, resolve_as_of
from .problems import report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m govreg", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the data and list every problem")
    v.add_argument("--data", default="data", type=Path, help="data folder (default: data)")
    b = sub.add_parser("build", help="validate, then build the site; a failed build keeps the old site")
    b.add_argument("--data", default="data", type=Path)
    b.add_argument("--site-dir", default="site", type=Path)
    b.add_argument("--as-of", default=None, help="the register's 'today', YYYY-MM-DD (default: mkdocs.yml)")
    b.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs configuration file")
    s = sub.add_parser("schema", help="write the JSON Schema of the data")
    s.add_argument("--out", default="schema/register.schema.json", type=Path)
    return parser


def validate(data: Path) -> int:
    index, problems = check(data)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    print(f"{len(index.records)} records, {len(index.nested)} nested items: no problems.")
    return 0


def build(data: Path, site_dir: Path, as_of: str | None, config: Path) -> int:
    """Validate, build into a temporary folder, then swap it in whole."""
    if validate(data) != 0:
        print(f"Site not built; {site_dir} is unchanged.", file=sys.stderr)
        return 1
    env = dict(os.environ, GOVREG_DATA=str(data.resolve()), NO_MKDOCS_2_WARNING="1")
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
    done = subprocess.run(cmd, env=env, check=False)
    if done.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Site build failed; {site_dir} is unchanged.", file=sys.stderr)
        return 2
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site_dir}. Serve it with: python -m http.server -d {site_dir} 8000")
    return 0


def write_schema(out: Path) -> int:
    from .export.schema import schema_text

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(schema_text(), encoding="utf-8")
    print(f"Wrote {out}")
    return 0


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        code = validate(args.data)
    elif args.command == "build":
        code = build(args.data, args.site_dir, args.as_of, args.config)
    else:
        code = write_schema(args.out)
    sys.exit(code)
