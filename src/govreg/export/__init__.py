"""Exports: the register as files people can take away, at fixed URLs.

Each exporter reads the index and `Derived` and returns `Output`s that say what
they are (media type, description); nothing here reads an export back.
"""

from __future__ import annotations

from ..derive import Derived
from ..index import Index
from ..output import Output
from ..session import Session
from .atom import feeds
from .catalog import pages_json, redirects
from .compliance_ import compliance_csv
from .csv_ import csv_files
from .datapackage import datapackage
from .ical import calendars
from .json_ import json_files
from .review_pack import review_packs
from .schema import contract_file, schema_file

OTHER_PAGES = [
    ("/", "Home"),
    ("/about/", "About the register"),
    ("/data-model/", "Data model"),
    ("/add-a-place/", "Add a place"),
    ("/accessibility/", "Accessibility statement"),
    ("/downloads/", "Downloads"),
    ("/changes/", "Changes"),
]


def export_all(index: Index, derived: Derived, site_url: str = "", session: Session | None = None) -> list[Output]:
    """Every export file, sorted by site path; `site_url` (may be empty) makes feed and calendar links absolute.

    A `session` keeps costly files (the review workbooks) between generations, keyed by their inputs.
    """
    out = [schema_file(), contract_file(), datapackage(index, derived), pages_json(index, OTHER_PAGES)]
    out += json_files(index, derived)
    out += csv_files(index, derived)
    out += feeds(index, derived, site_url)
    out += calendars(index, derived, site_url)
    out += redirects(index)
    out += review_packs(index, derived, session)
    out.append(compliance_csv(index, derived))
    return sorted(out, key=lambda o: o.path)
