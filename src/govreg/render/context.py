"""What every page builder reads: the records, what was derived from them, and links."""

from __future__ import annotations

from dataclasses import dataclass

from ..derive import Derived
from ..index import Index
from .links import Links


@dataclass(frozen=True)
class Site:
    """What every page builder reads: the records, what was derived from them, links."""

    index: Index
    derived: Derived
    links: Links
    site_url: str = ""
