"""Debian's Chromium for Playwright, and a quiet local HTTP server for a built site.

Why one module: the tests (tests/conftest.py) and the scripts (screenshots, the Lighthouse audit)
drive the same browser with the same flags against the same kind of server; a flag added for one
(say, no background networking, so no request leaves the machine) must hold for all.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
"""Debian's chromium (installed by `make system-deps`); Playwright downloads no browser."""

ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)
"""Flags for a headless, quiet, offline-friendly Chromium."""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` on a free local port; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright: Any) -> Any:
    """Chromium, headless, from a `sync_playwright()` context."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(ARGS))


__all__ = ["ARGS", "CHROMIUM", "QuietHandler", "launch", "serve"]
