"""Notice when the package's own Python code changes under a running preview.

Why: `mkdocs serve` rebuilds on every edit but keeps the modules it imported, so an
edit to `govreg`'s code would not take effect and the page would silently not
change. Templates and data are read afresh on each rebuild; code is not. Rather than
reload modules behind MkDocs' back, the preview says plainly that it must be restarted.
"""

from __future__ import annotations

import logging
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


def _snapshot() -> dict[str, int]:
    return {str(p.relative_to(PACKAGE_DIR)): p.stat().st_mtime_ns for p in sorted(PACKAGE_DIR.rglob("*.py"))}


_AT_START = _snapshot()
_reported: set[str] = set()


def changed() -> list[str]:
    """The package's Python files edited, added or removed since this process imported it."""
    now = _snapshot()
    return sorted(k for k in now.keys() | _AT_START.keys() if now.get(k) != _AT_START.get(k))


def warn_if_changed(log: logging.Logger) -> list[str]:
    """Say once per changed file that the preview runs the code it started with.

    At INFO, which `mkdocs serve` prints: a warning would stop every later rebuild
    under `strict: true`, so template and data edits would stop showing too.
    """
    files = [f for f in changed() if f not in _reported]
    if files:
        _reported.update(files)
        log.info(
            "govreg's own code changed since this preview started (%s): the preview still runs the old code. "
            "Stop it (Ctrl+C) and start it again (`govreg serve` or `mkdocs serve`) to use the new code.",
            ", ".join(files),
        )
    return files
