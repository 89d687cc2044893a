"""`govreg serve`: MkDocs' live preview, with its scratch site kept in memory where it fits.

Why: `mkdocs serve` builds into a temporary folder and, on every edit, deletes that whole
site and writes it again (a 42-system register is about 20,000 files in 19,000 folders).
On an ordinary disk the deleting and creating alone took about 8 of a 22-second rebuild
(benchmarks, 6 December 2026); in a memory file system (/dev/shm on Linux) it takes well
under one. MkDocs takes its temporary folder from TMPDIR, so this runs `mkdocs serve`
with TMPDIR pointed at a folder of this preview's own there, removed when it stops.
Nothing else differs from `mkdocs serve`; a TMPDIR of your own is left alone, and
without room in memory the usual temporary folder is used.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

SHARED_MEMORY = Path("/dev/shm")
ROOM_NEEDED = 2 * 1024**3
"""Free bytes the memory file system must have: a 42-system site is about 300 MB, and the
old and new sites exist side by side for a moment."""


def scratch_folder(environ: Mapping[str, str], shared: Path = SHARED_MEMORY) -> Path | None:
    """Where the preview's site should be written: a memory file system with room, or None (the default)."""
    if environ.get("TMPDIR"):
        return None
    try:
        if not (shared.is_dir() and os.access(shared, os.W_OK | os.X_OK)):
            return None
        free = shutil.disk_usage(shared).free
    except OSError:
        return None
    return shared if free >= ROOM_NEEDED else None


def serve(config: Path, data: Path | None, as_of: str | None, address: str | None) -> int:
    """Run `mkdocs serve` for the register of `config` until interrupted; its exit code."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if data is not None:
        env["GOVREG_DATA"] = str(data.resolve())
    if as_of:
        env["GOVREG_AS_OF"] = as_of
    scratch = scratch_folder(os.environ)
    own: Path | None = None
    if scratch is not None:
        # A folder of this preview's own, removed below however MkDocs stops: /dev/shm keeps files
        # (in memory) until they are deleted or the machine restarts, and other previews may share it.
        own = Path(tempfile.mkdtemp(prefix="govreg-preview-", dir=scratch))
        env["TMPDIR"] = str(own)
        print(f"govreg: the preview's pages are kept in memory ({scratch}) while it runs", file=sys.stderr)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config)]
    if address:
        cmd += ["--dev-addr", address]
    # Ctrl-C stops the preview even where the interrupt was set to be ignored (a job started in the
    # background by a script inherits that, and Python then gives no KeyboardInterrupt). Handled
    # here, it is reset to the default for MkDocs when MkDocs starts, so MkDocs stops on it too.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        child = subprocess.Popen(cmd, env=env)
        # Told to terminate (not by a terminal): pass it on, so MkDocs is not left serving alone.
        signal.signal(signal.SIGTERM, lambda signum, frame: child.terminate())
        try:
            return child.wait()
        except KeyboardInterrupt:
            # The terminal sent the interrupt to MkDocs as well: give it time to stop, then make it.
            _stop(child)
            return 0
    finally:
        if own is not None:
            shutil.rmtree(own, ignore_errors=True)


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Wait for MkDocs to stop after an interrupt; if it does not, terminate it, then kill it."""
    for ask in (None, child.terminate, child.kill):
        if ask is not None:
            ask()
        try:
            child.wait(timeout=STOP_WAIT)
            return
        except subprocess.TimeoutExpired:
            continue
        except KeyboardInterrupt:  # asked again: stop at once
            child.kill()
            child.wait()
            return


STOP_WAIT = 10.0
"""Seconds MkDocs is given to stop after an interrupt, and again after being told to terminate."""
