"""Glossary terms as abbreviations for the Markdown `abbr` extension.

Why: every abbreviation anywhere on the site should show its expansion as a
tooltip (`<abbr title>`), from the one glossary in the data.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .dates import Period
from .index import Index
from .models import GlossaryTerm, Record
from .models.common import iter_models, iter_refs


def glossary_abbreviations(index: Index | None) -> dict[str, str]:
    """{printed form: expansion} for every glossary term and variant, sorted."""
    out: dict[str, str] = {}
    if index is None:
        return out
    for term in index.of_kind("term"):
        if isinstance(term, GlossaryTerm):
            for form in (term.term, *term.variants):
                out.setdefault(form, term.expansion)
    return dict(sorted(out.items()))


ABBREVIATION = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9]*(?:[/&-][A-Z0-9]+)*)(s?)(?![A-Za-z0-9])")
"""Tokens of capitals and digits, joined by '/', '&' or '-' (NHSE/I, H&WB, COVID-19),
with an optional plural 's' (CCGs); a token needs two or more capital letters."""

NOT_ABBREVIATIONS = {
    "ALL": "emphasis printed in milestone 4.9 of the 2018 Bolton paper ('ALL appropriate budgets')",
    "AUTHOR": "cover-sheet field name of the 2018 Bolton paper, quoted in a note",
    "COMMITTEES/GROUPS": "cover-sheet heading 'COMMITTEES/GROUPS PREVIOUSLY CONSULTED', quoted in notes",
    "PREVIOUSLY": "cover-sheet heading 'COMMITTEES/GROUPS PREVIOUSLY CONSULTED', quoted in notes",
    "CONSULTED": "cover-sheet heading 'COMMITTEES/GROUPS PREVIOUSLY CONSULTED', quoted in notes",
    "LINKS": "cover-sheet heading 'LINKS TO CORPORATE OBJECTIVES', quoted as a list's intro",
    "TO": "word of printed capitalised headings ('LINKS TO CORPORATE OBJECTIVES', 'RESPONDING TO THE ...')",
    "CORPORATE": "cover-sheet heading 'LINKS TO CORPORATE OBJECTIVES', quoted as a list's intro",
    "OBJECTIVES": "cover-sheet heading 'LINKS TO CORPORATE OBJECTIVES', quoted as a list's intro",
    "RESPONDING": "capitalised title 'RESPONDING TO THE NATIONAL ENGAGEMENT EXERCISE' of the GM response",
    "THE": "capitalised title 'RESPONDING TO THE NATIONAL ENGAGEMENT EXERCISE' of the GM response",
    "NATIONAL": "capitalised title 'RESPONDING TO THE NATIONAL ENGAGEMENT EXERCISE' of the GM response",
    "ENGAGEMENT": "capitalised title 'RESPONDING TO THE NATIONAL ENGAGEMENT EXERCISE' of the GM response",
    "EXERCISE": "capitalised title 'RESPONDING TO THE NATIONAL ENGAGEMENT EXERCISE' of the GM response",
    "RECOMMENDATIONS": "capitalised heading of the 2019 Bolton paper, quoted in its source title",
    "PART": "capitalised heading 'PART A' / 'PART B' of the January 2021 Bolton paper, quoted in a note",
    "LATEST": "banner 'LATEST NEWS' of Bolton NHS Foundation Trust's partnership page, quoted in its outline",
    "NEWS": "banner 'LATEST NEWS' of Bolton NHS Foundation Trust's partnership page, quoted in its outline",
    "TW3": "a postcode (Hounslow House, TW3 3EB) in NHS North West London's board notice, quoted in its outline",
}
"""Capitalised words that are not abbreviations, each with why it appears in capitals."""


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


def glossary_forms(index: Index) -> set[str]:
    """Every printed form (term and variants) the glossary explains."""
    forms: set[str] = set()
    for term in index.of_kind("term"):
        if isinstance(term, GlossaryTerm):
            forms.update([term.term, *term.variants])
    return forms


def abbreviations_in(text: str, multiword: list[str]) -> Iterator[str]:
    """Abbreviation tokens in `text`, after removing glossary forms with spaces ('NW London')."""
    for form in multiword:
        text = text.replace(form, " ")
    for match in ABBREVIATION.finditer(text):
        token, plural = match.groups()
        if sum(ch.isupper() for ch in token) >= 2:
            yield token + plural


def undefined_abbreviations(index: Index) -> dict[str, list[str]]:
    """{token: "record.path" places} for abbreviations in any text with no glossary term or variant."""
    forms = glossary_forms(index)
    multiword = sorted((f for f in forms if " " in f), key=len, reverse=True)
    missing: dict[str, list[str]] = {}
    for rid, item in sorted(index.records.items()):
        for _path, text in text_fields(item.record):
            for token in abbreviations_in(text, multiword):
                singular = token[:-1] if token.endswith("s") else token
                if token not in forms and singular not in forms and singular not in NOT_ABBREVIATIONS:
                    where = missing.setdefault(token, [])
                    if rid not in where:
                        where.append(rid)
    return missing


def abbreviations_used(index: Index) -> set[str]:
    """Every abbreviation token found in the register's text (to spot stale allow-list entries)."""
    forms = glossary_forms(index)
    multiword = sorted((f for f in forms if " " in f), key=len, reverse=True)
    return {
        tok
        for item in index.records.values()
        for _, text in text_fields(item.record)
        for tok in abbreviations_in(text, multiword)
    }
