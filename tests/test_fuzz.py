"""Bad input never crashes the validator: random and mutated YAML give a report, not a traceback."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from govreg.cli import main

VALID = (FIXTURES / "mini" / "data" / "bolton" / "bodies.yml").read_text(encoding="utf-8")
KINDS = ["bodies", "milestones", "places", "sources", "budgets", "glossary", "principles"]


def run_validate(files: dict[str, str]) -> tuple[int, str]:
    """Run the validator in-process: it must end by exiting 0 or 1.

    Why in-process: any exception other than SystemExit propagates out of `main`
    and fails the test with its traceback, which is what "never crashes" means.
    """
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        err = io.StringIO()
        with (
            contextlib.redirect_stderr(err),
            contextlib.redirect_stdout(io.StringIO()),
            pytest.raises(SystemExit) as exited,
        ):
            main(["validate", "--data", tmp])
        return int(exited.value.code or 0), err.getvalue()


yaml_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(KINDS), text=yaml_text)
def test_random_text(kind: str, text: str) -> None:
    code, err = run_validate({f"{kind}.yml": text})
    assert code in (0, 1)
    if code == 1:
        assert err.strip().splitlines()[-1].endswith("found.")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(KINDS),
    cut=st.integers(0, len(VALID)),
    length=st.integers(0, 40),
    insert=st.sampled_from(
        [
            "",
            ": ",
            "- ",
            "\n  ",
            "&a ",
            "*a",
            "!!python/object ",
            "{",
            "]",
            "\t",
            "no",
            "010",
            "1:30",
            "'",
            '"',
            "2019-13-45",
            "~",
            "?",
            "|",
            ">-\n",
        ]
    ),
)
def test_mutated_valid_file(kind: str, cut: int, length: int, insert: str) -> None:
    text = VALID[:cut] + insert + VALID[cut + length :]
    code, err = run_validate({f"{kind}.yml": text})
    assert code in (0, 1)
    if code == 1:
        assert err.strip().splitlines()[-1].endswith("found.")
