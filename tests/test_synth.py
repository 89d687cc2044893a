"""The synthetic register: valid, deterministic, scalable, and it builds (so the benchmark cannot rot)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.synth import SYSTEMS, slugify, synthesize
from conftest import ROOT, build_site, run_cli


def run_synth(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m benchmarks.synth ...`, as the benchmark and a developer run it."""
    return subprocess.run(
        [sys.executable, "-m", "benchmarks.synth", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_one_system_is_valid_deterministic_and_builds(tmp_path: Path) -> None:
    first, again, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((first, "7"), (again, "7"), (other, "8")):
        done = run_synth("--systems", "1", "--out", str(out), "--seed", seed)
        assert done.returncode == 0, done.stdout + done.stderr
    written = tree(first)
    assert written == tree(again), "the same seed must give byte-identical files"
    assert written != tree(other), "a different seed must give different data"
    system = slugify(SYSTEMS[0])
    assert {"glossary.yml", "themes.yml", "england/places.yml", f"{system}/milestones.yml"} <= written.keys()

    checked = run_cli("validate", "--data", str(first))
    assert checked.returncode == 0, checked.stderr
    records = int(checked.stdout.split()[0])
    assert records == sum(len(v) for v in synthesize(1, 7).values())

    site = build_site(first, tmp_path / "site")
    assert (site / "places" / system / "index.html").is_file()
    assert (site / "milestones" / "index.html").is_file()
    assert (site / "search" / "search_index.json").stat().st_size > 0


def test_synth_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "keep.yml").write_text("- id: mine\n")
    done = run_synth("--systems", "1", "--out", str(tmp_path))
    assert done.returncode == 2
    assert (tmp_path / "keep.yml").read_text() == "- id: mine\n"
    assert run_synth("--systems", "0", "--out", str(tmp_path / "new")).returncode == 2


def test_national_size_and_stable_prefix() -> None:
    """42 systems give about 5,000 records; a smaller run is the first systems of a larger one."""
    national = synthesize(42)
    assert 4500 <= sum(len(v) for v in national.values()) <= 5500
    folders = {path.split("/")[0] for path in national if "/" in path} - {"england"}
    assert len(folders) == 42
    small = synthesize(2)
    assert all(national[path] == records for path, records in small.items())
