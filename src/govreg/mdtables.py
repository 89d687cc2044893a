"""Python-Markdown extension: give every table its scroll wrapper at build time.

Why: Material's bundle finds each `table:not([class])` when a page loads, detaches it and puts
it back inside `div.md-typeset__scrollwrap > div.md-typeset__table`, which forces the browser to
lay the page out again inside the bundle's first task. On a phone that was most of the total
blocking time of the registers and body pages (Lighthouse mobile: about 300 ms of it on the
commitments register). Printing the same wrapper here, with a class on the table, gives the same
markup and look with nothing left for the script to move. The styles Material keeps for
`table:not([class])` are repeated for `table.gr-table` in src/govreg/theme/assets/register.css.

Enabled in mkdocs.yml as `govreg.mdtables`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

TABLE_CLASS = "gr-table"
SCROLLWRAP = "md-typeset__scrollwrap"
TABLE_WRAP = "md-typeset__table"


class WrapTables(Treeprocessor):
    """Classless tables become `div.md-typeset__scrollwrap > div.md-typeset__table > table.gr-table`."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for position, child in enumerate(list(parent)):
                if child.tag != "table" or child.get("class"):
                    continue
                child.set("class", TABLE_CLASS)
                scrollwrap = etree.Element("div", {"class": SCROLLWRAP})
                etree.SubElement(scrollwrap, "div", {"class": TABLE_WRAP}).append(child)
                scrollwrap.tail, child.tail = child.tail, None
                parent.remove(child)
                parent.insert(position, scrollwrap)


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20) has filled the cells, before prettify (10) indents the result.
        md.treeprocessors.register(WrapTables(md), "govreg_wrap_tables", 15)


def makeExtension(**kwargs: Any) -> TablesExtension:
    return TablesExtension(**kwargs)
