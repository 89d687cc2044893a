"""Markdown-safe text: data can never become a link, a tag or emphasis, however it is combined."""

from __future__ import annotations

import markdown
from markupsafe import Markup

from govreg.markup import MD, escape_text, link, rel, show_invisible

HOSTILE = ["[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "**bold** _em_ `code`", "{{ x }}", "~~s~~"]


def html(md: str) -> str:
    return markdown.markdown(md, extensions=["attr_list", "tables"])


def test_escaped_text_renders_as_the_same_text() -> None:
    for text in HOSTILE:
        out = html(escape_text(text))
        assert "<a" not in out and "<img" not in out and "<strong>" not in out and "<em>" not in out, out
        assert "<code>" not in out


def test_md_operations_escape_their_operands() -> None:
    safe = MD("**kept**")
    for text in HOSTILE:
        for made in (
            safe + text,
            MD("; ").join([safe, text]),
            MD("{} and {}").format(safe, text),
            MD("%s %s") % (safe, text),
        ):
            assert isinstance(made, MD)
            assert escape_text(text) in made and "**kept**" in made
            assert "<img" not in html(made) and "<a" not in html(made)


def test_html_safe_markup_is_not_markdown_safe() -> None:
    """A markupsafe.Markup is trusted for HTML only: MD escapes it again."""
    assert escape_text(Markup("[x](y)")) == r"\[x\]\(y\)"
    assert MD("") + Markup("*a*") == r"\*a\*"


def test_links_escape_their_text_and_are_relative() -> None:
    made = link("[evil](javascript:x)", "bodies/a.md#seat-1", "places/b.md")
    assert made == r"[\[evil\]\(javascript:x\)](../bodies/a.md#seat-1)"
    assert rel("index.md", "changes/2019-04.md") == "../index.md"


def test_invisible_characters_are_shown() -> None:
    assert show_invisible("a\u202eb\u200bc") == "a[U+202E]b[U+200B]c"
    assert escape_text("a\u202eb") == r"a\[U\+202E\]b"
