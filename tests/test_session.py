"""The session `mkdocs serve` keeps between rebuilds: a generation after edits equals a clean one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from govreg import session as sessions
from govreg.build import Result, generate
from govreg.export.review_pack import workbook
from govreg.reviewpack.xlsx_out import pack_xlsx
from govreg.session import Session

AS_OF = date(2022, 7, 1)


def _outputs(result: Result) -> list[tuple[str, str | bytes]]:
    return [(o.path, o.content) for o in result.outputs]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = [
    # One record's text: only its page and the exports that carry it change.
    ("bolton/bodies.yml", "bringing professionals, politicians", "bringing professionals, councillors"),
    # A record's name: every link to it changes (the link table is in every page's key).
    ("bolton/bodies.yml", "name: Strategic Commissioning Function\n", "name: Strategic Commissioning Hub\n"),
    # The glossary: tooltips and the glossary check.
    ("glossary.yml", "expansion: Accountable Care Organisation", "expansion: Accountable Care Body"),
    # A status: derived standings, registers, as-at pages, review packs.
    ("bolton/milestones.yml", "status: planned", "status: missed"),
]


@pytest.mark.parametrize("seen_before", [True, False], ids=["session-warm", "session-cold"])
def test_generation_after_edits_is_identical_to_a_clean_one(tmp_path: Path, seen_before: bool) -> None:
    """Each edit in turn, regenerated with one session: every output equals a generation without it."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    kept = Session()
    if seen_before:
        assert _outputs(generate(data, AS_OF, session=kept)) == _outputs(generate(data, AS_OF))
    for file, old, new in EDITS:
        _replace(data / file, old, new)
        incremental = generate(data, AS_OF, session=kept)
        assert not incremental.problems
        assert _outputs(incremental) == _outputs(generate(data, AS_OF)), f"after editing {file}"
    assert kept.hits > 0 or not seen_before


def test_a_bad_edit_reports_every_problem_and_a_fix_recovers(tmp_path: Path) -> None:
    """Fail loudly in `serve` too: the same problems as a clean run, then the same site once fixed."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    kept = Session()
    before = generate(data, AS_OF, session=kept)
    bodies = data / "bolton" / "bodies.yml"
    good = bodies.read_text(encoding="utf-8")
    _replace(bodies, "  type: function\n", "  type: function\n  colour: blue\n")
    _replace(data / "bolton" / "milestones.yml", "status: planned", "status: planed")
    bad = generate(data, AS_OF, session=kept)
    assert bad.problems and bad.problems == generate(data, AS_OF).problems
    # Both faults, each with its file (and what they break elsewhere: references to the invalid milestone).
    assert {str(bodies), str(data / "bolton" / "milestones.yml")} <= {p.file for p in bad.problems}
    assert any("colour" in p.message and p.line for p in bad.problems)
    bodies.write_text(good, encoding="utf-8")
    _replace(data / "bolton" / "milestones.yml", "status: planed", "status: planned")
    assert _outputs(generate(data, AS_OF, session=kept)) == _outputs(before)


def test_hostile_data_is_escaped_the_same_with_a_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "hostile" / "data", data)
    kept = Session()
    as_of = date(2021, 3, 24)
    first = generate(data, as_of, session=kept)
    assert _outputs(generate(data, as_of, session=kept)) == _outputs(first) == _outputs(generate(data, as_of))


def test_session_keeps_only_what_the_last_generation_used(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini" / "data", data)
    kept = Session()
    generate(data, date(2021, 3, 24), session=kept)
    size = len(kept)
    for i in range(3):
        for path in sorted(data.rglob("*.yml")):
            path.write_text(path.read_text(encoding="utf-8") + f"\n# edit {i}\n", encoding="utf-8")
        generate(data, date(2021, 3, 24), session=kept)
    assert len(kept) == size


def test_workbooks_from_a_session_equal_fresh_ones() -> None:
    result = generate(ROOT / "data", AS_OF)
    assert result.index is not None and result.derived is not None
    kept = Session()
    for pack in result.derived.packs[:3]:
        fresh = pack_xlsx(pack, result.derived.version)
        assert workbook(pack, result.derived.version, kept) == fresh
        assert workbook(pack, "0" * 64, kept) == pack_xlsx(pack, "0" * 64)  # another version, reused parts


def test_for_folder_gives_one_session_per_folder(tmp_path: Path) -> None:
    sessions.forget()
    try:
        first = sessions.for_folder(tmp_path)
        assert sessions.for_folder(tmp_path / "." / "") is first
        assert sessions.for_folder(tmp_path / "other") is not first
    finally:
        sessions.forget()
