"""Which built pages, between them, show every way the site styles text.

Why: axe-core's colour rules (contrast of text, links told apart from the text around them) are
most of the time of checking a page, and what they judge is set by CSS: an element's colours
come from the rules that match it and its ancestors, never from the words inside it. So the
colour rules need one page for each distinct styling of text, not every page. A styling here is
the chain from <body> to an element that holds text, each step its tag, its classes, the values of
Material's `data-md-*` state attributes and the names of its other attributes (CSS may select on
any of them). The other rules (names, roles, headings, landmarks, duplicate ids, ...) depend on
the content and still run on every page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP = {"script", "style", "svg", "template", "noscript"}
"""Their contents are not text a reader sees (an SVG's text is judged by its own fill, not checked by axe)."""


def _step(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    parts = [tag]
    for name, value in sorted(attrs):
        if name == "class":
            parts.append("." + ".".join(sorted((value or "").split())))
        elif name.startswith("data-md-"):
            parts.append(f"[{name}={value}]")
        elif name not in {"id", "href", "src", "alt", "content", "datetime", "aria-labelledby", "aria-describedby"}:
            parts.append(f"[{name}]")
    return "".join(parts)


class _Stylings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skipping = 0
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag == "input":  # its value is text
                self._add([*self.stack, _step(tag, attrs)])
            return
        self.stack.append(_step(tag, attrs))
        if tag in SKIP:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        # Browsers close unclosed elements: pop to the nearest open one of this tag.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].split(".", 1)[0].split("[", 1)[0] == tag:
                if tag in SKIP:
                    self.skipping = max(0, self.skipping - 1)
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self.skipping:
            self._add(self.stack)

    def _add(self, chain: list[str]) -> None:
        """The chain from <body> down (text outside <body> is not shown)."""
        for i, step in enumerate(chain):
            if step.startswith("body"):
                self.found.add(" > ".join(chain[i:]))
                return


def stylings(html: str) -> frozenset[str]:
    """Every styling of text on a page (see the module's docstring)."""
    parser = _Stylings()
    parser.feed(html)
    parser.close()
    return frozenset(parser.found)


def covering_pages(site: Path, urls: list[str]) -> list[str]:
    """A few of `urls` that together show every styling of text any of them shows, the first of them
    always among them; picked greedily (most new stylings first), ties in URL order."""
    page_file = {u: site / (u.lstrip("/") + "index.html" if u.endswith("/") else u.lstrip("/")) for u in urls}
    left = {u: stylings(page_file[u].read_text(encoding="utf-8")) for u in urls}
    chosen = [urls[0]]
    seen = set(left.pop(urls[0]))
    while True:
        best = max(left, key=lambda u: (len(left[u] - seen), -urls.index(u)), default=None)
        if best is None or not left[best] - seen:
            return chosen
        chosen.append(best)
        seen |= left.pop(best)
