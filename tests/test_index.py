"""The index: unique ids across kinds and nested items, references, renamed ids, backlinks."""

from __future__ import annotations

from pathlib import Path

from govreg.build import check

SOURCE = """
- id: src-a
  title: A paper
  date: 1 April 2019
  places: [here]
  outline: [{ref: "1", title: All}]
"""
PLACES = "- {id: here, name: Here, type: borough}\n"


def write(tmp: Path, **files: str) -> Path:
    data = tmp / "data" / "here"
    data.mkdir(parents=True)
    (data / "sources.yml").write_text(SOURCE)
    (data / "places.yml").write_text(PLACES)
    for name, text in files.items():
        (data / f"{name}.yml").write_text(text)
    return data.parent


def test_ids_are_unique_across_kinds_and_nested_items(tmp_path: Path) -> None:
    data = write(
        tmp_path,
        bodies="- id: here\n  name: B\n  type: board\n  places: [here]\n  seats: [{id: src-a, role: Chair}]\n"
        "  cites: [{source: src-a, at: '1'}]\n",
    )
    _, problems = check(data)
    messages = [p.message for p in problems if p.code == "duplicate_id"]
    assert any("id 'here' is already used" in m for m in messages), messages
    assert any("id 'src-a' is already used" in m for m in messages), messages


def test_renamed_ids_hint_the_new_id_and_backlinks_are_recorded(tmp_path: Path) -> None:
    data = write(
        tmp_path,
        bodies="- id: board-b\n  former_ids: [board-old]\n  name: B\n  type: board\n  places: [here]\n"
        "  cites: [{source: src-a, at: '1'}]\n"
        "- id: board-c\n  name: C\n  type: committee\n  places: [here]\n  reports_to: [board-b]\n"
        "  cites: [{source: src-a, at: '1'}]\n",
        milestones="- id: m\n  title: T\n  places: [here]\n  due: 2019/20\n  owners: [board-old]\n"
        "  cites: [{source: src-a, at: '9'}]\n",
    )
    index, problems = check(data)
    found = {(p.code, p.message.split(": ", 1)[0]) for p in problems}
    assert ("dangling_ref", "milestone m") in found
    assert any("renamed: use 'board-b'" in p.message for p in problems)
    assert any(p.code == "locator" and "'9' is not in the outline" in p.message for p in problems)
    assert index.former == {"board-old": "board-b"}
    assert [(b.source, b.field) for b in index.backlinks["board-b"]] == [("board-c", "reports_to[0]")]
