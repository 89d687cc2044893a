"""One generated file, page or export, and what it is.

Why: the Downloads page lists the exports by reading these descriptions, so no
page has to guess what a file is from its path.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Output:
    """A generated file at a site path."""

    path: str
    content: str | bytes
    media_type: str = "text/markdown"
    description: str = ""
    listed: bool = False
    """Listed on the Downloads page (open data files are; pages and redirects are not)."""
    place: str | None = None
    """The place a per-place file is for (its feed, calendar or review packs); None for register-wide files."""
    reviewer: str | None = None
    """The reviewer a "since your last review" pack is for."""
    role: str = ""
    """What a per-place file is: 'feed', 'calendar', 'pack' or 'since' (the Downloads page's columns)."""

    @property
    def size(self) -> int:
        return len(self.content.encode("utf-8") if isinstance(self.content, str) else self.content)

    @property
    def format(self) -> str:
        return FORMATS.get(self.media_type, self.media_type)

    @property
    def short_format(self) -> str:
        """The format in a word ('CSV', 'XLSX'), for a table cell."""
        return SHORT_FORMATS.get(self.media_type, self.format)


FORMATS = {
    "application/json": "JSON",
    "application/schema+json": "JSON Schema",
    "text/csv": "CSV",
    "application/atom+xml": "Atom feed",
    "text/calendar": "iCalendar",
    "text/html": "HTML",
    "text/markdown": "Markdown",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Spreadsheet (XLSX)",
}

SHORT_FORMATS = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX"}


def data_file(
    path: str,
    content: str | bytes,
    media_type: str,
    description: str,
    *,
    place: str | None = None,
    reviewer: str | None = None,
    role: str = "",
) -> Output:
    """An open-data file, listed on the Downloads page."""
    return Output(path, content, media_type, description, listed=True, place=place, reviewer=reviewer, role=role)
