"""A cache of rendered page HTML, keyed by content hashes; no MkDocs import here.

Why: Python-Markdown is most of a build's time, and a page whose Markdown and
Markdown settings are unchanged renders to the same HTML. `mkdocs serve` and
repeat builds reuse the stored HTML instead of converting again; the MkDocs
wiring (hooks/html_cache_hook.py) decides what goes in an entry and checks,
on every reuse, that the page's links still resolve as they did.

Keys are sha256 digests of (format version, settings digest, page location,
page Markdown): a different Markdown setting, glossary, engine version or
cache code gives a different key, so a stale entry is never found, only left
behind. Entries are JSON files written atomically (temporary file, then
rename), so two processes writing the same entry at once are harmless.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

FORMAT = "govreg-html-1"
"""Bump when the shape or meaning of an entry changes."""

DEFAULT_DIR = Path(".cache") / "govreg-html"
VOLATILE_TOKEN = re.compile(r"[0-9a-f]{8,64}")
SENTINEL = "vvvvvvvvvvv{}"
"""Stands in for volatile token i: letters and digits like the token, not hex, so it is no token itself."""

ENV = "GOVREG_HTML_CACHE"
"""Cache folder; 'off' (or '0', 'no') turns the cache off."""


def canonical(value: Any) -> str:
    """Deterministic JSON for settings: sorted keys; anything else by its type and text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_fallback)


def _fallback(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(canonical(v) for v in value)
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, functools.partial):
        return {"partial": value.func, "args": list(value.args), "keywords": value.keywords}
    qualname = getattr(value, "__qualname__", None)
    if callable(value) and isinstance(qualname, str):  # functions and classes: by name
        return f"{getattr(value, '__module__', '?')}.{qualname}"
    # An object's repr may carry its memory address: then the key changes every run,
    # which costs a cache miss, never a stale hit.
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"


def settings_digest(settings: Mapping[str, Any], code_files: Iterable[Path] = ()) -> str:
    """sha256 of the settings that shape a page's HTML, and of the code that renders it."""
    h = hashlib.sha256(FORMAT.encode())
    h.update(canonical(settings).encode("utf-8"))
    for path in sorted(Path(p) for p in code_files):
        h.update(b"\0" + path.name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(missing)")
    return h.hexdigest()


def page_key(settings: str, src_uri: str, url: str, markdown: str) -> str:
    """The key of one page's HTML: settings digest, where the page sits, its Markdown."""
    h = hashlib.sha256()
    for part in (FORMAT, settings, src_uri, url):
        h.update(part.encode("utf-8") + b"\0")
    h.update(markdown.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def folder(environ: Mapping[str, str] | None = None, root: Path | None = None) -> Path | None:
    """The cache folder from GOVREG_HTML_CACHE (relative to `root`), else .cache/govreg-html; None when off."""
    env = os.environ if environ is None else environ
    value = env.get(ENV, "").strip()
    if value.lower() in {"off", "0", "no", "false"}:
        return None
    path = Path(value) if value else DEFAULT_DIR
    return path if path.is_absolute() or root is None else root / path


_last_build: dict[tuple[Path, str], dict[str, Any]] = {}
_this_build: dict[tuple[Path, str], dict[str, Any]] = {}
"""Entries the last build and this one read, in memory (`remember=True`). An entry this build
stored (`put`) is not added: it would have to be turned into JSON types first, which a cold build
would pay for. Why module globals and not the plugin's `session.Session`: the cache is used by the
MkDocs hook, which MkDocs imports afresh for each build and which cannot reach the plugin's session."""


class HtmlCache:
    """Entries (JSON objects) stored by key under one folder, two hex digits per subfolder.

    With `remember`, the entries of the previous build are kept in memory as well. Why: in
    `mkdocs serve` each rebuild asks for nearly the same 20,000 entries (at 42 systems) as
    the last, and reading and parsing each file again cost about a second. Only the last
    build's entries are kept, so memory holds one build's worth; entries are never changed
    after they are made, so one object can serve both builds.
    """

    def __init__(self, root: Path, remember: bool = False) -> None:
        global _last_build, _this_build
        self.root = root
        self.remember = remember
        self.hits = 0
        self.misses = 0
        self.stores = 0
        if remember:
            _last_build, _this_build = _this_build or _last_build, {}

    def _remembered(self, key: str) -> dict[str, Any] | None:
        if not self.remember:
            return None
        found = _this_build.get((self.root, key)) or _last_build.get((self.root, key))
        if found is not None:
            _this_build[(self.root, key)] = found
        return found

    def _path(self, key: str) -> Path:
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            raise ValueError(f"not a sha256 hex key: {key!r}")
        return self.root / key[:2] / f"{key[2:]}.json"

    def has(self, key: str) -> bool:
        return self._remembered(key) is not None or self._path(key).is_file()

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry, or None when missing or unreadable (a damaged entry counts as missing)."""
        path = self._path(key)
        found = self._remembered(key)
        if found is not None:
            self.hits += 1
            return found
        try:
            data = path.read_bytes()
            entry = json.loads(data)
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            self.misses += 1
            return None
        self.hits += 1
        if self.remember:
            _this_build[(self.root, key)] = entry
        return entry

    def put(self, key: str, entry: Mapping[str, Any]) -> None:
        """Store an entry atomically; a failure to write only costs a later miss."""
        path = self._path(key)
        text = json.dumps({**entry, "key": key}, ensure_ascii=False)  # key order kept: entries may be dumped again
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self.stores += 1


_volatile: list[str] = []


def set_volatile(tokens: Iterable[str]) -> None:
    """Tokens that change with any data edit yet render as plain text: the register's version.

    The MkDocs wiring keys pages with each token replaced by a fixed sentinel and puts the
    token back into the stored HTML, so a page that differs only in the version is reused.
    Only short lowercase hex tokens are taken (they render the same as the sentinel).
    """
    _volatile[:] = [t for t in tokens if VOLATILE_TOKEN.fullmatch(t)]


def volatile_pairs() -> list[tuple[str, str]]:
    """(sentinel, token) for each volatile token; sentinels are fixed, so keys survive edits."""
    return [(SENTINEL.format(i), token) for i, token in enumerate(_volatile)]


__all__ = [
    "DEFAULT_DIR",
    "ENV",
    "FORMAT",
    "HtmlCache",
    "canonical",
    "folder",
    "page_key",
    "set_volatile",
    "settings_digest",
    "volatile_pairs",
]
