"""What every page builder reads: the records, what was derived from them, and links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..derive import Derived
from ..index import Index
from ..markup import MD
from .links import Links


@dataclass(frozen=True)
class Site:
    """What every page builder reads: the records, what was derived from them, links."""

    index: Index
    derived: Derived
    links: Links
    site_url: str = ""
    maps: Mapping[str, MD] = field(default_factory=dict)
    """Place id -> its governance map figure (place_maps), made once per build."""
