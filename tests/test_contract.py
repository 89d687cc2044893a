"""The published contract: every JSON file the site publishes validates, whole, against published.schema.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT
from govreg.contract import CONTRACT_JSON, FILES, FORMAT_VERSION, contract_schema, contract_tables, contract_text
from govreg.models import KINDS


def validator(definition: str) -> Draft202012Validator:
    schema = contract_schema()
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"})


def errors(definition: str, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(definition).iter_errors(data)]


def test_the_contract_file_is_current_and_published(real_site: Path) -> None:
    assert (ROOT / "schema" / CONTRACT_JSON).read_text(encoding="utf-8") == contract_text(), (
        "schema/published.schema.json is stale: run `make schema`"
    )
    assert (real_site / "data" / CONTRACT_JSON).read_text(encoding="utf-8") == contract_text()
    Draft202012Validator.check_schema(contract_schema())


def test_every_field_of_the_contract_is_described() -> None:
    undescribed = [
        f"{name}.{field}"
        for name, definition in contract_schema()["$defs"].items()
        for field, prop in definition.get("properties", {}).items()
        if "description" not in prop and "$ref" not in prop
    ]
    assert undescribed == []


@pytest.mark.parametrize(
    ("path", "definition"),
    [("data/register.json", "RegisterFile"), ("data/status.json", "StatusFile"), ("data/pages.json", "PagesFile")]
    + [(f"data/{k.file}.json", "KindFile") for k in KINDS],
    ids=lambda v: str(v),
)
def test_every_published_json_file_validates_against_the_contract(real_site: Path, path: str, definition: str) -> None:
    data = json.loads((real_site / path).read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION and data["contract"] == CONTRACT_JSON
    assert errors(definition, data) == []


def test_the_records_in_register_json_validate_against_the_data_schema(real_site: Path) -> None:
    data = json.loads((real_site / "data" / "register.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site / "data" / "register.schema.json").read_text(encoding="utf-8"))
    found = [e.message for e in Draft202012Validator(schema).iter_errors(data["records"])]
    assert found == []


def test_the_contract_refuses_undocumented_and_missing_keys(real_site: Path) -> None:
    """The check can fail: a key the contract does not describe, a missing one, or a wrong value."""
    data = json.loads((real_site / "data" / "register.json").read_text(encoding="utf-8"))
    rid = next(iter(data["derived"]))
    extra = json.loads(json.dumps(data))
    extra["derived"][rid]["undocumented"] = 1
    assert any("undocumented" in e for e in errors("RegisterFile", extra))
    missing = json.loads(json.dumps(data))
    del missing["compliance"][0]["results"][0]["answer"]
    assert any("'answer' is a required property" in e for e in errors("RegisterFile", missing))
    wrong = json.loads(json.dumps(data))
    wrong["compliance"][0]["results"][0]["answer"] = "probably"
    assert any("probably" in e for e in errors("RegisterFile", wrong))
    steps = json.loads((real_site / "data" / "status.json").read_text(encoding="utf-8"))
    first = next(iter(steps["records"]))
    steps["records"][first][0]["status"] = "nearly-done"
    assert errors("StatusFile", steps)


def test_the_files_the_contract_names_are_the_files_published(real_site: Path) -> None:
    published = {p.relative_to(real_site).as_posix() for p in (real_site / "data").glob("*.json")}
    named = {p for p in FILES if "<" not in p} | {f"data/{k.file}.json" for k in KINDS}
    described = named | {"data/register.schema.json", "data/published.schema.json", "data/datapackage.json"}
    assert published - described == set(), "JSON files published with no contract"


def test_every_review_pack_column_is_described_on_the_data_model_page(real_site: Path) -> None:
    from govreg.reviewpack.columns import COLUMNS

    page = (real_site / "data-model" / "index.html").read_text(encoding="utf-8")
    assert all(c.description for c in COLUMNS), [c.name for c in COLUMNS if not c.description]
    for c in COLUMNS:
        assert f"<code>{c.name}</code>" in page, c.name
    for name, _, _rows in contract_tables():
        assert f'id="contract-{name.lower()}"' in page, name
