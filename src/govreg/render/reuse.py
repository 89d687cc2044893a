"""Pages kept between generations in a session, keyed by everything that shapes their text.

Why: after one edit in `mkdocs serve`, nearly every page's view is what it was, and
printing thousands of pages through Jinja again is most of the data layer's time at
national size. A page's text is a pure function of its template, its view (the values
passed to it), the as-of date and version, and what the link filters read from the
index (every id's title and path). So the key is a sha256 of: the templates' source,
the link table, the as-of date, the page's path and template, and the pickled view.
A view that cannot be pickled is always rendered. The version (a hash of all the
data, printed on record pages) is kept out of the key, as in the HTML cache: the text
is stored with a stand-in and the version put back, and a page is not stored when
that would not give back exactly the text rendered; in the pickled view, too, the
version is replaced by the stand-in before hashing.

Keep it so: templates read the index only through the link filters (`Links`). A new
filter or global that reads anything else must put what it reads into the salt
(`page_reuse`), or `tests/test_session.py` will show stale pages.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from importlib import resources

from ..index import Index
from ..session import Session
from ..urls import path_of

STAND_IN = "vvvvvvvvvvvvvvvvvvvvvvvv"
"""Put where the version was in a stored page; letters only, so never a version itself."""


def templates_digest() -> bytes:
    """sha256 of every template's name and source (templates may change while `mkdocs serve` runs)."""
    h = hashlib.sha256()
    root = resources.files("govreg") / "templates"
    stack = [root]
    found: list[tuple[str, bytes]] = []
    while stack:
        folder = stack.pop()
        for item in folder.iterdir():
            if item.is_dir():
                stack.append(item)
            elif item.name.endswith(".j2"):
                found.append((str(item), item.read_bytes()))
    for name, body in sorted(found):
        h.update(name.encode() + b"\0" + body + b"\0")
    return h.digest()


def link_table_digest(index: Index) -> bytes:
    """sha256 of (id, title, path) for every id a link filter can be given."""
    h = hashlib.sha256()
    for rid in sorted([*index.records, *index.nested]):
        h.update(f"{rid}\0{index.title(rid)}\0{path_of(index, rid)}\0".encode())
    return h.digest()


class PageReuse:
    """Renders a page, or gives back its text from the session when its key is unchanged."""

    def __init__(self, session: Session, salt: bytes, version: str) -> None:
        self.session = session
        self.salt = salt
        self.version = version
        self.reused = 0
        self.rendered = 0

    def text(self, path: str, values: object, render: Callable[[], str]) -> str:
        try:
            view = pickle.dumps((path, values), protocol=5)
        except Exception:  # a value without a pickled form: render it every time
            view = b""
        if not view or STAND_IN.encode() in view:  # the stand-in must stand for the version alone
            self.rendered += 1
            return render()
        if self.version:  # views cite the version too ("Cite this")
            view = view.replace(self.version.encode(), STAND_IN.encode())
        key = hashlib.sha256(self.salt + view).hexdigest()
        stored = self.session.get("page", key)
        if isinstance(stored, str):
            self.reused += 1
            return stored.replace(STAND_IN, self.version)
        self.rendered += 1
        text = render()
        kept = text.replace(self.version, STAND_IN) if self.version else text
        if kept.replace(STAND_IN, self.version) == text and (self.version or STAND_IN not in text):
            self.session.put("page", key, kept)
        return text


def page_reuse(session: Session, index: Index, as_of: str, version: str, site_url: str) -> PageReuse:
    """The page store of one generation."""
    salt = hashlib.sha256(templates_digest() + link_table_digest(index) + f"\0{as_of}\0{site_url}\0".encode()).digest()
    return PageReuse(session, salt, version)
