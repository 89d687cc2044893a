"""The Data model page, prepared from the models: every field of every kind, nested objects
(seats, holders, requirements, citations...) and every enumeration with its allowed values.

Why generated: a field added to a model appears here at once, and `undocumented()` (run by
the tests) fails while any field lacks a description or any enumeration is not listed.
"""

from __future__ import annotations

import functools
import re
import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .dates import Period
from .markup import MD, escape_text
from .models import KINDS, Kind
from .models.common import RefTo

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]*$")


def _value(v: Any) -> MD:
    text = str(v)
    return MD(f"`{text}`") if _PLAIN.match(text) else escape_text(text)


@dataclass(frozen=True, slots=True)
class FieldDoc:
    name: str
    required: bool
    type: MD
    """The type in words; nested objects link to their section."""
    description: str
    values: tuple[str, ...]
    """Allowed values, for an enumeration (also listed on the page under Enumerations)."""

    @property
    def name_md(self) -> MD:
        """The field name as code (field names are Python identifiers: nothing to escape)."""
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", self.name):
            return escape_text(self.name)
        return MD(f"`{self.name}`")


@dataclass(frozen=True, slots=True)
class ModelDoc:
    name: str
    anchor: str
    doc: str
    fields: tuple[FieldDoc, ...]
    used_in: tuple[str, ...]
    """Where it appears: 'Body.seats', ..."""


@dataclass(frozen=True, slots=True)
class Enumeration:
    values: tuple[str, ...]
    fields: tuple[str, ...]
    """'Seat.category', ...: the fields that take one of these values."""

    def values_md(self) -> MD:
        return MD(", ").join(_value(v) for v in self.values)


def anchor_of(model: type[BaseModel]) -> str:
    return "nested-" + re.sub(r"(?<!^)(?=[A-Z])", "-", model.__name__).lower()


def _unwrap(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """(inner type, metadata) without Annotated."""
    meta: tuple[Any, ...] = ()
    while get_origin(annotation) is Annotated:
        args = get_args(annotation)
        annotation, meta = args[0], meta + tuple(args[1:])
    return annotation, meta


def _type(annotation: Any, metadata: list[Any], nested: list[type[BaseModel]]) -> tuple[MD, tuple[str, ...]]:
    """(type in words, allowed values if an enumeration), collecting nested models on the way."""
    annotation, meta = _unwrap(annotation)
    meta = (*metadata, *meta)
    refs = [m for m in meta if isinstance(m, RefTo)]
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        parts = [_type(a, list(meta), nested) for a in options]
        values = tuple(v for _, vs in parts for v in vs)
        return MD(" or ").join(t for t, _ in parts), values
    if origin is list:
        inner, values = _type(get_args(annotation)[0], [], nested)
        return MD("list of ") + inner, values
    if origin is Literal:
        values = tuple(str(v) for v in get_args(annotation))
        return MD("one of: ") + MD(", ").join(_value(v) for v in values), values
    if refs:
        return MD("id of a " + " or ".join(refs[0].kinds) + " record"), ()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in nested:
            nested.append(annotation)
        return MD(f"[{annotation.__name__}](#{anchor_of(annotation)})"), ()
    if annotation is Period:
        return MD("date as printed (see Dates)"), ()
    words = {bool: "true or false", int: "whole number", float: "number", str: "text"}
    text = words.get(annotation, getattr(annotation, "__name__", str(annotation)))
    if annotation is str and any(getattr(m, "pattern", None) for m in meta):
        text = "id" if any(getattr(m, "max_length", None) == 80 for m in meta) else "text in a fixed form"
    return MD(text), ()


def _fields(model: type[BaseModel], nested: list[type[BaseModel]]) -> tuple[FieldDoc, ...]:
    out = []
    for name, info in model.model_fields.items():
        shown, values = _type(info.annotation, list(info.metadata), nested)
        out.append(FieldDoc(name, info.is_required(), shown, info.description or "", values))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class DataModel:
    kinds: tuple[tuple[Kind, ModelDoc], ...]
    nested: tuple[ModelDoc, ...]
    enumerations: tuple[Enumeration, ...]

    def all_models(self) -> tuple[ModelDoc, ...]:
        return tuple(m for _, m in self.kinds) + self.nested


@functools.cache  # a function of the code alone; the Data model page asks at every build and preview
def describe(kinds: tuple[Kind, ...] = KINDS) -> DataModel:
    """Every kind, then every nested object in order of first use, then every enumeration."""
    nested: list[type[BaseModel]] = []
    docs: dict[type[BaseModel], tuple[FieldDoc, ...]] = {}
    kind_docs = []
    for kind in kinds:
        docs[kind.model] = _fields(kind.model, nested)
    i = 0
    while i < len(nested):  # nested models may nest further (a seat's holders)
        docs[nested[i]] = _fields(nested[i], nested)
        i += 1
    used: dict[type[BaseModel], list[str]] = {}
    for model, fields in docs.items():
        for f in fields:
            info = model.model_fields[f.name]
            for target in nested:
                if target.__name__ in _names(info.annotation):
                    used.setdefault(target, []).append(f"{model.__name__}.{f.name}")
    enums: dict[tuple[str, ...], list[str]] = {}
    for model, fields in docs.items():
        for f in fields:
            if f.values:
                enums.setdefault(f.values, []).append(f"{model.__name__}.{f.name}")

    def doc(model: type[BaseModel]) -> ModelDoc:
        return ModelDoc(
            model.__name__,
            anchor_of(model),
            (model.__doc__ or "").strip(),
            docs[model],
            tuple(used.get(model, [])),
        )

    for kind in kinds:
        kind_docs.append((kind, doc(kind.model)))
    return DataModel(
        tuple(kind_docs),
        tuple(doc(m) for m in nested),
        tuple(Enumeration(values, tuple(where)) for values, where in enums.items()),
    )


def _names(annotation: Any) -> set[str]:
    annotation, _ = _unwrap(annotation)
    if isinstance(annotation, type):
        return {annotation.__name__}
    return {n for a in get_args(annotation) for n in _names(a)}


def undocumented(model: DataModel, page: str) -> list[str]:
    """Fields with no description, and enumeration values missing from the rendered page."""
    out = [f"{m.name}.{f.name}: no description" for m in model.all_models() for f in m.fields if not f.description]
    for e in model.enumerations:
        for v in e.values:
            if str(_value(v)) not in page:
                out.append(f"{', '.join(e.fields)}: value {v!r} not listed")
    return out


__all__ = ["DataModel", "Enumeration", "FieldDoc", "ModelDoc", "describe", "undocumented"]
