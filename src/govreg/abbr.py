"""Glossary terms as abbreviations for the Markdown `abbr` extension.

Why: every abbreviation anywhere on the site should show its expansion as a
tooltip (`<abbr title>`), from the one glossary in the data.
"""

from __future__ import annotations

from .index import Index
from .models import GlossaryTerm


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
