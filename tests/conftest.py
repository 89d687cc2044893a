"""Shared fixtures: the CLI, built sites (built once per test session, shared by every
xdist worker through a file lock), the real data's index, a local server."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from filelock import FileLock

from govreg.build import check, resolve_as_of
from govreg.index import Index
from govreg.settings import configured_as_of
from scripts.chromium import launch
from scripts.chromium import serve as serve_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m govreg ...` as a user would."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "govreg", *args], cwd=cwd, env=full_env, capture_output=True, text=True, check=False
    )


def build_site(data: Path, out: Path, *extra: str) -> Path:
    done = run_cli("build", "--data", str(data), "--site-dir", str(out), *extra)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, data: Path, *extra: str) -> Path:
    """A site built once per test session, whichever worker asks first; the others wait and reuse it.

    Why: building the real site takes several seconds; with xdist each worker is its own
    process, so a session-scoped fixture alone would build it once per worker.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / f"shared-{name}" / "site"
    with FileLock(str(shared / f"shared-{name}.lock")):
        if not (out / "index.html").is_file():
            build_site(data, out, *extra)
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the bundled data, as `make site` builds it."""
    return shared_build(tmp_path_factory, "real", ROOT / "data")


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "mini", FIXTURES / "mini" / "data")


@pytest.fixture(scope="session")
def real_as_of() -> date:
    """The bundled site's as-of date (the govreg plugin's as_of in mkdocs.yml)."""
    return resolve_as_of(configured_as_of(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def real_index() -> Index:
    """The bundled data, loaded and checked (once per worker: it is fast)."""
    found, problems = check(ROOT / "data")
    assert problems == [], problems
    return found


def serve(directory: Path) -> Iterator[str]:
    with serve_site(directory) as url:
        yield url


@pytest.fixture(scope="session")
def real_url(real_site: Path) -> Iterator[str]:
    yield from serve(real_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]


def html_pages(site: Path, redirects: bool = False) -> list[str]:
    """Site-relative URLs of every HTML page (without redirect stubs unless asked), sorted."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        if not redirects and is_redirect(path):
            continue
        rel = path.relative_to(site).as_posix()
        urls.append("/" + rel[: -len("index.html")] if rel.endswith("index.html") else "/" + rel)
    return urls
