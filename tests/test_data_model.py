"""The Data model page lists every field of every kind, nested objects included, and every
enumeration with its allowed values; a field without a description fails here."""

from __future__ import annotations

from datetime import date
from typing import Literal

import pytest
from pydantic import Field

from conftest import FIXTURES
from govreg.build import generate
from govreg.data_model import anchor_of, describe, undocumented
from govreg.models import Kind
from govreg.models.common import Record, Strict


@pytest.fixture(scope="module")
def page() -> str:
    result = generate(FIXTURES / "mini" / "data", date(2021, 3, 24))
    assert result.problems == []
    (text,) = [o.content for o in result.outputs if o.path == "data-model.md"]
    assert isinstance(text, str)
    return text


def test_every_field_is_documented_and_every_enumeration_listed(page: str) -> None:
    assert undocumented(describe(), page) == []


def test_nested_objects_have_their_own_sections(page: str) -> None:
    model = describe()
    names = {m.name for m in model.nested}
    assert {"Seat", "Holder", "Requirement", "Constituency", "AppliesTo", "Citation", "StatusUpdate"} <= names
    for m in model.nested:
        assert f"### {m.name} {{: #{m.anchor} }}" in page
        section = page.split(f"### {m.name} ", 1)[1].split("\n### ", 1)[0]
        for f in m.fields:
            assert f"`{f.name}`" in section, f"{m.name}.{f.name} is not on the page"
    assert "list of [Seat](#nested-seat)" in page and "[Holder](#nested-holder)" in page


class _Child(Strict):
    """A nested object with an undocumented field."""

    mood: Literal["calm", "stormy"] = Field(description="How it feels.")
    size: int


class _Thing(Record):
    """A kind for the test."""

    child: _Child = Field(description="A nested object.")
    colour: Literal["red", "green"] = Field(description="Its colour.")


def test_the_check_fails_on_an_undocumented_field_or_enumeration() -> None:
    model = describe((Kind("things", "thing", "Things", _Thing, "Test things."),))
    assert [m.name for m in model.nested if m.name not in ("Reading", "Search")] == ["_Child"]  # on every Record
    assert anchor_of(_Child) == "nested-_-child"
    found = undocumented(model, "`calm`, `stormy`, `red`")
    assert "_Child.size: no description" in found
    assert "_Thing.colour: value 'green' not listed" in found
    assert not any("mood" in x for x in found)
