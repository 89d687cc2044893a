"""The JSON Schema of the data, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from ..contract import contract_text
from ..models import KINDS, Kind
from ..output import Output, data_file
from ..urls import CONTRACT_PATH, SCHEMA_JSON


def register_schema() -> dict[str, Any]:
    """One schema: a register object with a list per kind (the shape of register.json)."""
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    for kind in KINDS:
        schema = TypeAdapter(list[kind.model]).json_schema(  # type: ignore[name-defined]
            ref_template="#/$defs/{model}", mode="validation"
        )
        defs.update(schema.pop("$defs", {}))
        schema["description"] = f"{kind.label}: {kind.blurb} One file: data/<folder>/{kind.file}.yml."
        properties[kind.file] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "register.schema.json",
        "title": "Governance Register",
        "description": "Records of the Governance Register, one list per kind. Each data file "
        "data/<folder>/<kind>.yml holds one of these lists.",
        "type": "object",
        "properties": properties,
        "additionalProperties": True,
        "$defs": dict(sorted(defs.items())),
    }


def kind_schema(kind: Kind) -> dict[str, Any]:
    """The schema of one data file (`<folder>/<kind file>.yml`): a list of records of one kind.

    Why per file: editors (yaml-language-server) check a file against the schema its first
    line names, and each file holds one kind.
    """
    schema = TypeAdapter(list[kind.model]).json_schema(mode="validation")  # type: ignore[name-defined]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind.file}.schema.json",
        "title": f"Governance Register: {kind.label}",
        "description": f"{kind.label}: {kind.blurb} One file: data/<folder>/{kind.file}.yml.",
        **schema,
    }


def kind_schema_texts() -> dict[str, str]:
    """File name -> deterministic JSON text, one per kind (`milestones.schema.json`, ...)."""
    return {
        f"{kind.file}.schema.json": json.dumps(kind_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for kind in KINDS
    }


def schema_text() -> str:
    """The schema as deterministic JSON text."""
    return json.dumps(register_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_file() -> Output:
    return data_file(
        SCHEMA_JSON,
        schema_text(),
        "application/schema+json",
        "JSON Schema of the records (the data files, and `records` in the JSON exports)",
    )


def contract_file() -> Output:
    return data_file(
        CONTRACT_PATH,
        contract_text(),
        "application/schema+json",
        "JSON Schema of every JSON file the site publishes: register.json's derived facts, checks and "
        "compliance, status.json, pages.json and the per-kind files",
    )
