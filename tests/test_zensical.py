"""Zensical, the second engine: the same pages and the same gates as the MkDocs build.

`govreg build --engine zensical` stages the tree `govreg generate` writes and runs the
`zensical` command (pinned in requirements/zensical.txt; `make test` installs it into
.venv-zensical). Checked here on this register's data, on the starter and on the
hostile-data fixture: the same HTML pages, every inline script in the CSP, escaped
titles, no third-party reference, and in Chromium: hostile text shown as text on every
page, no axe violations and no request leaving the site on a sample of pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from filelock import FileLock
from test_browser_axe import axe_in_both_schemes
from test_browser_gates import sample_pages
from test_hostile import AS_OF, DATA, csp_hashes_used, expected_payloads, hostile_problems, policy_of

from conftest import ROOT, html_pages, run_cli, serve

ZENSICAL = Path(os.environ.get("GOVREG_ZENSICAL") or ROOT / ".venv-zensical" / "bin" / "zensical")


def zensical() -> Path:
    if not ZENSICAL.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Zensical is missing at {ZENSICAL}: `make test` installs it (requirements/zensical.txt)")
        pytest.skip("Zensical is not installed; `make test` installs it into .venv-zensical")
    return ZENSICAL


def zensical_build(tmp_path_factory: pytest.TempPathFactory, name: str, *args: str, cwd: Path = ROOT) -> Path:
    """A Zensical site built once per test session (shared by xdist workers, as conftest.shared_build)."""
    exe = zensical()
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / f"zensical-{name}" / "site"
    with FileLock(str(shared / f"zensical-{name}.lock")):
        if not (out / "index.html").is_file():
            done = run_cli(
                "build",
                "--engine",
                "zensical",
                "--site-dir",
                str(out),
                *args,
                cwd=cwd,
                env={"GOVREG_ZENSICAL": str(exe)},
            )
            assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def z_real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zensical_build(tmp_path_factory, "real", "--data", str(ROOT / "data"))


@pytest.fixture(scope="module")
def z_hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zensical_build(tmp_path_factory, "hostile", "--data", str(DATA), "--as-of", AS_OF)


@pytest.fixture(scope="module")
def z_real_url(z_real: Path) -> Iterator[str]:
    yield from serve(z_real)


@pytest.fixture(scope="module")
def z_hostile_url(z_hostile: Path) -> Iterator[str]:
    yield from serve(z_hostile)


def test_same_pages_as_mkdocs(z_real: Path, real_site: Path) -> None:
    assert set(html_pages(z_real, redirects=True)) == set(html_pages(real_site, redirects=True))
    body = (z_real / "bodies" / "bolton-jcc" / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in body and "assets/register.css" in body


def test_same_pages_as_mkdocs_for_the_starter(tmp_path: Path) -> None:
    exe = zensical()
    assert run_cli("init", str(tmp_path / "reg")).returncode == 0
    reg = tmp_path / "reg"
    done = run_cli(
        "build", "--engine", "zensical", "--site-dir", str(tmp_path / "z"), cwd=reg, env={"GOVREG_ZENSICAL": str(exe)}
    )
    assert done.returncode == 0, done.stderr
    assert run_cli("build", "--site-dir", str(tmp_path / "m"), cwd=reg).returncode == 0
    assert set(html_pages(tmp_path / "z", redirects=True)) == set(html_pages(tmp_path / "m", redirects=True))


def test_every_inline_script_is_in_the_csp_and_each_listed_hash_is_used(
    z_real: Path, z_hostile: Path, real_site: Path
) -> None:
    """The CSP lists the inline scripts of both engines; none is missing, and none is listed that neither prints."""
    used = csp_hashes_used(z_real) | csp_hashes_used(z_hostile)  # asserts each page's scripts are listed
    listed = set(policy_of((z_real / "index.html").read_text(encoding="utf-8"))["script-src"][1:])
    assert sorted(listed - used - csp_hashes_used(real_site)) == [], (
        "hashes in src/govreg/theme/main.html no page needs"
    )


def test_titles_are_escaped_and_nothing_third_party(z_hostile: Path, z_real: Path) -> None:
    for site in (z_hostile, z_real):
        for path in site.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            head = text.split("<title>", 1)[1].split("</title>", 1)[0] if "<title>" in text else ""
            assert "<" not in head, path
            for bad in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "googletagmanager"):
                assert bad not in text, f"{path}: {bad}"


@pytest.mark.browser
def test_every_page_shows_hostile_text_as_text(z_hostile: Path, z_hostile_url: str, browser: Any) -> None:
    problems, summary = hostile_problems(z_hostile, z_hostile_url, browser, expected_payloads())
    print(summary)
    assert problems == [], summary + "\n" + "\n".join(problems)


@pytest.mark.browser
def test_no_axe_violations_on_a_page_of_each_kind(z_real: Path, z_real_url: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    pages = sample_pages(z_real)
    for url in pages:
        page.goto(z_real_url + url)
        problems += axe_in_both_schemes(page, url)
    context.close()
    assert len(pages) > 15 and problems == [], "\n".join(problems)


@pytest.mark.browser
def test_no_request_leaves_the_site(z_real: Path, z_real_url: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for url in sample_pages(z_real):
        page.goto(z_real_url + url)
        page.wait_for_load_state("networkidle")
    context.close()
    own = urlsplit(z_real_url).netloc
    foreign = sorted({r for r in requests if urlsplit(r).scheme in ("http", "https") and urlsplit(r).netloc != own})
    assert len(requests) > 15 and foreign == []
