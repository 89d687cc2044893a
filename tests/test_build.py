"""Builds: byte-identical, atomic, and MkDocs reports data problems cleanly."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES, ROOT, build_site, run_cli

MINI = FIXTURES / "mini" / "data"
BAD = FIXTURES / "bad" / "data"


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_rebuild_is_byte_identical(tmp_path: Path, mini_site: Path) -> None:
    """A second build with no rendered-HTML cache at all (nothing shared with the first) gives the same bytes."""
    time.sleep(1.1)  # a different clock second from the first build
    done = run_cli(
        "build",
        "--data",
        str(MINI),
        "--site-dir",
        str(tmp_path / "elsewhere" / "site"),
        env={"GOVREG_HTML_CACHE": "off", "GOVREG_PAGE_CACHE": "off"},
    )
    assert done.returncode == 0, done.stderr
    other = tmp_path / "elsewhere" / "site"
    first, second = tree_digest(mini_site), tree_digest(other)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_failed_build_keeps_previous_site(tmp_path: Path) -> None:
    site = build_site(MINI, tmp_path / "site")
    before = tree_digest(site)
    done = run_cli("build", "--data", str(BAD), "--site-dir", str(site))
    assert done.returncode == 1
    assert "problems found" in done.stderr and "unchanged" in done.stderr
    # MkDocs runs meanwhile and meets the same problems: they are printed once, by the CLI.
    assert done.stderr.count("milestone a-m1: due: cannot read date 'Sprnig 2019'") == 1, done.stderr
    assert "PluginError" not in done.stderr and "Traceback" not in done.stderr
    assert tree_digest(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_mkdocs_build_reports_problems_as_plugin_error(tmp_path: Path) -> None:
    """Plain `mkdocs build` fails before touching site_dir, with the same messages."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous good site")
    env = dict(os.environ, GOVREG_DATA=str(BAD), NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "milestone a-m1: due: cannot read date 'Sprnig 2019'" in done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in site.iterdir()] == ["keep.txt"]


def test_as_of_from_source_date_epoch_when_not_configured() -> None:
    from govreg.build import resolve_as_of

    assert str(resolve_as_of(None, None, {"SOURCE_DATE_EPOCH": "1616544000"})) == "2021-03-24"
    assert str(resolve_as_of("2020-01-02", "2021-03-24", {})) == "2020-01-02"
    assert str(resolve_as_of(None, "2021-03-24", {"SOURCE_DATE_EPOCH": "0"})) == "2021-03-24"


def test_schema_file_matches_models() -> None:
    from govreg.export.schema import schema_text

    assert (ROOT / "schema" / "register.schema.json").read_text(encoding="utf-8") == schema_text(), (
        "schema/register.schema.json is stale: run `make schema`"
    )


def test_every_record_has_a_page(mini_site: Path) -> None:
    from govreg.build import check
    from govreg.urls import url_of

    index, problems = check(MINI)
    assert problems == []
    for rid, item in index.records.items():
        url = url_of(index, rid)
        assert url == f"/{item.kind.file}/{rid}/"
        page = mini_site / url.strip("/") / "index.html"
        assert page.is_file(), rid
        assert rid in page.read_text(encoding="utf-8")
        listing = (mini_site / item.kind.file / "index.html").read_text(encoding="utf-8")
        assert f"{rid}/" in listing
