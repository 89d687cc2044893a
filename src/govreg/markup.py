"""Escaping for generated Markdown: text from YAML is always text.

Why: Jinja's HTML autoescape is not enough for Markdown. A YAML string such as
`[x](javascript:alert(1))` or `<img onerror=...>` placed in a Markdown page
would become a live link or tag. Every value a template prints goes through
`escape_text` (the Jinja `finalize` hook) unless the code built it as `MD`
from already-escaped parts; `MD`'s own `+`, `join`, `format` and `%` escape
whatever they are given, so no combination of data can turn into markup.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from markupsafe import Markup

# Characters Python-Markdown and the enabled extensions treat as syntax and
# accept a backslash escape for (core set, plus '|' for tables; ':' and '"'
# are harmless).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")
# Syntax only for extensions that are not enabled (pymdownx tilde, caret,
# mark). A backslash before them would print, so they become character
# references, which no extension reads as syntax.
_MD_ENTITIES = str.maketrans({"~": "&#126;", "^": "&#94;", "=": "&#61;"})
_SPACE = re.compile(r"\s+")
# Every format character (Unicode category Cf, as of Unicode 14): zero-width
# characters, direction marks, overrides and isolates (the Arabic letter mark
# too), the byte order mark, soft hyphens and tag characters. All are invisible.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def show_invisible(text: str) -> str:
    """Make zero-width and direction-override characters visible as code points.

    Why: a right-to-left override in a title can make text read differently
    from what it is; showing it keeps the page honest.
    """
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


class MD(Markup):
    """Text that is safe to place in a generated Markdown page.

    A `markupsafe.Markup` whose escaper is the Markdown-and-HTML one: `MD("; ").join(xs)`,
    `MD("{} at {}").format(a, b)` and `md + text` escape every operand that is not
    already `MD`. A plain `Markup` (safe for HTML, not for Markdown) is escaped too.
    """

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any, /) -> MD:
        return escape_text(s)


def escape_text(value: Any) -> MD:
    """Any value as inert inline Markdown text (one line); `MD` values are kept as they are."""
    if isinstance(value, MD):
        return value
    if value is None:
        return MD("")
    text = _SPACE.sub(" ", show_invisible(str(value))).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("\\<", "&lt;").replace("\\>", "&gt;").replace('"', "&quot;")
    return MD(text.translate(_MD_ENTITIES))


# Text from data inside raw HTML or SVG must be inert twice over: as HTML, and as Markdown,
# because Python-Markdown still reads inline Markdown between the tags of inline HTML (an
# inline SVG's <title>, a <span>, a link in a table cell) though not inside a raw HTML block
# (a <div>, a <figure>). A backslash would print in the second case, so every character
# either parser treats as syntax becomes a character reference: the browser shows the
# character, and neither parser sees syntax. Valid in element content and attribute values.
_HTML_REFS = str.maketrans(
    {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~^="}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
)


def html_text(value: Any, *, lines: bool = False) -> str:
    """Any value as inert text for raw HTML or SVG in a page: element content or attribute value.

    The one escaper for everything printed inside raw HTML (SVG titles and descriptions,
    `aria-label`s, `title` attributes, map labels, hrefs); never an HTML-only escape.
    Whitespace runs become one space, unless `lines` (a `<pre>` block keeps its lines).
    """
    text = show_invisible(str(value))
    if not lines:
        text = _SPACE.sub(" ", text).strip()
    return text.translate(_HTML_REFS)


def rel(target: str, current: str) -> str:
    """Relative link from one generated .md page to another (MkDocs checks these)."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(current) or ".")
    return link + (f"#{anchor}" if anchor else "")


def link(text: Any, target: str, current: str) -> MD:
    """A Markdown link with escaped text to a page of the site."""
    return MD(f"[{escape_text(text)}]({rel(target, current)})")


def anchor(ref: str) -> str:
    """An HTML id for an outline ref such as '4.8' or 'table 1'."""
    slug = re.sub(r"[^a-z0-9]+", "-", ref.lower()).strip("-")
    return f"s-{slug or 'x'}"
