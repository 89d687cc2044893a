"""CSV exports: one table per kind, plus a child table per nested list.

Flattening rules (also on the Downloads page):
- one row per record, columns in schema order, UTF-8 with a header row;
- a date field gives three columns: the paper's words, `<field>_start`, `<field>_end` (ISO dates);
- a list of ids or words is one cell, items joined by "; ";
- citations are one cell: "source-id at locator", joined by "; ";
- a nested object (printed_total) gives `<field>_<subfield>` columns;
- a nested list of objects (seats, items, lines, updates, ...) becomes its own table
  `<kind>-<field>.csv`, with `<kind>_id` (a foreign key) and `position` (1-based);
- a single reference to one kind (a place's `part_of`, a decision's `source`) is declared
  a foreign key too; references that may name several kinds, or lists, cannot be in Table Schema;
  a list nested one level deeper (a seat's named holders, a question's updates as "date: status")
  is one cell, joined by "; ";
- a text cell that starts with =, +, -, @, tab or carriage return is prefixed with an apostrophe,
  so a spreadsheet never runs it as a formula.
"""

from __future__ import annotations

import csv
import io
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..dates import Period
from ..derive import Derived
from ..index import Index
from ..models import BY_NAME, KINDS, Kind
from ..models.common import Citation, _ref_kinds
from ..output import Output, data_file

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SEP = "; "


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # Frictionless field type
    get: Callable[[Any], Any]
    description: str = ""
    ref: str | None = None  # the table (kind file) whose `id` this column's value must be


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV table: its name, columns, keys and rows."""

    name: str
    columns: list[Column]
    primary_key: list[str]
    parent: str | None
    rows: list[Any]
    description: str


def _flat(annotation: Any) -> list[Any]:
    """Leaf types of an annotation (unwraps Annotated, Optional, unions)."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return [leaf for arg in get_args(annotation) for leaf in _flat(arg)]
    if hasattr(annotation, "__metadata__"):
        return _flat(get_args(annotation)[0])
    return [annotation]


def _classify(annotation: Any) -> tuple[str, Any]:
    """('period'|'models'|'model'|'list'|'bool'|'int'|'float'|'str', inner type)."""
    leaves = [t for t in _flat(annotation) if t is not type(None)]
    leaf = leaves[0] if leaves else str
    if leaf is Period:
        return "period", None
    if get_origin(leaf) is list:
        inner = _flat(get_args(leaf)[0])[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return ("cites" if inner is Citation else "models"), inner
        return "list", None
    if isinstance(leaf, type) and issubclass(leaf, BaseModel):
        return "model", leaf
    if leaf is bool:
        return "bool", None
    if leaf is int:
        return "int", None
    if leaf is float:
        return "float", None
    return "str", None


Getter = Callable[[Any], Any]


def _attr(name: str) -> Getter:
    return lambda obj: getattr(obj, name)


def _then(first: Getter, second: Getter) -> Getter:
    """first, then second on its result; None stays None."""

    def get(obj: Any) -> Any:
        value = first(obj)
        return None if value is None else second(value)

    return get


def _row_part(i: int, get: Getter) -> Getter:
    return lambda row: get(row[i])


def _cites(value: list[Citation]) -> str:
    return SEP.join(f"{c.source} at {c.at}" for c in value)


def _holder_text(x: Any) -> str:
    if hasattr(x, "status") and hasattr(x, "date"):  # a status update nested two levels down (a question's)
        return f"{x.date.text}: {x.status}" + (" (reconfirmed)" if getattr(x, "reconfirmed", False) else "")
    name = str(getattr(x, "name", getattr(x, "text", "")))
    start, end = getattr(x, "start", None), getattr(x, "end", None)
    if start or end:
        name += f" ({start.text if start else ''} to {end.text if end else ''})"
    return name


def _columns(
    model: type[BaseModel], prefix: str = "", nested_as_text: bool = False
) -> tuple[list[Column], list[tuple[str, type[BaseModel]]]]:
    """Columns for a model's simple fields, and (field, item model) for its nested lists.

    In a child table (`nested_as_text`), a further nested list (a seat's holders)
    is one cell: names (with dates) joined by "; ".
    """
    cols: list[Column] = []
    children: list[tuple[str, type[BaseModel]]] = []
    for name, info in model.model_fields.items():
        how, inner = _classify(info.annotation)
        desc = info.description or ""
        col = prefix + name
        get = _attr(name)
        if how == "period":
            cols += [
                Column(col, "string", _then(get, lambda p: p.text), desc),
                Column(col + "_start", "date", _then(get, lambda p: p.start), f"Earliest date {name} can mean."),
                Column(col + "_end", "date", _then(get, lambda p: p.end), f"Latest date {name} can mean."),
            ]
        elif how == "models":
            if prefix or nested_as_text:
                cols.append(Column(col, "string", _then(get, lambda xs: SEP.join(_holder_text(x) for x in xs)), desc))
            else:
                children.append((name, inner))
        elif how == "cites":
            cols.append(Column(col, "string", _then(get, _cites), "Citations: source id at locator."))
        elif how == "model":
            sub, _ = _columns(inner, col + "_")
            cols += [Column(c.name, c.type, _then(get, c.get), c.description) for c in sub]
        elif how == "list":
            cols.append(Column(col, "string", _then(get, lambda xs: SEP.join(str(x) for x in xs)), desc))
        else:
            kind = {"bool": "boolean", "int": "integer", "float": "number"}.get(how, "string")
            targets = _ref_kinds(info.annotation, info.metadata)
            ref = BY_NAME[targets[0]].file if len(targets) == 1 and not prefix else None
            cols.append(Column(col, kind, get, desc, ref))
    return cols, children


def _life_columns(derived: Derived) -> list[Column]:
    """Derived columns of organisations and bodies: their status as at the register's date (`lifecycle`)."""
    life = derived.life

    def of(field: str) -> Getter:
        return lambda rec: getattr(life[rec.id], field) if rec.id in life else None

    return [
        Column("in_place", "boolean", of("in_place"), f"Derived: in place as at {derived.as_of.isoformat()}."),
        Column(
            "status_as_at",
            "string",
            of("status"),
            f"Derived: status as at {derived.as_of.isoformat()} (organisations: in-place, abolished or not-yet; "
            "bodies: proposed, shadow, established, replaced, abolished or not-yet; empty when not recorded).",
        ),
        Column("status_since", "date", of("since"), "Derived: the day that status took effect, where known."),
        Column("status_reason", "string", of("reason"), "Derived: why, in plain words (e.g. the national change)."),
    ]


def tables(index: Index, derived: Derived | None = None) -> list[Table]:
    """Every CSV table of the register, in a stable order. With `derived`, organisations and bodies
    carry their status as at the register's date in four derived columns after the record's own."""
    out: list[Table] = []
    for kind in KINDS:
        records = index.of_kind(kind.name)
        cols, children = _columns(kind.model)
        if derived is not None and kind.name in ("organisation", "body"):
            cols += _life_columns(derived)
        out.append(Table(kind.file, cols, ["id"], None, records, f"{kind.label}, one row per record: {kind.blurb}"))
        for field, item_model in children:
            out.append(_child(kind, field, item_model, records))
    return out


def _child(kind: Kind, field: str, item_model: type[BaseModel], records: list[Any]) -> Table:
    fk = f"{kind.name.replace('-', '_')}_id"
    item_cols, _ = _columns(item_model, nested_as_text=True)
    cols = [
        Column(fk, "string", lambda row: row[0], f"Id of the {kind.name} this row belongs to."),
        Column("position", "integer", lambda row: row[1], "Order in the paper, from 1."),
    ]
    cols += [Column(c.name, c.type, _row_part(2, c.get), c.description, c.ref) for c in item_cols]
    rows = [(rec.id, i + 1, item) for rec in records for i, item in enumerate(getattr(rec, field))]
    return Table(
        f"{kind.file}-{field}",
        cols,
        [fk, "position"],
        kind.file,
        rows,
        f"{kind.label}: their {field}, one row each, keyed by record id and position",
    )


def cell(value: Any) -> str:
    """A value as CSV text, with spreadsheet formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def table_csv(table: Table) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([cell(c.get(row)) for c in table.columns])
    return buf.getvalue()


def csv_files(index: Index, derived: Derived | None = None) -> list[Output]:
    return [data_file(f"data/{t.name}.csv", table_csv(t), "text/csv", t.description) for t in tables(index, derived)]
