"""The free text of a record: every value a person wrote, without ids, references or vocabularies.

Why its own module: the loader keeps each record's texts beside it (`Loaded.texts`), so the
glossary check reads them once per file, and a preview reuses them with the file's entry.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .dates import Period
from .models import Record
from .models.common import iter_models, iter_refs


def _is_vocabulary(annotation: Any) -> bool:
    """True for fields typed as a fixed vocabulary (Literal), e.g. unit 'GBP millions'."""
    if typing.get_origin(annotation) is typing.Literal:
        return True
    return any(_is_vocabulary(arg) for arg in typing.get_args(annotation))


@functools.cache
def _text_field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """Fields of a model class that may hold free text (types are fixed while the program runs)."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if name not in {"id", "former_ids", "preferred", "url", "evidence_url"} and not _is_vocabulary(info.annotation)
    )


def text_fields(record: Record) -> Iterator[tuple[str, str]]:
    """(path, text) for every free-text value in a record: no ids, references or vocabularies."""
    refs = {path for path, _, _ in iter_refs(record)}
    for path, model in iter_models(record):
        for name in _text_field_names(type(model)):
            value = getattr(model, name)
            values = value if isinstance(value, list) else [value]
            for i, item in enumerate(values):
                where = (*path, name, i) if isinstance(value, list) else (*path, name)
                if where in refs:
                    continue
                if isinstance(item, Period):
                    item = item.text
                if isinstance(item, str):
                    yield ".".join(str(p) for p in where), item
