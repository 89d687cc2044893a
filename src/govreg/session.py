"""What a long-lived process keeps between generations: work keyed by the content it came from.

Why: `mkdocs serve` regenerates the whole register after every edit, and at national
size (about 5,000 records) most of that time re-does work whose inputs did not change:
parsing and validating the other 500 YAML files, writing the same spreadsheets. A
`Session` holds, for one data folder, each file's parsed and validated records under a
sha256 of its bytes, and the results of costly pure steps under a digest of their
inputs. A changed file or input has a different key, so a stale result is never found.

Nothing here is global unless asked for: `generate(..., session=None)` (the CLI, the
tests) keeps nothing. Only the MkDocs hook, whose module MkDocs re-imports on every
rebuild, takes the process's session from `for_folder`. After each generation the
session keeps only what that generation used, so its size follows the register's,
however many edits are made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def digest(data: bytes) -> str:
    """sha256 hex of some bytes."""
    return hashlib.sha256(data).hexdigest()


class Session:
    """Per-file load results and memoised pure steps, for one data folder."""

    def __init__(self) -> None:
        self._store: dict[tuple[str, str], Any] = {}
        self._used: set[tuple[str, str]] = set()
        self.hits = 0
        self.misses = 0

    def get(self, space: str, key: str) -> Any | None:
        """The stored value of `key` in `space`, or None."""
        found = self._store.get((space, key))
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used.add((space, key))
        return found

    def put(self, space: str, key: str, value: Any) -> None:
        self._store[(space, key)] = value
        self._used.add((space, key))

    def memo(self, space: str, key: str, make: Callable[[], T]) -> T:
        """`make()`, or its stored result for `key`; `make` must be pure in what `key` digests."""
        found = self.get(space, key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        value = make()
        self.put(space, key, value)
        return value

    def used(self) -> frozenset[tuple[str, str]]:
        """The entries this generation has used so far (see `used_since`)."""
        return frozenset(self._used)

    def used_since(self, before: frozenset[tuple[str, str]]) -> dict[tuple[str, str], Any]:
        """The entries used or stored since `before`: what a forked child hands back (see `adopt`)."""
        return {k: self._store[k] for k in self._used - before if k in self._store}

    def adopt(self, entries: dict[tuple[str, str], Any]) -> None:
        """Keep entries a forked child used or stored, as if this session had."""
        self._store.update(entries)
        self._used.update(entries)

    def begin(self) -> None:
        """Start a generation: count afresh and track which entries it uses."""
        self._used = set()
        self.hits = self.misses = 0

    def end(self) -> None:
        """End a generation: drop what it did not use (edited files' old versions, old inputs)."""
        self._store = {k: v for k, v in self._store.items() if k in self._used}

    def __len__(self) -> int:
        return len(self._store)


_current: tuple[str, Session] | None = None


def for_folder(data_dir: Path) -> Session:
    """The process's session for `data_dir` (a new one for another folder; only one is kept).

    Why a module variable: MkDocs re-imports hook modules on every `mkdocs serve`
    rebuild, so the hook cannot hold anything from one rebuild to the next.
    """
    global _current
    key = str(data_dir.resolve())
    if _current is None or _current[0] != key:
        _current = (key, Session())
    return _current[1]


def forget() -> None:
    """Drop the process's session (tests; or to free memory)."""
    global _current
    _current = None


__all__ = ["Session", "digest", "for_folder", "forget"]
