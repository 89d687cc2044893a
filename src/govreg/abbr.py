"""Glossary terms as abbreviations for the Markdown `abbr` extension.

Why: every abbreviation anywhere on the site should show its expansion as a
tooltip (`<abbr title>`), from the one glossary in the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


ABBREVIATION = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9]*(?:[/&-][A-Z0-9]+)*)(s?)(?![A-Za-z0-9])")
"""Tokens of capitals and digits, joined by '/', '&' or '-' (NHSE/I, H&WB, COVID-19),
with an optional plural 's' (CCGs); a token needs two or more capital letters."""

NOT_ABBREVIATIONS = {
    "COMMITTEES/GROUPS": "cover-sheet heading 'COMMITTEES/GROUPS PREVIOUSLY CONSULTED', quoted in notes",
    "TO": "word of printed capitalised headings ('LINKS TO CORPORATE OBJECTIVES', 'RESPONDING TO THE ...')",
    "LATEST": "banner 'LATEST NEWS' of Bolton NHS Foundation Trust's partnership page, quoted in its outline",
    "TW3": "a postcode (Hounslow House, TW3 3EB) in NHS North West London's board notice, quoted in its outline",
    "BL1": "a postcode (Lever Chambers, BL1 1SQ) on NHS Greater Manchester's Bolton page, quoted in its outline",
    "II": "Roman numeral of 'Part II' (a council agenda's private part), in a note",
}
"""Capitalised tokens that are not abbreviations and that `ordinary_words` cannot tell (two letters,
a slash, a word never written small, a postcode), each with why it appears in capitals."""


def record_texts(index: Index) -> dict[str, tuple[str, ...]]:
    """{record id: its free-text values} (`Loaded.texts`, worked out when its file was loaded)."""
    return {rid: item.texts for rid, item in index.records.items()}


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


LOWER_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z]{3,}(?![A-Za-z0-9])")
"""A word of three or more letters written in lower case."""


def ordinary_words(index: Index) -> frozenset[str]:
    """Words the register's own text writes in lower case somewhere.

    Why: a word set in capitals for emphasis or as a printed heading ('NOT', 'ALL', 'RESPONDING
    TO THE ...') is the same word written small elsewhere; a real abbreviation (CCG, ICB, NHSE/I)
    never is. Two-letter tokens are never treated as words ('IT', 'GP' stay strict).
    """
    words: set[str] = set()
    for texts in record_texts(index).values():
        for text in texts:
            words.update(LOWER_WORD.findall(text))
    return frozenset(words)


def is_ordinary_word(token: str, words: frozenset[str]) -> bool:
    """Whether a capitalised token is an ordinary word in capitals, not an abbreviation."""
    return token.isalpha() and len(token) >= 3 and token.lower() in words


def undefined_abbreviations(index: Index) -> dict[str, list[str]]:
    """{token: record ids} for abbreviations in any text with no glossary term or variant.

    Not abbreviations: ordinary words in capitals (`ordinary_words`), and the few capitalised
    tokens in NOT_ABBREVIATIONS, each with its reason.
    """
    forms = glossary_forms(index)
    words = ordinary_words(index)
    multiword = sorted((f for f in forms if " " in f), key=len, reverse=True)
    missing: dict[str, list[str]] = {}
    for rid, texts in sorted(record_texts(index).items()):
        for text in texts:
            for token in abbreviations_in(text, multiword):
                singular = token[:-1] if token.endswith("s") else token
                if token in forms or singular in forms or singular in NOT_ABBREVIATIONS:
                    continue
                if is_ordinary_word(token, words) or is_ordinary_word(singular, words):
                    continue
                where = missing.setdefault(token, [])
                if rid not in where:
                    where.append(rid)
    return missing


def abbreviations_used(index: Index) -> set[str]:
    """Every abbreviation token found in the register's text (to spot stale allow-list entries)."""
    forms = glossary_forms(index)
    multiword = sorted((f for f in forms if " " in f), key=len, reverse=True)
    return {
        tok for texts in record_texts(index).values() for text in texts for tok in abbreviations_in(text, multiword)
    }
