"""`govreg generate --out DIR`: the whole documentation tree, for any engine that reads mkdocs.yml.

Why: the plugin adds pages, theme and Markdown settings while MkDocs runs; an engine that
runs no plugins (Zensical) needs them as files. The staged tree is the register's own
hand-written pages plus every generated page and export (`docs/`), the package's theme
overrides and assets (`overrides/`), and an `mkdocs.yml` with the plugin, hooks and watch
list taken out and what the plugin would add written in: the theme folder, the CSS and the
Markdown extensions, the glossary given to `abbr`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from .abbr import glossary_abbreviations
from .build import Result
from .settings import CSS, MARKDOWN_EXTENSIONS, THEME_DIR

DOCS = "docs"
THEME = "overrides"
PYTHON = "python"
"""Markdown extensions of the package, as plain modules: an engine in its own environment imports them from here."""
TABLES = "govreg_mdtables"


def _name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def staged_config(config: dict[str, Any], result: Result) -> dict[str, Any]:
    """The register's mkdocs.yml, made plugin-free for the staged tree (paths relative to it)."""
    out = {k: v for k, v in config.items() if k not in ("hooks", "watch")}
    out["docs_dir"] = DOCS
    theme = dict(out.get("theme") or {"name": "material"})
    theme["custom_dir"] = THEME
    out["theme"] = theme
    out["plugins"] = [p for p in out.get("plugins") or [] if _name(p) != "govreg"]
    css = list(out.get("extra_css") or [])
    out["extra_css"] = css if CSS in css else [*css, CSS]
    glossary = glossary_abbreviations(result.index) if result.index is not None else {}
    extensions: list[Any] = []
    names: set[str] = set()
    for entry in [*(out.get("markdown_extensions") or []), *[{n: o} if o else n for n, o in MARKDOWN_EXTENSIONS]]:
        name = _name(entry)
        if name in names:
            continue
        names.add(name)
        if name == "govreg.mdtables":
            name, entry = TABLES, TABLES
        if name == "abbr":
            options = dict(entry["abbr"] or {}) if isinstance(entry, dict) else {}
            entry = {"abbr": {**options, "glossary": glossary}}
        extensions.append(entry)
    out["markdown_extensions"] = extensions
    return out


def write_tree(result: Result, config: dict[str, Any], docs_dir: Path, out: Path) -> int:
    """Write the staged tree into `out` (which must not exist); returns the Markdown bytes written."""
    docs = out / DOCS
    shutil.copytree(docs_dir, docs)
    shutil.copytree(THEME_DIR, out / THEME, ignore=shutil.ignore_patterns("__pycache__"))
    (out / PYTHON).mkdir()
    shutil.copyfile(Path(__file__).with_name("mdtables.py"), out / PYTHON / f"{TABLES}.py")
    markdown = 0
    for item in result.outputs:
        path = docs / item.path
        path.parent.mkdir(parents=True, exist_ok=True)
        data = item.content.encode("utf-8") if isinstance(item.content, str) else item.content
        path.write_bytes(data)
        if item.path.endswith(".md"):
            markdown += len(data)
    text = yaml.safe_dump(staged_config(config, result), sort_keys=False, allow_unicode=True)
    (out / "mkdocs.yml").write_text(text, encoding="utf-8")
    return markdown
