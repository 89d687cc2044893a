"""Exports: the register as files people can take away, at fixed URLs."""

from __future__ import annotations

from datetime import date

from ..index import Index
from .atom import feeds
from .catalog import pages_json, redirects
from .compliance_ import compliance_csv
from .csv_ import csv_files
from .datapackage import datapackage
from .ical import calendars
from .json_ import kind_json, register_json
from .review_pack import review_packs
from .schema import schema_text

OTHER_PAGES = [
    ("/", "Home"),
    ("/about/", "About the register"),
    ("/data-model/", "Data model"),
    ("/add-a-place/", "Add a place"),
    ("/accessibility/", "Accessibility statement"),
    ("/downloads/", "Downloads"),
    ("/changes/", "Changes"),
]


def export_all(index: Index, as_of: date, site_url: str = "") -> dict[str, str | bytes]:
    """Every export file, by site path; `site_url` (may be empty) makes feed and calendar links absolute."""
    out: dict[str, str | bytes] = {
        "data/register.json": register_json(index, as_of),
        "data/register.schema.json": schema_text(),
        "data/datapackage.json": datapackage(index, as_of),
        "data/pages.json": pages_json(index, OTHER_PAGES),
        "data/compliance.csv": compliance_csv(index),
    }
    out.update(kind_json(index, as_of))
    out.update(csv_files(index))
    out.update(feeds(index, as_of, site_url))
    out.update(calendars(index, as_of, site_url))
    out.update(redirects(index))
    out.update(review_packs(index, as_of))
    return dict(sorted(out.items()))
