"""Progress of long work on a terminal: one line, rewritten in place; nothing when not a terminal.

Why: a national build takes a minute or more, most of it MkDocs printing pages, and a
silent terminal looks hung. Logs, CI and tests read a pipe, where the line would be
noise, so they get none. `govreg build` runs MkDocs in a child process whose output it
holds back; it lends the child its terminal through GOVREG_PROGRESS_FD.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

FD_VARIABLE = "GOVREG_PROGRESS_FD"


class Progress:
    """Writes `update` lines (at most every `interval` seconds) and a final `done` line to a terminal."""

    def __init__(
        self, stream: TextIO | None, interval: float = 0.2, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self.last = -interval
        self.width = 0

    @property
    def on(self) -> bool:
        return self.stream is not None

    def _write(self, text: str, end: str) -> None:
        assert self.stream is not None
        pad = max(self.width - len(text), 0)
        self.stream.write("\r" + text + " " * pad + end)
        self.stream.flush()
        self.width = 0 if end else len(text)

    def update(self, text: str, force: bool = False) -> None:
        if self.stream is None:
            return
        now = self.clock()
        if force or now - self.last >= self.interval:
            self.last = now
            self._write(text, "")

    def done(self, text: str) -> None:
        if self.stream is not None:
            self._write(text, "\n")


def for_terminal(environ: dict[str, str] | None = None, stderr: TextIO | None = None) -> Progress:
    """Progress on the terminal this process was given (GOVREG_PROGRESS_FD) or its own stderr; else silent."""
    env = os.environ if environ is None else environ
    err = sys.stderr if stderr is None else stderr
    fd = env.get(FD_VARIABLE)
    if fd and fd.isdigit():
        try:
            return Progress(os.fdopen(int(fd), "w", closefd=False))
        except OSError:
            pass
    return Progress(err if err.isatty() else None)


def count(n: int, noun: str) -> str:
    """'1 page', '2,345 pages'."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
