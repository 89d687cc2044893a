"""Tables carry Material's wrapper from the build (govreg.mdtables), so its script moves none.

Why it matters: Material's bundle re-wraps every `table:not([class])` on load and lays the page out
again inside its first task; that was most of the total blocking time on phones (issue 17).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

import markdown
import pytest
from lxml import html as lhtml

from conftest import html_pages
from govreg.mdtables import WrapTables

TABLE = "| A | B |\n| --- | --- |\n| 1 | 2 |\n"


def render(text: str) -> Any:
    md = markdown.markdown(text, extensions=["tables", "md_in_html", "govreg.mdtables"])
    return lhtml.fragment_fromstring(md, create_parent="div")


def test_a_markdown_table_is_printed_inside_the_wrapper_with_a_class() -> None:
    root = render("Before.\n\n" + TABLE + "\nAfter.")
    wrap = root.xpath("./div[@class='md-typeset__scrollwrap']")
    assert len(wrap) == 1
    (table,) = wrap[0].xpath("./div[@class='md-typeset__table']/table")
    assert table.get("class") == "gr-table"
    assert [c.tag for c in root] == ["p", "div", "p"], "the table keeps its place between the paragraphs"
    assert table.xpath("string(.//td[2])") == "2"


def test_tables_inside_html_blocks_are_wrapped_too() -> None:
    root = render('<div class="gr-stack" markdown>\n\n' + TABLE + "\n</div>")
    path = ".//div[@class='gr-stack']/div[@class='md-typeset__scrollwrap']//table[@class='gr-table']"
    assert len(root.xpath(path)) == 1


def test_a_table_that_has_a_class_is_left_alone() -> None:
    tree = etree.fromstring("<div><table class='x'><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table></div>")
    WrapTables(markdown.Markdown()).run(tree)
    assert [c.tag for c in tree] == ["table", "div"]
    assert tree[0].get("class") == "x"


def test_no_built_page_leaves_a_table_for_materials_script(real_site: Path) -> None:
    """Every table on every page has its class and sits in Material's wrapper."""
    tables = 0
    for rel in html_pages(real_site):
        doc = lhtml.fromstring((real_site / rel).read_text(encoding="utf-8"))
        for table in doc.iter("table"):
            tables += 1
            assert table.get("class"), f"{rel}: a table without a class (Material's script would move it)"
            wrap = table.getparent()
            assert wrap.get("class") == "md-typeset__table", rel
            assert wrap.getparent().get("class") == "md-typeset__scrollwrap", rel
    assert tables > 100


@pytest.mark.browser
def test_gr_tables_look_like_materials_tables(real_url: str, browser: Any) -> None:
    """The copied rules match Material's own for a classless table, property by property."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.goto(f"{real_url}/commitments/")
    props = ["display", "font-size", "border-top-width", "border-radius", "background-color"]
    cell = ["padding-top", "padding-left", "vertical-align", "text-align", "border-top-width", "font-weight"]
    got = pg.evaluate(
        """([props, cell]) => {
          const ours = document.querySelector('table.gr-table');
          // Material's own markup for a classless table, as its script would leave it.
          const theirs = ours.cloneNode(true);
          theirs.removeAttribute('class');
          const wrap = document.createElement('div'), inner = document.createElement('div');
          wrap.className = 'md-typeset__scrollwrap';
          inner.className = 'md-typeset__table';
          inner.append(theirs);
          wrap.append(inner);
          ours.closest('.md-typeset__scrollwrap').after(wrap);
          const style = (el, names) => names.map(n => getComputedStyle(el).getPropertyValue(n));
          const pick = t => [style(t, props), style(t.querySelector('th'), cell), style(t.querySelector('td'), cell)];
          return [pick(ours), pick(theirs)];
        }""",
        [props, cell],
    )
    context.close()
    assert got[0] == got[1]
