"""The strict YAML reader: no silent conversions, no aliases, lines kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreg.yamlio import read_yaml


def read(tmp_path: Path, text: str, **kw: int):  # type: ignore[no-untyped-def]
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, "x.yml", **kw)


def test_plain_data_and_lines(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "- id: a\n  due: 2019-04-01\n  count: 3\n  value: 51.9\n  ok: true\n")
    assert problems == []
    assert doc is not None
    assert doc.data == [{"id": "a", "due": "2019-04-01", "count": 3, "value": 51.9, "ok": True}]
    assert doc.lines[(0, "count")] == (3, 3)
    assert doc.locate((0, "missing")) == (1, 3)


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "id: a\nname: first\nname: second\n")
    assert [str(p) for p in problems] == ["x.yml:3:1: duplicate key 'name' (first at line 2) [duplicate_key]"]


@pytest.mark.parametrize("value", ["no", "Yes", "on", "OFF", "010", "0o17", "0x1F", "1:30", ".inf", "1e3", "TRUE"])
def test_yaml11_surprises_are_errors(tmp_path: Path, value: str) -> None:
    doc, problems = read(tmp_path, f"x: {value}\n")
    assert len(problems) == 1 and problems[0].code == "yaml", problems
    assert repr(value) in problems[0].message
    assert doc is not None and doc.data == {"x": value}  # kept as text, never converted


@pytest.mark.parametrize("value", ["'no'", '"010"', "'1:30'"])
def test_quoted_values_stay_text(tmp_path: Path, value: str) -> None:
    doc, problems = read(tmp_path, f"x: {value}\n")
    assert problems == [] and doc is not None and doc.data == {"x": value.strip("'\"")}


def test_dates_stay_text(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, "a: 2019-04-01\nb: 2018/19\nc: 1/4/22\n")
    assert doc is not None and doc.data == {"a": "2019-04-01", "b": "2018/19", "c": "1/4/22"}


def test_alias_bomb_refused_before_expansion(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    doc, problems = read(tmp_path, bomb)
    assert doc is None
    assert [p.code for p in problems] == ["yaml"] and "anchors and aliases" in problems[0].message


def test_size_cap(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "x: " + "y" * 200 + "\n", max_bytes=100)
    assert doc is None and problems[0].code == "file" and "over the limit of 100" in problems[0].message


def test_tags_refused(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "x: !!python/object:os.system ls\n")
    assert doc is None and "tag" in problems[0].message


def test_syntax_error_located(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "- id: a\n  title: [unclosed\n")
    assert doc is None and problems[0].code == "yaml" and problems[0].line == 3


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes(b"x: \xff\xfe\n")
    doc, problems = read_yaml(path, "x.yml")
    assert doc is None and "UTF-8" in problems[0].message
