"""Exports: the register as files people can take away."""

from __future__ import annotations

from datetime import date

from ..index import Index


def export_all(index: Index, as_of: date) -> dict[str, str | bytes]:
    """Every export file, by site path."""
    from .schema import schema_text

    return {"data/register.schema.json": schema_text()}
