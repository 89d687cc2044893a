"""`govreg init DIR`: a starter register that validates and builds at once.

The starter ships in the package (`govreg/starter_register`): real records from one Bolton paper,
an `mkdocs.yml` with the plugin, two hand-written pages, a README and a CI example.
Files whose names start `dot-` are written with a leading dot (`.gitignore`), because
package data leaves dotfiles out. The JSON Schemas its data files name on their first
line are written from this version's models, so they always match the installed package.
"""

from __future__ import annotations

import shutil
import sys
from importlib import resources
from pathlib import Path

from .export.schema import kind_schema_texts

SCHEMA_FOLDER = "schema"


def _target_name(part: str) -> str:
    return "." + part.removeprefix("dot-") if part.startswith("dot-") else part


def starter_files() -> dict[str, bytes]:
    """Relative path -> content of every file `init` writes."""
    root = resources.files("govreg") / "starter_register"
    out: dict[str, bytes] = {}
    with resources.as_file(root) as folder:
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder)
            if path.is_file() and "__pycache__" not in rel.parts:
                out["/".join(_target_name(p) for p in rel.parts)] = path.read_bytes()
    for name, text in kind_schema_texts().items():
        out[f"{SCHEMA_FOLDER}/{name}"] = text.encode("utf-8")
    return out


def init(target: Path) -> int:
    """Write the starter into `target` (new or empty); exit status 2, and nothing written, otherwise."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "is not a folder" if not target.is_dir() else "is not empty"
        print(f"govreg init: {target} {what}; choose a new or empty folder. Nothing was written.", file=sys.stderr)
        return 2
    files = starter_files()
    dest = target.resolve()
    # A new folder is written beside it and renamed into place, so an interrupted init leaves nothing.
    staging = dest
    if not dest.exists():
        staging = dest.with_name(f".{dest.name}.govreg-init")
        shutil.rmtree(staging, ignore_errors=True)
    for rel, content in files.items():
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    if staging is not dest:
        staging.rename(dest)
    print(
        f"Started a register in {target} ({len(files)} files). Next:\n"
        f"  cd {target}\n"
        "  govreg validate\n"
        "  govreg serve        # a live preview (or: mkdocs build)"
    )
    return 0
