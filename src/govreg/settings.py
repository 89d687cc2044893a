"""What a register's MkDocs site needs from the package, and its settings read without MkDocs.

Why here and not in the plugin: the CLI, `govreg generate` (for engines that run no
plugins) and the starter read the same facts, and none of them may import MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

THEME_DIR = Path(__file__).parent / "theme"
"""Material overrides (escaped titles, the Content-Security-Policy, search) and the site's CSS and scripts."""

CSS = "assets/register.css"

MARKDOWN_EXTENSIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("abbr", {}),
    ("admonition", {}),
    ("attr_list", {}),
    ("def_list", {}),
    ("md_in_html", {}),
    ("tables", {}),
    ("toc", {"permalink": True}),
    ("pymdownx.superfences", {}),
    # Prints Material's table wrapper at build time, so its script has none to add.
    ("govreg.mdtables", {}),
)
"""The Markdown extensions the generated pages are written for, with their settings."""


def read_config(config_file: Path) -> dict[str, Any]:
    """An mkdocs.yml as plain data ({} when missing or unreadable); MkDocs' own tags read as empty."""
    try:
        doc = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return {}
    return doc if isinstance(doc, dict) else {}


def plugin_options(config_file: Path) -> dict[str, Any] | None:
    """The `govreg` plugin's options in an mkdocs.yml ({} when listed bare), or None when absent or unreadable."""
    plugins = read_config(config_file).get("plugins")
    for entry in plugins or ():
        if entry == "govreg":
            return {}
        if isinstance(entry, dict) and "govreg" in entry:
            return dict(entry["govreg"] or {})
    return None


class _Loader(yaml.SafeLoader):
    """Safe YAML that skips MkDocs' own tags (!ENV, !relative, python names) rather than failing."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def configured_as_of(config_file: Path) -> str | None:
    """The plugin's `as_of` in an mkdocs.yml, as text, if it is set."""
    value = (plugin_options(config_file) or {}).get("as_of")
    return str(value) if value else None
