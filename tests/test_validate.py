"""The validator reports every problem at once, located, and exits 1."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import get_args

import pytest

from conftest import FIXTURES, run_cli
from govreg.problems import WARNING_CODES, ProblemCode

BAD = FIXTURES / "bad" / "data"

# One expected message per error kind: (file, line, fragment, code).
EXPECTED = [
    ("place-a/bodies.yml", 5, "value 'no' would be read as a YAML 1.1 boolean", "yaml"),
    ("place-a/bodies.yml", 9, "body a-board: id: id 'a-board' is already used (", "duplicate_id"),
    ("place-a/bodies.yml", 11, "duplicate key 'name' (first at line 10)", "duplicate_key"),
    ("place-a/milestones.yml", 4, "milestone a-m1: due: cannot read date 'Sprnig 2019'", "date"),
    ("place-a/milestones.yml", 12, "milestone a-m2: colour: unknown field", "schema"),
    ("place-a/milestones.yml", 17, "milestone a-m3: title: Input should be a valid string, found 42", "schema"),
    ("place-a/milestones.yml", 29, "milestone a-m4: cites[0].at: locator '9.9' is not in the outline", "locator"),
    (
        "place-a/milestones.yml",
        39,
        "milestone a-m5: updates[0].cites[0].source: the update is dated '1 January 2019' but cites 'src-a', "
        "dated 2019-04-01",
        "future_evidence",
    ),
    (
        "place-a/milestones.yml",
        52,
        "milestone a-m6: updates[0].successor_id: a plan cannot be replaced by itself",
        "trace",
    ),
    (
        "place-a/milestones.yml",
        54,
        "milestone a-m6: updates[0].cites[0].source: cites 'src-older' (2018-01-10), older than 'src-a' (2019-04-01)",
        "trace",
    ),
    ("place-a/places.yml", 4, "place place-a: part_of: no place with id 'nowhere'", "dangling_ref"),
    ("place-a/places.yml", 8, "place loop-a: part_of: lies within itself: loop-a -> loop-b -> loop-a", "place_loop"),
    ("place-a/places.yml", 12, "place loop-b: part_of: lies within itself: loop-b -> loop-a -> loop-b", "place_loop"),
    (
        "place-b/budgets.yml",
        8,
        "budget b-pool: printed_total: lines add up to 70.4 but the printed total is 80.4",
        "budget_total",
    ),
    ("place-b/glossary.yml", 0, "over the limit of 1000000", "file"),
    ("place-b/organisations.yml", 1, "YAML anchors and aliases are not allowed", "yaml"),
    ("place-b/themes.yml", 3, "YAML syntax error", "yaml"),
    ("place-b/workstreams.yml", 1, "workstream a-m1: id: id 'a-m1' is already used (", "duplicate_id"),
]


@pytest.fixture(scope="module")
def bad_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bad fixture plus a file over the size cap (made here, not committed)."""
    data = tmp_path_factory.mktemp("bad") / "data"
    shutil.copytree(BAD, data)
    (data / "place-b" / "glossary.yml").write_text("- id: big\n  term: " + "x" * 1_100_000 + "\n")
    return data


def test_every_problem_reported_once_with_location(bad_data: Path) -> None:
    done = run_cli("validate", "--data", str(bad_data))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    for file, line, fragment, code in EXPECTED:
        where = f"{bad_data}/{file}" + (f":{line}:" if line else ":")
        hits = [x for x in lines if x.startswith(where) and fragment in x and x.endswith(f"[{code}]")]
        assert len(hits) == 1, f"expected one {code} problem at {where} with {fragment!r}:\n{done.stderr}"
    assert lines[-1] == f"{len(EXPECTED)} problems found."
    assert len(lines) == len(EXPECTED) + 1, done.stderr
    assert {code for *_, code in EXPECTED} == set(get_args(ProblemCode)) - WARNING_CODES, (
        "every problem code needs a case here"
    )


def test_problems_sorted_by_file_and_line(bad_data: Path) -> None:
    done = run_cli("validate", "--data", str(bad_data))
    keys = []
    for line in done.stderr.splitlines()[:-1]:
        file, _, rest = line.partition(".yml")
        number = rest.split(":")[1]
        keys.append((file, int(number) if number.isdigit() else 0))
    assert keys == sorted(keys)


def test_clean_data_exits_zero() -> None:
    done = run_cli("validate", "--data", str(FIXTURES / "mini" / "data"))
    assert done.returncode == 0, done.stderr
    assert "no problems" in done.stdout


def test_unknown_file_kind_and_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.yml").write_text("- hello\n")
    done = run_cli("validate", "--data", str(tmp_path))
    assert done.returncode == 1 and "'notes' is not a record kind" in done.stderr
    done = run_cli("validate", "--data", str(tmp_path / "absent"))
    assert done.returncode == 1 and "data folder not found" in done.stderr


def test_usage_error_exits_2() -> None:
    assert run_cli("frobnicate").returncode == 2
    assert (
        run_cli(
            "build",
            "--as-of",
            "2021-13-45",
            "--data",
            str(FIXTURES / "mini" / "data"),
            "--site-dir",
            "/tmp/never-built",
        ).returncode
        == 2
    )
